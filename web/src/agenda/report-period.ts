import { addDays, daysBetween, parseDate } from './agenda-dates.ts';

/** Days on the clinic's clock, both included: what `GET /reports/reminders?from&to` takes. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = [7, 30, 90] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
const DEFAULT_PRESET: PeriodPreset = 30;

/** The last `days` days, today included. */
export function lastDays(days: number, today: string): ReportPeriod {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Which preset a period is (to pick its button), or null for one chosen by hand. */
export function presetOf(period: ReportPeriod, today: string): PeriodPreset | null {
  if (period.to !== today) return null;
  return PERIOD_PRESETS.find((days) => daysBetween(period.from, period.to) === days - 1) ?? null;
}

/** The period in the address, when it is one; the last 30 days otherwise. */
export function periodFrom(from: string | null, to: string | null, today: string): ReportPeriod {
  const start = parseDate(from);
  const end = parseDate(to);
  if (start && end && start <= end) return { from: start, to: end };
  return lastDays(DEFAULT_PRESET, today);
}
