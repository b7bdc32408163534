import { Temporal } from 'temporal-polyfill';

export type AgendaView = 'day' | 'week';
export const AGENDA_VIEWS: readonly AgendaView[] = ['day', 'week'];

/** The days an agenda page shows, and the instants that bound them for the API's `from`/`to`. */
export interface AgendaRange {
  /** Local dates, YYYY-MM-DD, in order. */
  days: string[];
  /** The first day's start, in the location's zone, as an ISO instant. */
  from: string;
  /** The start of the day after the last one: the range is [from, to). */
  to: string;
}

/**
 * The day itself, or the week (Monday to Sunday) holding it. Bounds are taken in the location's zone,
 * so a week across a daylight-saving change is 167 or 169 hours long, as the clinic lives it.
 */
export function agendaRange(view: AgendaView, date: string, timeZone: string): AgendaRange {
  const day = Temporal.PlainDate.from(date);
  const first = view === 'day' ? day : day.subtract({ days: day.dayOfWeek - 1 });
  const count = view === 'day' ? 1 : 7;
  const days = Array.from({ length: count }, (_, i) => first.add({ days: i }).toString());
  return {
    days,
    from: startOfDay(first.toString(), timeZone),
    to: startOfDay(first.add({ days: count }).toString(), timeZone),
  };
}

/** The same view one step earlier or later: a day, or a week. */
export function shiftDate(view: AgendaView, date: string, step: -1 | 1): string {
  return Temporal.PlainDate.from(date)
    .add(view === 'day' ? { days: step } : { weeks: step })
    .toString();
}

/** Today's date where the clinic is (not where the browser is). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return instantOf(now).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Midnight (or the first minute that exists) of a local date, as an ISO instant. */
export function startOfDay(date: string, timeZone: string): string {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant().toString();
}

/** The local date and wall-clock minute of an instant: where it sits on the agenda's grid. */
export function wallClock(iso: string, timeZone: string): { date: string; minutes: number } {
  const zoned = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
  return { date: zoned.toPlainDate().toString(), minutes: zoned.hour * 60 + zoned.minute };
}

/** A valid YYYY-MM-DD, or undefined (a hand-edited address). */
export function parseDate(value: string | null | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString();
  } catch {
    return undefined;
  }
}

/** The number of whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** The local date `days` after (or before) another. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

function instantOf(date: Date): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime());
}
