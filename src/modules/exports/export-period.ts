import { Temporal } from 'temporal-polyfill';

/** The period an export covers: `from` included, `to` excluded. */
export interface ExportPeriod {
  from: Date;
  to: Date;
}

export type PeriodResult =
  | { ok: true; period: ExportPeriod }
  | { ok: false; field: 'from' | 'to'; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** When neither bound is given: the last 30 days, today included. */
const DEFAULT_DAYS = 30;

/**
 * The period of an export from the query. A date (YYYY-MM-DD) is a day in the clinic's time zone and
 * `to` is its last day, included, as a person picks "1 to 31 December"; a date-time with its offset is
 * an instant and `to` is excluded, as a warehouse loading consecutive slices needs.
 */
export function periodOf(
  query: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  now: Date,
): PeriodResult {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const to =
    query.to === undefined ? startOf(today.add({ days: 1 }), timeZone) : bound(query.to, timeZone, 1);
  if (to === undefined) return invalid('to');
  const from =
    query.from === undefined
      ? startOf(today.subtract({ days: DEFAULT_DAYS - 1 }), timeZone)
      : bound(query.from, timeZone, 0);
  if (from === undefined) return invalid('from');
  if (from.getTime() >= to.getTime()) return { ok: false, field: 'to', message: 'must be after from' };
  return { ok: true, period: { from, to } };
}

function invalid(field: 'from' | 'to'): PeriodResult {
  return {
    ok: false,
    field,
    message: 'must be a date (YYYY-MM-DD) or a date-time with its offset (ISO 8601)',
  };
}

/** A date's start (plus `extraDays`: the day after a `to` date) or an instant; undefined when neither. */
function bound(value: string, timeZone: string, extraDays: number): Date | undefined {
  try {
    if (DATE.test(value))
      return startOf(
        Temporal.PlainDate.from(value, { overflow: 'reject' }).add({ days: extraDays }),
        timeZone,
      );
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
    const instant = Temporal.Instant.from(value);
    return new Date(instant.epochMilliseconds);
  } catch {
    return undefined;
  }
}

export function startOf(day: Temporal.PlainDate, timeZone: string): Date {
  return new Date(day.toZonedDateTime({ timeZone }).epochMilliseconds);
}
