import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type Weekday } from './condition.schema.ts';
import type { BusinessHours } from './flow-context.ts';

/** The instant `now` as the clinic's wall clock shows it. */
export function clinicTime(now: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.from(now).toZonedDateTimeISO(timeZone);
}

export function weekdayOf(date: Temporal.ZonedDateTime | Temporal.PlainDate): Weekday {
  // Temporal numbers days from Monday = 1, the order WEEKDAYS is written in.
  return WEEKDAYS[date.dayOfWeek - 1] ?? 'mon';
}

/** "HH:MM" of a wall clock, the form ranges are written in, so that ranges compare as text. */
export function clockOf(at: Temporal.ZonedDateTime): string {
  return at.toPlainTime().toString({ smallestUnit: 'minute' });
}

/**
 * Whether a wall-clock time lies in [from, to). A range whose end is before its start runs over
 * midnight (22:00–06:00 is the night); an empty range (09:00–09:00) holds nothing.
 */
export function isBetween(clock: string, from: string, to: string): boolean {
  if (from < to) return clock >= from && clock < to;
  if (from > to) return clock >= from || clock < to;
  return false;
}

/** Open at this wall-clock time: not a closed date, and inside one of that weekday's ranges. */
export function isOpen(hours: BusinessHours, at: Temporal.ZonedDateTime): boolean {
  if (hours.closedDates?.includes(at.toPlainDate().toString())) return false;
  const clock = clockOf(at);
  return (hours.weekly[weekdayOf(at)] ?? []).some((range) => isBetween(clock, range.from, range.to));
}

/**
 * The next instant the clinic's clock shows `clock` (HH:MM), strictly after `now`: today if that time is
 * still ahead, else tomorrow. Computed on the wall clock, so 09:00 stays 09:00 across a DST change; a
 * time that does not exist that day (02:30 when clocks jump to 03:00) falls an hour later.
 */
export function nextOccurrence(now: string, timeZone: string, clock: string): string {
  const current = clinicTime(now, timeZone);
  const plainTime = Temporal.PlainTime.from(clock);
  let candidate = current.toPlainDate().toZonedDateTime({ timeZone, plainTime });
  if (Temporal.ZonedDateTime.compare(candidate, current) <= 0) {
    candidate = current.toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone, plainTime });
  }
  return isoInstant(candidate.epochMilliseconds);
}

export function addMinutes(now: string, minutes: number): string {
  return isoInstant(Temporal.Instant.from(now).add({ minutes }).epochMilliseconds);
}

export function minutesBetween(from: string, to: string): number {
  return (
    (Temporal.Instant.from(to).epochMilliseconds - Temporal.Instant.from(from).epochMilliseconds) / 60_000
  );
}

/** As `Date#toISOString()` prints it, the form every timestamp in Careline takes. */
function isoInstant(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString();
}
