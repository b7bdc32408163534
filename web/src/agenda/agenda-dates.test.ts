import { describe, expect, test } from 'vitest';
import {
  agendaRange,
  daysBetween,
  parseDate,
  shiftDate,
  startOfDay,
  todayIn,
  wallClock,
} from './agenda-dates.ts';

const PARIS = 'Europe/Paris';

describe('the agenda’s days', () => {
  test('a week runs Monday to Sunday around the chosen day, bounded at the clinic’s midnights', () => {
    // Wednesday 25 March 2026; clocks go forward in Paris on Sunday 29 March.
    const week = agendaRange('week', '2026-03-25', PARIS);
    expect(week.days).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(week.from).toBe('2026-03-22T23:00:00Z');
    // Monday 30 March starts at 00:00 summer time: 22:00 UTC, a week one hour shorter.
    expect(week.to).toBe('2026-03-29T22:00:00Z');
  });

  test('a Sunday belongs to the week that began the Monday before', () => {
    expect(agendaRange('week', '2026-05-10', PARIS).days[0]).toBe('2026-05-04');
  });

  test('a day is that day only', () => {
    expect(agendaRange('day', '2026-07-14', PARIS)).toEqual({
      days: ['2026-07-14'],
      from: '2026-07-13T22:00:00Z',
      to: '2026-07-14T22:00:00Z',
    });
  });

  test('previous and next move by a day or by a week, across months and years', () => {
    expect(shiftDate('day', '2026-02-28', 1)).toBe('2026-03-01');
    expect(shiftDate('week', '2026-12-30', 1)).toBe('2027-01-06');
    expect(shiftDate('week', '2026-01-02', -1)).toBe('2025-12-26');
  });

  test('today is the clinic’s today, not the browser’s', () => {
    const lateEvening = new Date('2026-03-28T23:30:00Z');
    expect(todayIn(PARIS, lateEvening)).toBe('2026-03-29');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-03-28');
  });

  test('an instant sits at its wall-clock minute, summer or winter', () => {
    expect(wallClock('2026-03-27T08:00:00Z', PARIS)).toEqual({ date: '2026-03-27', minutes: 540 });
    expect(wallClock('2026-03-30T07:00:00Z', PARIS)).toEqual({ date: '2026-03-30', minutes: 540 });
    expect(startOfDay('2026-10-25', PARIS)).toBe('2026-10-24T22:00:00Z');
  });

  test('a date typed in the address is used only when it exists', () => {
    expect(parseDate('2026-02-28')).toBe('2026-02-28');
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDate('tomorrow')).toBeUndefined();
    expect(parseDate(null)).toBeUndefined();
  });

  test('days between two dates', () => {
    expect(daysBetween('2026-03-28', '2026-04-02')).toBe(5);
    expect(daysBetween('2026-04-02', '2026-03-28')).toBe(-5);
  });
});
