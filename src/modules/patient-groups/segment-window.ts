import { Temporal } from 'temporal-polyfill';
import type { AppointmentWindow } from './segment-rules.ts';

/** Instants in [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

function zoned(now: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
}

function startOf(date: Temporal.PlainDate, timeZone: string): Date {
  return new Date(date.toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** Today on the clinic's calendar. */
export function todayIn(now: Date, timeZone: string): Temporal.PlainDate {
  return zoned(now, timeZone).toPlainDate();
}

/**
 * An appointment window on the clinic's calendar: the next 7 or 30 days from now; this week or next
 * week, Monday 00:00 to Monday 00:00 (DST days are 23 or 25 hours long); or from one date's midnight
 * to the midnight after the other date.
 */
export function appointmentWindowRange(
  window: AppointmentWindow,
  input: { now: Date; timeZone: string; from?: string | undefined; to?: string | undefined },
): TimeRange {
  const { now, timeZone } = input;
  const here = zoned(now, timeZone);
  const monday = here.toPlainDate().subtract({ days: here.dayOfWeek - 1 });
  switch (window) {
    case 'next_7_days':
      return { from: now, to: new Date(here.add({ days: 7 }).epochMilliseconds) };
    case 'next_30_days':
      return { from: now, to: new Date(here.add({ days: 30 }).epochMilliseconds) };
    case 'this_week':
      return { from: startOf(monday, timeZone), to: startOf(monday.add({ weeks: 1 }), timeZone) };
    case 'next_week':
      return {
        from: startOf(monday.add({ weeks: 1 }), timeZone),
        to: startOf(monday.add({ weeks: 2 }), timeZone),
      };
    case 'dates': {
      if (!input.from || !input.to) throw new Error('window dates needs from and to');
      return {
        from: startOf(Temporal.PlainDate.from(input.from), timeZone),
        to: startOf(Temporal.PlainDate.from(input.to).add({ days: 1 }), timeZone),
      };
    }
  }
}

/** From midnight `months` calendar months ago (clinic time) to now. */
export function lastMonthsRange(now: Date, timeZone: string, months: number): TimeRange {
  return { from: startOf(todayIn(now, timeZone).subtract({ months }), timeZone), to: now };
}

/** The oldest age a segment considers: birth dates are enumerated back to this. */
const OLDEST = 130;

/**
 * The birth dates (YYYY-MM-DD) of someone aged between min and max years today, on the clinic's
 * calendar, both included: born on or before today minus `min` years, after today minus `max + 1`.
 */
export function birthDatesForAge(
  today: Temporal.PlainDate,
  min: number | undefined,
  max: number | undefined,
): string[] {
  const latest = today.subtract({ years: min ?? 0 });
  const earliest = today.subtract({ years: (max ?? OLDEST) + 1 }).add({ days: 1 });
  const dates: string[] = [];
  for (let day = earliest; Temporal.PlainDate.compare(day, latest) <= 0; day = day.add({ days: 1 })) {
    dates.push(day.toString());
  }
  return dates;
}
