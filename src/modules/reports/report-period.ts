import { z } from 'zod';
import { HttpProblem } from '../../platform/http/problem.ts';
import { parseWhen } from '../../platform/time/clinic-day.ts';

const DAY_MS = 86_400_000;
/** A year and a day: a leap year's report, and no longer, so one query never scans years of messages. */
export const LONGEST_PERIOD_DAYS = 366;

const when = (edge: 'start' | 'end') =>
  z
    .string()
    .max(64, { error: 'must be a date (YYYY-MM-DD) or an ISO 8601 instant', abort: true })
    .refine((v) => parseWhen(v, 'UTC', edge) !== null, 'must be a date (YYYY-MM-DD) or an ISO 8601 instant')
    .optional();

export const reportQuery = z.object({
  from: when('start').describe(
    'Start of the period: a day on the clinic’s clock (its start) or an instant. Default: 30 days before `to`',
  ),
  to: when('end').describe(
    'End of the period, excluded: a day on the clinic’s clock (the whole day counts) or an instant. Default: now',
  ),
  team_id: z.uuid({ error: 'must be the id of one of the clinic’s teams' }).optional(),
});

export interface ReportPeriod {
  from: Date;
  to: Date;
}

/** The period a report's query names, in the clinic's time zone, refused when reversed or too long. */
export function reportPeriodOf(
  query: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  now: Date,
): ReportPeriod {
  const to = query.to ? parseWhen(query.to, timeZone, 'end') : now;
  if (!to) throw HttpProblem.badField('query.to', 'must be a date (YYYY-MM-DD) or an ISO 8601 instant');
  const from = query.from ? parseWhen(query.from, timeZone, 'start') : new Date(to.getTime() - 30 * DAY_MS);
  if (!from) throw HttpProblem.badField('query.from', 'must be a date (YYYY-MM-DD) or an ISO 8601 instant');
  if (from >= to) throw HttpProblem.badField('query.from', 'must be before `to`');
  // An hour of slack: a period of whole days across a DST change is an hour longer or shorter.
  if (to.getTime() - from.getTime() > LONGEST_PERIOD_DAYS * DAY_MS + 3_600_000) {
    throw HttpProblem.badField('query.from', `the period may be at most ${LONGEST_PERIOD_DAYS} days long`);
  }
  return { from, to };
}
