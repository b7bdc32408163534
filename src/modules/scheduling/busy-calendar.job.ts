import type { DbOrTx } from '../../platform/db/db.ts';
import { handle, type QueueHandler } from '../../platform/jobs/queue-handler.ts';
import { type BusyCalendarRefresh, refreshBusyCalendar } from './busy-calendar.service.ts';
import { fetchCalendarText } from './busy-calendar-fetch.ts';
import {
  BUSY_CALENDAR_REFRESH_MS,
  type BusyCalendarJob,
  busyCalendarQueue,
  scheduleNextBusyCalendarRefresh,
  UPLOADED_CALENDAR_REEXPAND_MS,
} from './busy-calendar-queue.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/** Runs the `scheduling.busy-calendar` queue. */
export function busyCalendarJobHandler(deps: SchedulingDeps): QueueHandler {
  return handle(busyCalendarQueue, async (payload) => {
    const fetchText = (url: string) => fetchCalendarText(url, { fetch: deps.outbound });
    const outcome = await runBusyCalendarJob(deps.db, payload, deps.clock.now(), fetchText);
    if (outcome === 'failed') {
      deps.logger.warn(
        { practitionerId: payload.practitionerId },
        'busy calendar refresh failed; the last copy is kept',
      );
    }
  });
}

/**
 * Refreshes, then schedules the next refresh while there is a calendar to refresh: every 15 minutes
 * from a URL (failed or not: a server that is down now may be back soon), daily for an upload.
 */
export async function runBusyCalendarJob(
  db: DbOrTx,
  job: BusyCalendarJob,
  now: Date,
  fetchText?: (url: string) => Promise<string>,
): Promise<BusyCalendarRefresh> {
  const outcome = await refreshBusyCalendar(db, job.orgId, job.practitionerId, now, fetchText);
  switch (outcome) {
    case 'refreshed':
    case 'failed':
      await scheduleNextBusyCalendarRefresh(db, job, now, BUSY_CALENDAR_REFRESH_MS);
      break;
    case 'expanded':
      await scheduleNextBusyCalendarRefresh(db, job, now, UPLOADED_CALENDAR_REEXPAND_MS);
      break;
    case 'nothing':
      break;
  }
  return outcome;
}
