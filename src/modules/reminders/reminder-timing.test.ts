import { describe, expect, test } from 'vitest';
import { type QuietHours, reminderTimings } from './reminder-timing.ts';

const PARIS = 'Europe/Paris';
const NIGHT: QuietHours = { start: '20:00', end: '08:00' };
const DEFAULT_OFFSETS = [2880, 120];

function plan(
  start: string,
  now: string,
  options: { offsets?: number[]; quiet?: QuietHours; zone?: string } = {},
) {
  return reminderTimings({
    start: new Date(start),
    offsetsMinutes: options.offsets ?? DEFAULT_OFFSETS,
    quietHours: options.quiet ?? NIGHT,
    timeZone: options.zone ?? PARIS,
    now: new Date(now),
  });
}

function dueTimes(timings: ReturnType<typeof reminderTimings>): Record<number, string> {
  return Object.fromEntries(
    timings.map((t) => [t.offsetMinutes, t.outcome === 'due' ? t.dueAt.toISOString() : t.outcome]),
  );
}

describe('reminder times', () => {
  test('48 h and 2 h before, in the clinic’s time zone; 08:00 sharp is already allowed', () => {
    // Tuesday 2 December 2025, 10:00 in Paris (UTC+1).
    expect(dueTimes(plan('2025-12-02T09:00:00Z', '2025-11-20T12:00:00Z'))).toEqual({
      2880: '2025-11-30T09:00:00.000Z',
      120: '2025-12-02T07:00:00.000Z',
    });
  });

  test('a reminder in the night goes the evening before at 19:59, never later', () => {
    // 09:30 in Paris: 2 h before is 07:30, inside quiet hours → Monday 19:59 Paris (18:59 UTC).
    expect(dueTimes(plan('2025-12-02T08:30:00Z', '2025-11-20T12:00:00Z'))).toEqual({
      2880: '2025-11-30T08:30:00.000Z',
      120: '2025-12-01T18:59:00.000Z',
    });
  });

  test('an evening reminder after 20:00 moves back to 19:59 the same evening', () => {
    // Thursday 21:00 in Paris: 48 h before is Tuesday 21:00 → Tuesday 19:59.
    expect(dueTimes(plan('2025-12-04T20:00:00Z', '2025-11-20T12:00:00Z'))).toEqual({
      2880: '2025-12-02T18:59:00.000Z',
      120: '2025-12-04T18:00:00.000Z',
    });
  });

  test('48 h across the spring change is two calendar days: the same wall-clock time, 47 real hours', () => {
    // Monday 31 March 2025 10:00 Paris (UTC+2); clocks jumped on Sunday 30 March at 02:00.
    const [first] = plan('2025-03-31T08:00:00Z', '2025-03-20T12:00:00Z');
    expect(first).toMatchObject({ outcome: 'due', dueAt: new Date('2025-03-29T09:00:00Z') });
  });

  test('48 h across the autumn change is 49 real hours, still 10:00 on the clinic’s clock', () => {
    // Monday 27 October 2025 10:00 Paris (UTC+1); clocks went back on Sunday 26 October at 03:00.
    const [first] = plan('2025-10-27T09:00:00Z', '2025-10-20T12:00:00Z');
    expect(first).toMatchObject({ outcome: 'due', dueAt: new Date('2025-10-25T08:00:00Z') });
  });

  test('quiet hours over the spring change: the night before the change is still on winter time', () => {
    // Sunday 30 March 2025 08:30 Paris (UTC+2): 2 h before is 06:30 (quiet) → Saturday 19:59 UTC+1.
    const timings = plan('2025-03-30T06:30:00Z', '2025-03-20T12:00:00Z');
    expect(dueTimes(timings)[120]).toBe('2025-03-29T18:59:00.000Z');
  });

  test('an offset whose time has passed is skipped, not sent late', () => {
    // Booked on Monday at noon for Tuesday 10:00: the 48 h reminder is too late, the 2 h one is not.
    expect(dueTimes(plan('2025-12-02T09:00:00Z', '2025-12-01T11:00:00Z'))).toEqual({
      2880: 'too_late',
      120: '2025-12-02T07:00:00.000Z',
    });
  });

  test('when the minute before quiet hours has passed, the reminder goes at once', () => {
    // Booked Monday 21:00 Paris for Tuesday 09:00: 2 h before is 07:00 (quiet), 19:59 has passed.
    const [, second] = plan('2025-12-02T08:00:00Z', '2025-12-01T20:00:00Z');
    expect(second).toEqual({
      offsetMinutes: 120,
      outcome: 'due',
      dueAt: new Date('2025-12-01T20:00:00Z'),
      target: new Date('2025-12-01T18:59:00Z'),
    });
  });

  test('an appointment inside quiet hours is reminded the evening before, at 19:59', () => {
    // 07:30 in Paris (the clinic opens early): 2 h before is 05:30.
    expect(dueTimes(plan('2025-12-02T06:30:00Z', '2025-11-20T12:00:00Z'))[120]).toBe(
      '2025-12-01T18:59:00.000Z',
    );
  });

  test('two offsets pushed onto the same minute make one reminder, the longer offset’s', () => {
    // 08:30: 2 h before (06:30) and 1 h before (07:30) both fall back to 19:59 the evening before.
    const timings = plan('2025-12-02T07:30:00Z', '2025-11-20T12:00:00Z', { offsets: [60, 120] });
    expect(timings).toEqual([
      {
        offsetMinutes: 120,
        outcome: 'due',
        dueAt: new Date('2025-12-01T18:59:00Z'),
        target: new Date('2025-12-01T18:59:00Z'),
      },
      { offsetMinutes: 60, outcome: 'merged', at: new Date('2025-12-01T18:59:00Z'), intoOffsetMinutes: 120 },
    ]);
  });

  test('daytime quiet hours (a lunch break) and none at all', () => {
    const lunch = { start: '12:00', end: '14:00' };
    // 15:00 Paris, 2 h before is 13:00 → 11:59.
    expect(
      dueTimes(plan('2025-12-02T14:00:00Z', '2025-11-20T12:00:00Z', { offsets: [120], quiet: lunch })),
    ).toEqual({
      120: '2025-12-02T10:59:00.000Z',
    });
    const none = { start: '00:00', end: '00:00' };
    expect(
      dueTimes(plan('2025-12-02T08:30:00Z', '2025-11-20T12:00:00Z', { offsets: [120], quiet: none })),
    ).toEqual({
      120: '2025-12-02T06:30:00.000Z',
    });
  });

  test('another clinic’s time zone decides what night is', () => {
    // 09:00 in New York (UTC-5) is 15:00 in Paris: 2 h before is 07:00 in New York, quiet there.
    expect(
      dueTimes(
        plan('2025-12-02T14:00:00Z', '2025-11-20T12:00:00Z', { offsets: [120], zone: 'America/New_York' }),
      ),
    ).toEqual({ 120: '2025-12-02T00:59:00.000Z' });
  });

  test('offsets are each planned once, longest first; nonsense offsets are ignored', () => {
    const timings = plan('2025-12-02T09:00:00Z', '2025-11-20T12:00:00Z', {
      offsets: [120, 2880, 120, 0, -5],
    });
    expect(timings.map((t) => t.offsetMinutes)).toEqual([2880, 120]);
  });
});
