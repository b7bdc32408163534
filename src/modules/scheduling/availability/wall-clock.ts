import type { Temporal } from 'temporal-polyfill';
import { MINUTES_PER_DAY } from './weekly-schedule.ts';

/**
 * The instant a slot starting at this local wall-clock time begins, or null when the clocks skip it
 * (02:30 on the night summer time starts). When the clocks go back the time exists twice; the slot is
 * offered once, at the first time the clock shows it (Temporal's `disambiguation: 'earlier'`), so a
 * patient never sees the same "02:30" offered twice.
 */
export function slotStartInstant(
  date: Temporal.PlainDate,
  minuteOfDay: number,
  timeZone: string,
): Temporal.Instant | null {
  const local = localDateTime(date, minuteOfDay);
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  return earlier.toPlainDateTime().equals(local) ? earlier.toInstant() : null;
}

/**
 * The instant a working range starts or ends at this local wall-clock time. A time that occurs twice is
 * taken the first time the clock shows it, as for slots. A time the clocks skip is taken as the moment
 * they jump (open from 02:30 on the spring-forward night means open from 03:00 summer time), and 24:00 is
 * the start of the next day.
 */
export function rangeBoundaryInstant(
  date: Temporal.PlainDate,
  minuteOfDay: number,
  timeZone: string,
): Temporal.Instant {
  if (minuteOfDay >= MINUTES_PER_DAY) return date.add({ days: 1 }).toZonedDateTime(timeZone).toInstant();
  const local = localDateTime(date, minuteOfDay);
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  if (earlier.toPlainDateTime().equals(local)) return earlier.toInstant();
  const jump = earlier.getTimeZoneTransition('next');
  return (jump ?? local.toZonedDateTime(timeZone, { disambiguation: 'later' })).toInstant();
}

function localDateTime(date: Temporal.PlainDate, minuteOfDay: number): Temporal.PlainDateTime {
  return date.toPlainDateTime({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
}
