import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { type AvailabilityQuery, AvailabilityQueryError } from './availability-query.ts';
import { nextSlots } from './next-slots.ts';
import { parseTimePreference } from './time-preference.ts';
import type { WeeklyRange } from './weekly-schedule.ts';

function at(localWithOffset: string): string {
  return Temporal.Instant.from(localWithOffset).toString();
}

const weekdays = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).flatMap((day): WeeklyRange[] => [
  { day, start: '09:00', end: '12:00' },
  { day, start: '14:00', end: '18:00' },
]);

// Monday 14 June 2027, 10:00 in Paris (UTC+2).
const NOW = at('2027-06-14T10:00+02:00');

function query(overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return {
    schedules: [{ practitionerId: 'dr-a', locationId: 'loc-1', timeZone: 'Europe/Paris', hours: weekdays }],
    appointmentType: { durationMinutes: 60 },
    busy: [],
    now: NOW,
    minimumNoticeMinutes: 120,
    horizonDays: 60,
    slotStepMinutes: 60,
    ...overrides,
  };
}

function preference(text: string) {
  const parsed = parseTimePreference(text, { now: NOW, timeZone: 'Europe/Paris' });
  if (parsed === null) throw new Error(`no preference in ${text}`);
  return parsed;
}

const starts = (result: ReturnType<typeof nextSlots>) => result.slots.map((slot) => slot.start);

describe('nextSlots', () => {
  test('asap gives the soonest slots after the notice', () => {
    const result = nextSlots(query(), preference('dès que possible'), 3);
    expect(result.matchedPreference).toBe(true);
    expect(starts(result)).toEqual([
      at('2027-06-14T14:00+02:00'),
      at('2027-06-14T15:00+02:00'),
      at('2027-06-14T16:00+02:00'),
    ]);
  });

  test('a window gives its own slots only', () => {
    const result = nextSlots(query(), preference('demain après-midi'), 2);
    expect(result.matchedPreference).toBe(true);
    expect(starts(result)).toEqual([at('2027-06-15T14:00+02:00'), at('2027-06-15T15:00+02:00')]);
  });

  test('a span of days with a time of day keeps that time of day on every day', () => {
    const result = nextSlots(query(), preference('la semaine prochaine le matin'), 4);
    expect(starts(result)).toEqual([
      at('2027-06-21T09:00+02:00'),
      at('2027-06-21T10:00+02:00'),
      at('2027-06-21T11:00+02:00'),
      at('2027-06-22T09:00+02:00'),
    ]);
  });

  test('when the window is full, the nearest slots after it, and says so', () => {
    const tuesdayMorningBooked = { start: at('2027-06-15T09:00+02:00'), end: at('2027-06-15T12:00+02:00') };
    const result = nextSlots(query({ busy: [tuesdayMorningBooked] }), preference('demain matin'), 2);
    expect(result.matchedPreference).toBe(false);
    expect(starts(result)).toEqual([at('2027-06-15T14:00+02:00'), at('2027-06-15T15:00+02:00')]);
  });

  test('a window already past falls back to the slots from now on', () => {
    const evening = at('2027-06-14T19:00+02:00');
    const pref = parseTimePreference('ce matin', { now: evening, timeZone: 'Europe/Paris' });
    if (pref === null) throw new Error('expected a preference');
    const result = nextSlots(query({ now: evening, minimumNoticeMinutes: 0 }), pref, 1);
    expect(result).toEqual({
      matchedPreference: false,
      slots: [expect.objectContaining({ start: at('2027-06-15T09:00+02:00') })],
    });
  });

  test('the time of day is read in each slot’s own zone', () => {
    const kolkata = query({
      schedules: [{ practitionerId: 'dr-k', locationId: 'loc-k', timeZone: 'Asia/Kolkata', hours: weekdays }],
      now: '2027-06-14T00:00:00Z',
      minimumNoticeMinutes: 0,
    });
    const mornings = {
      kind: 'window',
      from: '2027-06-14T00:00:00Z',
      to: '2027-06-16T00:00:00Z',
      timeOfDay: { start: '10:00', end: '12:00' },
    } as const;
    // 10:00 and 11:00 in Kolkata are 04:30Z and 05:30Z.
    expect(starts(nextSlots(kolkata, mornings, 3))).toEqual([
      '2027-06-14T04:30:00Z',
      '2027-06-14T05:30:00Z',
      '2027-06-15T04:30:00Z',
    ]);
  });

  test('count must be at least 1', () => {
    expect(() => nextSlots(query(), { kind: 'asap' }, 0)).toThrow(AvailabilityQueryError);
  });
});
