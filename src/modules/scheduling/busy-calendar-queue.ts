import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

/** Refreshes of practitioners' external busy calendars. */
export const busyCalendarQueue = defineQueue(
  'scheduling.busy-calendar',
  z.object({ orgId: z.uuid(), practitionerId: z.uuid() }),
  // Behind patients' replies, ahead of bulk traffic: a stale calendar offers taken time.
  { priority: 3, maxAttempts: 3 },
);

/** How often a calendar behind a URL is fetched again. */
export const BUSY_CALENDAR_REFRESH_MS = 15 * 60_000;
/** How often an uploaded calendar is expanded again (its recurring events reach further as time goes). */
export const UPLOADED_CALENDAR_REEXPAND_MS = 24 * 60 * 60_000;

export type BusyCalendarJob = z.output<typeof busyCalendarQueue.schema>;

/** Refreshes the practitioner's busy calendar at once (a URL was set, or someone asked). */
export async function enqueueBusyCalendarRefresh(db: DbOrTx, job: BusyCalendarJob): Promise<void> {
  await busyCalendarQueue.enqueue(db, { ...job }, { orgId: job.orgId });
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
  await busyCalendarQueue.enqueue(
    db,
    { ...job },
    { orgId: job.orgId, runAt, dedupeKey: `${job.practitionerId}@${runAt.toISOString()}` },
  );
  return runAt;
}

/** The first quarter-hour boundary at or after `now + afterMs`. */
export function nextRefreshAt(now: Date, afterMs: number): Date {
  const earliest = now.getTime() + afterMs;
  return new Date(Math.ceil(earliest / BUSY_CALENDAR_REFRESH_MS) * BUSY_CALENDAR_REFRESH_MS);
}
