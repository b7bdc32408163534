import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { appointmentWindowRange, birthDatesForAge, lastMonthsRange } from './segment-window.ts';

const PARIS = 'Europe/Paris';

describe('segment windows on the clinic’s calendar', () => {
  test('next week runs Monday to Monday in the clinic’s time zone, across the change to summer time', () => {
    // Wednesday 25 March 2026; summer time starts on Sunday 29 March.
    const now = new Date('2026-03-25T10:00:00.000Z');
    expect(appointmentWindowRange('this_week', { now, timeZone: PARIS })).toEqual({
      from: new Date('2026-03-22T23:00:00.000Z'),
      to: new Date('2026-03-29T22:00:00.000Z'),
    });
    expect(appointmentWindowRange('next_week', { now, timeZone: PARIS })).toEqual({
      from: new Date('2026-03-29T22:00:00.000Z'),
      to: new Date('2026-04-05T22:00:00.000Z'),
    });
  });

  test('on a Sunday evening in Paris (already Monday in UTC+14) the week is Paris’s', () => {
    const now = new Date('2026-03-08T20:30:00.000Z'); // Sunday 21:30 in Paris
    expect(appointmentWindowRange('this_week', { now, timeZone: PARIS }).from).toEqual(
      new Date('2026-03-01T23:00:00.000Z'),
    );
    expect(appointmentWindowRange('this_week', { now, timeZone: 'Pacific/Kiritimati' }).from).toEqual(
      new Date('2026-03-08T10:00:00.000Z'),
    );
  });

  test('explicit dates include the last day; the next 7 days start now', () => {
    const now = new Date('2026-03-25T10:00:00.000Z');
    expect(
      appointmentWindowRange('dates', { now, timeZone: PARIS, from: '2026-04-01', to: '2026-04-01' }),
    ).toEqual({
      from: new Date('2026-03-31T22:00:00.000Z'),
      to: new Date('2026-04-01T22:00:00.000Z'),
    });
    expect(appointmentWindowRange('next_7_days', { now, timeZone: PARIS })).toEqual({
      from: now,
      // 7 days on the calendar: one of them is 23 hours long.
      to: new Date('2026-04-01T09:00:00.000Z'),
    });
    expect(lastMonthsRange(now, PARIS, 3).from).toEqual(new Date('2025-12-24T23:00:00.000Z'));
  });

  test('ages: born on the day counts, the day after does not', () => {
    const today = Temporal.PlainDate.from('2026-03-04');
    const sixties = birthDatesForAge(today, 60, 69);
    expect(sixties[0]).toBe('1956-03-05');
    expect(sixties.at(-1)).toBe('1966-03-04');
    expect(birthDatesForAge(today, 0, 0)).toHaveLength(365);
    expect(birthDatesForAge(today, 18, undefined).at(-1)).toBe('2008-03-04');
  });
});
