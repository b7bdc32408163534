import type { DbOrTx } from '../../platform/db/db.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';

/** Refreshes of practitioners' external busy calendars. */
export const BUSY_CALENDAR_QUEUE = 'scheduling.busy-calendar';

/** How often a calendar behind a URL is fetched again. */
export const BUSY_CALENDAR_REFRESH_MS = 15 * 60_000;
/** How often an uploaded calendar is expanded again (its recurring events reach further as time goes). */
export const UPLOADED_CALENDAR_REEXPAND_MS = 24 * 60 * 60_000;

export interface BusyCalendarJob {
  orgId: string;
  practitionerId: string;
}

/** Refreshes the practitioner's busy calendar at once (a URL was set, or someone asked). */
export async function enqueueBusyCalendarRefresh(db: DbOrTx, job: BusyCalendarJob): Promise<void> {
  await enqueueJob(db, {
    queue: BUSY_CALENDAR_QUEUE,
    orgId: job.orgId,
    payload: { ...job },
    // Behind patients' replies, ahead of bulk traffic: a stale calendar offers taken time.
    priority: 3,
    maxAttempts: 3,
  });
}

/**
 * Schedules the next refresh at the first quarter-hour boundary at least `afterMs` from now, keyed by
 * that boundary: however many refreshes ran meanwhile (a URL changed, someone asked), they all schedule
 * the same next one, so each practitioner keeps a single chain of refreshes.
 */
export async function scheduleNextBusyCalendarRefresh(
  db: DbOrTx,
  job: BusyCalendarJob,
  now: Date,
  afterMs: number,
): Promise<Date> {
  const runAt = nextRefreshAt(now, afterMs);
  await enqueueJob(db, {
    queue: BUSY_CALENDAR_QUEUE,
    orgId: job.orgId,
    payload: { ...job },
    runAt,
    priority: 3,
    maxAttempts: 3,
    dedupeKey: `${job.practitionerId}@${runAt.toISOString()}`,
  });
  return runAt;
}

/** The first quarter-hour boundary at or after `now + afterMs`. */
export function nextRefreshAt(now: Date, afterMs: number): Date {
  const earliest = now.getTime() + afterMs;
  return new Date(Math.ceil(earliest / BUSY_CALENDAR_REFRESH_MS) * BUSY_CALENDAR_REFRESH_MS);
}
