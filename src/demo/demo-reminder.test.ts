import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS } from '../modules/reminders/reminder-policy.ts';
import { reminderTimings } from '../modules/reminders/reminder-timing.ts';
import { demoAppointmentStart } from './demo-reminder.ts';

const PARIS = 'Europe/Paris';

/** When the demo appointment's first reminder goes, as the real planner decides it. */
function firstReminderDue(now: Date): Date | undefined {
  const timings = reminderTimings({
    start: demoAppointmentStart(now, PARIS),
    offsetsMinutes: DEFAULT_REMINDER_SETTINGS.offsetsMinutes,
    quietHours: DEFAULT_REMINDER_SETTINGS.quietHours,
    timeZone: PARIS,
    now,
  });
  const due = timings.flatMap((timing) => (timing.outcome === 'due' ? [timing.dueAt] : []));
  return due.sort((a, b) => a.getTime() - b.getTime())[0];
}

const minutesAfter = (now: Date, at: Date | undefined) =>
  ((at?.getTime() ?? Number.NaN) - now.getTime()) / 60_000;

describe('the demo appointment', () => {
  it.each([
    ['a Tuesday morning', '2026-12-01T09:03:00Z', 7],
    ['on the 5-minute mark', '2026-12-01T13:00:00Z', 5],
    ['a Saturday afternoon', '2026-12-05T15:41:30Z', 8.5],
    ['the Friday before the clocks go forward', '2027-03-26T10:12:00Z', 8],
  ])('started on %s, its reminder goes 5 to 10 minutes later', (_when, at, minutes) => {
    const now = new Date(at);
    expect(minutesAfter(now, firstReminderDue(now))).toBe(minutes);
  });

  it('is two days later at a time on the 5-minute mark, 48 hours ahead across a clock change', () => {
    expect(demoAppointmentStart(new Date('2026-12-01T09:03:00Z'), PARIS).toISOString()).toBe(
      '2026-12-03T09:10:00.000Z',
    );
    // Paris moves to summer time on Sunday 28 March 2027: 11:20 local stays 11:20 local.
    expect(demoAppointmentStart(new Date('2027-03-26T10:12:00Z'), PARIS).toISOString()).toBe(
      '2027-03-28T09:20:00.000Z',
    );
  });

  it('started during quiet hours (20:00–08:00 in Paris), its reminder goes at once', () => {
    const now = new Date('2026-12-01T22:30:00Z');
    expect(minutesAfter(now, firstReminderDue(now))).toBe(0);
  });
});
