import { Temporal } from 'temporal-polyfill';
import { clockOf, isBetween } from '../flows/engine/clinic-time.ts';

/** Local wall-clock times (HH:MM) between which no reminder goes out; start after end runs overnight. */
export interface QuietHours {
  start: string;
  end: string;
}

export type ReminderTiming =
  /** `dueAt` is when it goes; `target` the time the rules chose, which may already be past (then: now). */
  | { offsetMinutes: number; outcome: 'due'; dueAt: Date; target: Date }
  /** The offset's time (`at`) has passed: not sent late. */
  | { offsetMinutes: number; outcome: 'too_late'; at: Date }
  /** Quiet hours (or "now") pushed it onto a longer offset's time `at`: one message, not two at once. */
  | { offsetMinutes: number; outcome: 'merged'; at: Date; intoOffsetMinutes: number };

const MINUTES_PER_DAY = 1440;

/**
 * When each reminder of an appointment goes out, longest offset first. An offset of whole days is
 * counted on the clinic's calendar (48 h before Monday 10:00 is Saturday 10:00 even when the clocks
 * change on Sunday); the rest in minutes. A time inside quiet hours moves EARLIER, to the last minute
 * before those quiet hours began (never later: a reminder after the fact is useless); when that
 * minute has passed, the reminder goes at once. An appointment inside quiet hours follows the same
 * rule: its 2 h reminder for 07:30 goes at 19:59 the evening before. Two offsets landing on the same
 * minute make one reminder (the longer offset's).
 */
export function reminderTimings(input: {
  start: Date;
  offsetsMinutes: readonly number[];
  quietHours: QuietHours;
  timeZone: string;
  now: Date;
}): ReminderTiming[] {
  const start = Temporal.Instant.fromEpochMilliseconds(input.start.getTime()).toZonedDateTimeISO(
    input.timeZone,
  );
  const offsets = [...new Set(input.offsetsMinutes.filter((m) => Number.isInteger(m) && m > 0))].sort(
    (a, b) => b - a,
  );
  const timings: ReminderTiming[] = [];
  const taken = new Map<number, number>();
  for (const offsetMinutes of offsets) {
    const ideal = start.subtract({
      days: Math.floor(offsetMinutes / MINUTES_PER_DAY),
      minutes: offsetMinutes % MINUTES_PER_DAY,
    });
    if (ideal.epochMilliseconds <= input.now.getTime()) {
      timings.push({ offsetMinutes, outcome: 'too_late', at: new Date(ideal.epochMilliseconds) });
      continue;
    }
    const target = outOfQuietHours(ideal, input.quietHours).epochMilliseconds;
    const dueAt = Math.max(target, input.now.getTime());
    const into = taken.get(dueAt);
    if (into !== undefined) {
      timings.push({ offsetMinutes, outcome: 'merged', at: new Date(dueAt), intoOffsetMinutes: into });
      continue;
    }
    taken.set(dueAt, offsetMinutes);
    timings.push({ offsetMinutes, outcome: 'due', dueAt: new Date(dueAt), target: new Date(target) });
  }
  return timings;
}

/** The time itself, or the last minute before the quiet hours it falls in began. */
export function outOfQuietHours(at: Temporal.ZonedDateTime, quiet: QuietHours): Temporal.ZonedDateTime {
  const clock = clockOf(at);
  if (!isBetween(clock, quiet.start, quiet.end)) return at;
  // Overnight quiet hours seen after midnight began the evening before.
  const day =
    quiet.start > quiet.end && clock < quiet.end ? at.toPlainDate().subtract({ days: 1 }) : at.toPlainDate();
  const startOfQuiet = day.toZonedDateTime({
    timeZone: at.timeZoneId,
    plainTime: Temporal.PlainTime.from(quiet.start),
  });
  return startOfQuiet.subtract({ minutes: 1 });
}
