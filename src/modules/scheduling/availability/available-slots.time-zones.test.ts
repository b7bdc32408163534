import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import type { AvailabilityQuery } from './availability-query.ts';
import { availableSlots } from './available-slots.ts';
import { WEEKDAYS, type WeeklyScheduleInput } from './weekly-schedule.ts';

/** An instant written with its local offset, as the UTC string slots carry. */
function at(localWithOffset: string): string {
  return Temporal.Instant.from(localWithOffset).toString();
}

function everyDay(ranges: Array<[string, string]>): WeeklyScheduleInput['hours'] {
  return WEEKDAYS.flatMap((day) => ranges.map(([start, end]) => ({ day, start, end })));
}

function query(timeZone: string, hours: WeeklyScheduleInput['hours'], overrides: Partial<AvailabilityQuery>) {
  return {
    schedules: [{ practitionerId: 'dr-a', locationId: 'loc-1', timeZone, hours }],
    appointmentType: { durationMinutes: 60 },
    busy: [],
    now: '2027-01-01T00:00:00Z',
    minimumNoticeMinutes: 0,
    horizonDays: 366,
    slotStepMinutes: 60,
    ...overrides,
  } satisfies AvailabilityQuery;
}

function starts(q: AvailabilityQuery): string[] {
  return availableSlots(q).map((slot) => slot.start);
}

describe('Europe/Paris across the 2027 clock changes', () => {
  const clinicDay = everyDay([
    ['09:00', '12:00'],
    ['14:00', '18:00'],
  ]);
  const localHours = ['09', '10', '11', '14', '15', '16', '17'];

  test('on the spring-forward Sunday, slots stay at local 09:00… and move one hour earlier in UTC', () => {
    const saturday = starts(
      query('Europe/Paris', clinicDay, {
        from: at('2027-03-27T00:00+01:00'),
        to: at('2027-03-28T00:00+01:00'),
      }),
    );
    const sunday = starts(
      query('Europe/Paris', clinicDay, {
        from: at('2027-03-28T00:00+01:00'),
        to: at('2027-03-29T00:00+02:00'),
      }),
    );
    expect(saturday).toEqual(localHours.map((hour) => at(`2027-03-27T${hour}:00+01:00`)));
    expect(sunday).toEqual(localHours.map((hour) => at(`2027-03-28T${hour}:00+02:00`)));
    expect(sunday[0]).toBe('2027-03-28T07:00:00Z');
    expect(saturday[0]).toBe('2027-03-27T08:00:00Z');
  });

  test('on the fall-back Sunday, slots stay at local 09:00… and move one hour later in UTC', () => {
    const saturday = starts(
      query('Europe/Paris', clinicDay, {
        from: at('2027-10-30T00:00+02:00'),
        to: at('2027-10-31T00:00+02:00'),
      }),
    );
    const sunday = starts(
      query('Europe/Paris', clinicDay, {
        from: at('2027-10-31T00:00+02:00'),
        to: at('2027-11-01T00:00+01:00'),
      }),
    );
    expect(saturday).toEqual(localHours.map((hour) => at(`2027-10-30T${hour}:00+02:00`)));
    expect(sunday).toEqual(localHours.map((hour) => at(`2027-10-31T${hour}:00+01:00`)));
    expect(sunday[0]).toBe('2027-10-31T08:00:00Z');
  });

  const night = everyDay([['01:00', '04:00']]);
  const halfHours = { appointmentType: { durationMinutes: 30 }, slotStepMinutes: 30 };

  test('the skipped hour (02:00–03:00 on 28 March) offers no slot; the night is two hours long', () => {
    const slots = availableSlots(
      query('Europe/Paris', night, {
        ...halfHours,
        from: at('2027-03-28T00:00+01:00'),
        to: at('2027-03-29T00:00+02:00'),
      }),
    );
    expect(slots.map((slot) => slot.start)).toEqual([
      at('2027-03-28T01:00+01:00'),
      at('2027-03-28T01:30+01:00'),
      at('2027-03-28T03:00+02:00'),
      at('2027-03-28T03:30+02:00'),
    ]);
    // 01:30 + 30 minutes is 03:00 summer time: the slots follow each other without a hole.
    expect(slots.map((slot) => slot.end)).toEqual([
      '2027-03-28T00:30:00Z',
      '2027-03-28T01:00:00Z',
      '2027-03-28T01:30:00Z',
      '2027-03-28T02:00:00Z',
    ]);
  });

  test('the repeated hour (02:00–03:00 twice on 31 October) offers each local time once, the first time', () => {
    const slots = availableSlots(
      query('Europe/Paris', night, {
        ...halfHours,
        from: at('2027-10-30T12:00+02:00'),
        to: at('2027-11-01T00:00+01:00'),
      }),
    );
    expect(slots.map((slot) => slot.start)).toEqual([
      at('2027-10-31T01:00+02:00'),
      at('2027-10-31T01:30+02:00'),
      at('2027-10-31T02:00+02:00'),
      at('2027-10-31T02:30+02:00'),
      at('2027-10-31T03:00+01:00'),
      at('2027-10-31T03:30+01:00'),
    ]);
    const localTimes = slots.map((slot) =>
      Temporal.Instant.from(slot.start).toZonedDateTimeISO('Europe/Paris').toPlainTime().toString(),
    );
    expect(new Set(localTimes).size).toBe(localTimes.length);
    // The second 02:00–03:00 (winter time, 01:00Z–02:00Z) starts no slot.
    expect(
      slots.some((slot) => slot.start >= '2027-10-31T01:00:00Z' && slot.start < '2027-10-31T02:00:00Z'),
    ).toBe(false);
  });

  test('a working range starting inside the skipped hour opens when the clocks jump to 03:00', () => {
    const slots = starts(
      query('Europe/Paris', everyDay([['02:30', '05:00']]), {
        ...halfHours,
        from: at('2027-03-28T00:00+01:00'),
        to: at('2027-03-29T00:00+02:00'),
      }),
    );
    expect(slots).toEqual([
      at('2027-03-28T03:00+02:00'),
      at('2027-03-28T03:30+02:00'),
      at('2027-03-28T04:00+02:00'),
      at('2027-03-28T04:30+02:00'),
    ]);
  });

  test('the horizon counts calendar days: one day from Saturday noon is Sunday noon local, across the change', () => {
    const slots = starts(
      query('Europe/Paris', everyDay([['09:00', '18:00']]), {
        now: at('2027-03-27T12:00+01:00'),
        horizonDays: 1,
        from: at('2027-03-28T00:00+01:00'),
      }),
    );
    expect(slots).toEqual([
      at('2027-03-28T09:00+02:00'),
      at('2027-03-28T10:00+02:00'),
      at('2027-03-28T11:00+02:00'),
    ]);
  });
});

describe('other zones', () => {
  const nineToFive = everyDay([['09:00', '17:00']]);
  const firstSlotOf = (timeZone: string, fromLocal: string) =>
    availableSlots(query(timeZone, nineToFive, { from: at(fromLocal), limit: 1 }))[0]?.start;

  test('America/New_York: 09:00 is 14:00Z in winter, 13:00Z from 14 March, 14:00Z again from 7 November', () => {
    expect(firstSlotOf('America/New_York', '2027-03-13T00:00-05:00')).toBe('2027-03-13T14:00:00Z');
    expect(firstSlotOf('America/New_York', '2027-03-14T00:00-05:00')).toBe('2027-03-14T13:00:00Z');
    expect(firstSlotOf('America/New_York', '2027-11-06T00:00-04:00')).toBe('2027-11-06T13:00:00Z');
    expect(firstSlotOf('America/New_York', '2027-11-07T00:00-04:00')).toBe('2027-11-07T14:00:00Z');
  });

  test('Asia/Kolkata: +05:30 all year, so 09:00 is 03:30Z in January and in July', () => {
    expect(firstSlotOf('Asia/Kolkata', '2027-01-11T00:00+05:30')).toBe('2027-01-11T03:30:00Z');
    expect(firstSlotOf('Asia/Kolkata', '2027-07-12T00:00+05:30')).toBe('2027-07-12T03:30:00Z');
  });

  test('Australia/Sydney: summer time ends on 4 April, so Monday 09:00 is 23:00Z on the Sunday before', () => {
    expect(firstSlotOf('Australia/Sydney', '2027-04-03T00:00+11:00')).toBe('2027-04-02T22:00:00Z');
    expect(firstSlotOf('Australia/Sydney', '2027-04-05T00:00+10:00')).toBe('2027-04-04T23:00:00Z');
    // And starts again on 3 October.
    expect(firstSlotOf('Australia/Sydney', '2027-10-02T00:00+10:00')).toBe('2027-10-01T23:00:00Z');
    expect(firstSlotOf('Australia/Sydney', '2027-10-04T00:00+11:00')).toBe('2027-10-03T22:00:00Z');
  });

  test('Pacific/Auckland: +12 in winter, +13 from 26 September', () => {
    expect(firstSlotOf('Pacific/Auckland', '2027-09-25T00:00+12:00')).toBe('2027-09-24T21:00:00Z');
    expect(firstSlotOf('Pacific/Auckland', '2027-09-27T00:00+13:00')).toBe('2027-09-26T20:00:00Z');
  });

  test('slots of practitioners in different zones interleave by instant, each carrying its own zone', () => {
    const slots = availableSlots({
      ...query('Europe/Paris', nineToFive, { from: '2027-06-14T00:00:00Z', to: '2027-06-14T09:00:00Z' }),
      schedules: [
        { practitionerId: 'paris', locationId: 'p', timeZone: 'Europe/Paris', hours: nineToFive },
        { practitionerId: 'kolkata', locationId: 'k', timeZone: 'Asia/Kolkata', hours: nineToFive },
      ],
    });
    expect(slots.map((slot) => [slot.start, slot.practitionerId, slot.timeZone])).toEqual([
      ['2027-06-14T03:30:00Z', 'kolkata', 'Asia/Kolkata'],
      ['2027-06-14T04:30:00Z', 'kolkata', 'Asia/Kolkata'],
      ['2027-06-14T05:30:00Z', 'kolkata', 'Asia/Kolkata'],
      ['2027-06-14T06:30:00Z', 'kolkata', 'Asia/Kolkata'],
      ['2027-06-14T07:00:00Z', 'paris', 'Europe/Paris'],
      ['2027-06-14T07:30:00Z', 'kolkata', 'Asia/Kolkata'],
      ['2027-06-14T08:00:00Z', 'paris', 'Europe/Paris'],
      ['2027-06-14T08:30:00Z', 'kolkata', 'Asia/Kolkata'],
    ]);
  });
});
