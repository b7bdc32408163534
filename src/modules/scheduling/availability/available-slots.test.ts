import { describe, expect, test } from 'vitest';
import { type AvailabilityQuery, AvailabilityQueryError } from './availability-query.ts';
import { availableSlots } from './available-slots.ts';
import type { WeeklyScheduleInput } from './weekly-schedule.ts';

// Monday 14 June 2027, Europe/Paris in summer time (UTC+2): local 09:00 is 07:00Z.
const MONDAY = '2027-06-14';

function schedule(overrides: Partial<WeeklyScheduleInput> = {}): WeeklyScheduleInput {
  return {
    practitionerId: 'dr-a',
    locationId: 'loc-1',
    timeZone: 'Europe/Paris',
    hours: [{ day: 'mon', start: '09:00', end: '12:00' }],
    ...overrides,
  };
}

function query(overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return {
    schedules: [schedule()],
    appointmentType: { durationMinutes: 30 },
    busy: [],
    now: '2027-06-13T12:00:00Z',
    minimumNoticeMinutes: 0,
    horizonDays: 30,
    slotStepMinutes: 30,
    from: `${MONDAY}T00:00:00+02:00`,
    to: `${MONDAY}T23:59:00+02:00`,
    ...overrides,
  };
}

/** Local Paris wall-clock times (HH:MM) of the slots' starts, for readable expectations. */
function localStarts(q: AvailabilityQuery): string[] {
  return availableSlots(q).map((slot) =>
    new Date(slot.start).toLocaleTimeString('fr-FR', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    }),
  );
}

describe('availableSlots', () => {
  test('gives slots as UTC instants with the practitioner, location and zone', () => {
    const [first] = availableSlots(query());
    expect(first).toEqual({
      start: '2027-06-14T07:00:00Z',
      end: '2027-06-14T07:30:00Z',
      practitionerId: 'dr-a',
      locationId: 'loc-1',
      timeZone: 'Europe/Paris',
    });
  });

  test('slots start every step from the start of the range, and must end inside it', () => {
    const q = query({
      schedules: [schedule({ hours: [{ day: 'mon', start: '09:10', end: '10:30' }] })],
      appointmentType: { durationMinutes: 15 },
      slotStepMinutes: 15,
    });
    expect(localStarts(q)).toEqual(['09:10', '09:25', '09:40', '09:55', '10:10']);
  });

  test('a duration longer than the step gives overlapping candidates, the last ending by closing time', () => {
    const q = query({
      schedules: [schedule({ hours: [{ day: 'mon', start: '09:10', end: '10:30' }] })],
      slotStepMinutes: 15,
    });
    expect(localStarts(q)).toEqual(['09:10', '09:25', '09:40', '09:55']);
  });

  test('breaks are taken out of the hours, and slots after a break start when it ends', () => {
    const q = query({
      schedules: [
        schedule({
          hours: [{ day: 'mon', start: '09:00', end: '17:00' }],
          breaks: [{ day: 'mon', start: '12:10', end: '13:05' }],
        }),
      ],
      slotStepMinutes: 60,
    });
    expect(localStarts(q)).toEqual(['09:00', '10:00', '11:00', '13:05', '14:05', '15:05', '16:05']);
  });

  test('morning and afternoon ranges on the same day, other weekdays closed', () => {
    const q = query({
      schedules: [
        schedule({
          hours: [
            { day: 'mon', start: '14:00', end: '15:00' },
            { day: 'mon', start: '09:00', end: '10:00' },
            { day: 'tue', start: '09:00', end: '10:00' },
          ],
        }),
      ],
    });
    expect(localStarts(q)).toEqual(['09:00', '09:30', '14:00', '14:30']);
  });

  test('a closed exception (a holiday) removes the day; special hours replace it, breaks included', () => {
    const base = {
      hours: [{ day: 'mon' as const, start: '09:00', end: '12:00' }],
      breaks: [{ day: 'mon' as const, start: '10:00', end: '11:00' }],
    };
    const closed = query({
      schedules: [schedule({ ...base, exceptions: [{ kind: 'closed', date: MONDAY, reason: 'holiday' }] })],
    });
    expect(availableSlots(closed)).toEqual([]);
    const special = query({
      schedules: [
        schedule({
          ...base,
          exceptions: [{ kind: 'hours', date: MONDAY, hours: [{ start: '10:00', end: '11:30' }] }],
        }),
      ],
    });
    expect(localStarts(special)).toEqual(['10:00', '10:30', '11:00']);
    const nextMonday = query({
      schedules: [schedule({ ...base, exceptions: [{ kind: 'closed', date: MONDAY }] })],
      from: '2027-06-21T00:00:00+02:00',
      to: '2027-06-22T00:00:00+02:00',
    });
    expect(localStarts(nextMonday)).toEqual(['09:00', '09:30', '11:00', '11:30']);
  });

  test('a schedule applies only between validFrom and validTo, both inclusive', () => {
    const q = (validFrom: string, validTo: string) =>
      query({
        schedules: [schedule({ validFrom, validTo })],
        from: '2027-06-07T00:00:00+02:00',
        to: '2027-06-29T00:00:00+02:00',
        slotStepMinutes: 180,
        appointmentType: { durationMinutes: 180 },
      });
    const days = (q1: AvailabilityQuery) => availableSlots(q1).map((slot) => slot.start.slice(0, 10));
    expect(days(q('2027-06-14', '2027-06-21'))).toEqual(['2027-06-14', '2027-06-21']);
    expect(days(q('2027-06-15', '2027-06-20'))).toEqual([]);
  });

  describe('busy time and buffers', () => {
    const appointment = { start: '2027-06-14T08:00:00Z', end: '2027-06-14T08:30:00Z' }; // 10:00–10:30 local

    test('a busy interval blocks the slots it overlaps, and only those (touching is fine)', () => {
      expect(localStarts(query({ busy: [appointment] }))).toEqual([
        '09:00',
        '09:30',
        '10:30',
        '11:00',
        '11:30',
      ]);
    });

    test('buffers must stay clear of busy time', () => {
      const q = query({
        busy: [appointment],
        appointmentType: { durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 },
      });
      // 09:30 would need until 10:15; 10:30 would need from 10:20.
      expect(localStarts(q)).toEqual(['09:00', '11:00', '11:30']);
    });

    test('buffers may run outside working hours', () => {
      const q = query({
        appointmentType: { durationMinutes: 30, bufferBeforeMinutes: 30, bufferAfterMinutes: 30 },
      });
      expect(localStarts(q)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    });

    test('busy time of one practitioner does not block another; busy time without a practitioner blocks all', () => {
      const two = [schedule(), schedule({ practitionerId: 'dr-b' })];
      const slotsAt10 = (busy: AvailabilityQuery['busy']) =>
        availableSlots(query({ schedules: two, busy }))
          .filter((slot) => slot.start === '2027-06-14T08:00:00Z')
          .map((slot) => slot.practitionerId);
      expect(slotsAt10([])).toEqual(['dr-a', 'dr-b']);
      expect(slotsAt10([{ ...appointment, practitionerId: 'dr-a' }])).toEqual(['dr-b']);
      expect(slotsAt10([appointment])).toEqual([]);
    });

    test('a practitioner busy at another location is busy everywhere', () => {
      const q = query({
        schedules: [schedule(), schedule({ locationId: 'loc-2' })],
        busy: [{ ...appointment, practitionerId: 'dr-a' }],
      });
      expect(availableSlots(q).some((slot) => slot.start === appointment.start)).toBe(false);
    });
  });

  describe('notice, horizon, window and limit', () => {
    test('no slot starts within the minimum notice', () => {
      const q = query({ now: '2027-06-14T06:20:00Z', minimumNoticeMinutes: 60 }); // 08:20 local
      expect(localStarts(q)).toEqual(['09:30', '10:00', '10:30', '11:00', '11:30']);
    });

    test('no slot starts in the past', () => {
      expect(localStarts(query({ now: '2027-06-14T08:10:00Z' }))).toEqual(['10:30', '11:00', '11:30']);
    });

    test('no slot starts horizonDays or more after now', () => {
      const q = query({
        schedules: [
          schedule({
            hours: [
              { day: 'mon', start: '09:00', end: '12:00' },
              { day: 'wed', start: '09:00', end: '12:00' },
            ],
          }),
        ],
        now: '2027-06-14T08:00:00Z', // Monday 10:00 local
        horizonDays: 2,
        from: undefined,
        to: undefined,
      });
      expect(availableSlots(q).map((slot) => slot.start)).toEqual([
        '2027-06-14T08:00:00Z',
        '2027-06-14T08:30:00Z',
        '2027-06-14T09:00:00Z',
        '2027-06-14T09:30:00Z',
        '2027-06-16T07:00:00Z',
        '2027-06-16T07:30:00Z',
      ]);
    });

    test('from and to bound the start of slots; limit keeps the earliest across schedules', () => {
      const q = query({ from: '2027-06-14T08:00:00Z', to: '2027-06-14T09:00:00Z' });
      expect(localStarts(q)).toEqual(['10:00', '10:30']);
      const limited = query({ schedules: [schedule({ practitionerId: 'dr-b' }), schedule()], limit: 3 });
      expect(availableSlots(limited).map((slot) => [slot.start, slot.practitionerId])).toEqual([
        ['2027-06-14T07:00:00Z', 'dr-a'],
        ['2027-06-14T07:00:00Z', 'dr-b'],
        ['2027-06-14T07:30:00Z', 'dr-a'],
      ]);
    });

    test('overlapping schedules of the same practitioner and place give each slot once', () => {
      const q = query({ schedules: [schedule(), schedule({ validFrom: '2027-01-01' })] });
      expect(localStarts(q)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    });
  });

  describe('invalid queries', () => {
    function issuesOf(q: AvailabilityQuery): readonly string[] {
      try {
        availableSlots(q);
      } catch (error) {
        if (error instanceof AvailabilityQueryError) return error.issues;
        throw error;
      }
      throw new Error('expected an AvailabilityQueryError');
    }

    test('say which field is wrong and why', () => {
      expect(issuesOf(query({ schedules: [schedule({ timeZone: 'Europe/Pariss' })] }))).toEqual([
        'schedules[0].timeZone: timeZone must be an IANA time zone such as Europe/Paris',
      ]);
      expect(
        issuesOf(query({ schedules: [schedule({ hours: [{ day: 'mon', start: '12:00', end: '09:00' }] })] })),
      ).toEqual([
        'schedules[0].hours[0].end: end must be after start (a range cannot cross midnight: split it over two days)',
      ]);
      expect(issuesOf(query({ now: 'tomorrow', slotStepMinutes: 0 }))).toEqual([
        'now: must be an ISO 8601 instant with Z or an offset, e.g. 2027-03-28T07:00:00Z',
        'slotStepMinutes: slotStepMinutes must be at least 5',
      ]);
      expect(
        issuesOf(query({ busy: [{ start: '2027-06-14T09:00:00Z', end: '2027-06-14T08:00:00Z' }] })),
      ).toEqual(['busy[0].end: end must be after start']);
    });

    test('reject two exceptions for the same date and a validity that ends before it starts', () => {
      const q = query({
        schedules: [
          schedule({
            validFrom: '2027-06-30',
            validTo: '2027-06-01',
            exceptions: [
              { kind: 'closed', date: MONDAY },
              { kind: 'hours', date: MONDAY, hours: [{ start: '09:00', end: '10:00' }] },
            ],
          }),
        ],
      });
      expect(issuesOf(q)).toEqual([
        'schedules[0].validTo: validTo must not be before validFrom',
        'schedules[0].exceptions[1].date: 2027-06-14 has more than one exception: merge them',
      ]);
    });
  });
});
