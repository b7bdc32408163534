import { describe, expect, test } from 'vitest';
import type { Schedule, WeeklyRange } from '../api/scheduling-types.ts';
import { hoursAround, workingSpans } from './working-hours.ts';

const weekdays = (days: WeeklyRange['day'][], ranges: Array<[string, string]>): WeeklyRange[] =>
  days.flatMap((day) => ranges.map(([start, end]) => ({ day, start, end })));

function schedule(practitionerId: string, overrides: Partial<Schedule> = {}): Schedule {
  return {
    id: `schedule-${practitionerId}`,
    practitioner_id: practitionerId,
    location_id: 'parc',
    hours: [],
    breaks: [],
    exceptions: [],
    valid_from: null,
    valid_to: null,
    created_at: '2026-01-05T09:00:00Z',
    ...overrides,
  };
}

// The demo clinic's Dr Martin: weekdays 08:30–12:30 and 14:00–18:30.
const martin = schedule('martin', {
  hours: weekdays(
    ['mon', 'tue', 'wed', 'thu', 'fri'],
    [
      ['08:30', '12:30'],
      ['14:00', '18:30'],
    ],
  ),
});
// Dr Dubois: Wednesday, Friday and Saturday mornings.
const dubois = schedule('dubois', { hours: weekdays(['wed', 'fri', 'sat'], [['09:00', '13:00']]) });
const MONDAY = '2026-05-04';
const WEDNESDAY = '2026-05-06';
const SATURDAY = '2026-05-09';
const SUNDAY = '2026-05-10';

describe('working hours on the agenda', () => {
  test('a weekday’s hours, and nothing on a day off', () => {
    expect(workingSpans([martin], MONDAY, null)).toEqual([
      { start: 510, end: 750 },
      { start: 840, end: 1110 },
    ]);
    expect(workingSpans([martin], SUNDAY, null)).toEqual([]);
  });

  test('a break is taken out of the hours', () => {
    const withCoffee = { ...martin, breaks: [{ day: 'mon' as const, start: '10:00', end: '10:30' }] };
    expect(workingSpans([withCoffee], MONDAY, null)).toEqual([
      { start: 510, end: 600 },
      { start: 630, end: 750 },
      { start: 840, end: 1110 },
    ]);
  });

  test('a holiday closes the day; special hours replace it, breaks included', () => {
    const holiday = { ...martin, exceptions: [{ kind: 'closed' as const, date: MONDAY }] };
    expect(workingSpans([holiday], MONDAY, null)).toEqual([]);
    const special = {
      ...martin,
      breaks: [{ day: 'mon' as const, start: '10:00', end: '10:30' }],
      exceptions: [{ kind: 'hours' as const, date: MONDAY, hours: [{ start: '10:00', end: '24:00' }] }],
    };
    expect(workingSpans([special], MONDAY, null)).toEqual([{ start: 600, end: 1440 }]);
  });

  test('a schedule counts only between its valid dates', () => {
    const untilApril = { ...martin, valid_to: '2026-04-30' };
    const fromNextWeek = { ...martin, valid_from: '2026-05-11' };
    expect(workingSpans([untilApril, fromNextWeek], MONDAY, null)).toEqual([]);
    expect(workingSpans([untilApril, fromNextWeek], '2026-05-11', null)).toHaveLength(2);
  });

  test('everyone at once: the union of their hours; one practitioner: theirs only', () => {
    expect(workingSpans([martin, dubois], WEDNESDAY, null)).toEqual([
      { start: 510, end: 780 },
      { start: 840, end: 1110 },
    ]);
    expect(workingSpans([martin, dubois], SATURDAY, null)).toEqual([{ start: 540, end: 780 }]);
    expect(workingSpans([martin, dubois], SATURDAY, new Set(['martin']))).toEqual([]);
  });

  test('the grid spans whole hours around the hours worked', () => {
    expect(hoursAround(workingSpans([martin], MONDAY, null))).toEqual({ start: 480, end: 1140 });
    expect(hoursAround([])).toBeNull();
  });
});
