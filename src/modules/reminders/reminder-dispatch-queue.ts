import type { DbOrTx } from '../../platform/db/db.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';

/** The job that sends due reminders. There is one per distinct due time, not one per reminder. */
export const REMINDER_DISPATCH_QUEUE = 'reminders.dispatch';

/**
 * Runs are at most this far apart in time: reminders due within one slot share a run, so thousands of
 * reminders due each second (appointments at every minute, many clinics) make ten jobs a second.
 */
export const DISPATCH_SLOT_MS = 100;

/** The slot a due time falls in: the run that sends it is at the slot's end, never before the time. */
export function dispatchSlotOf(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / DISPATCH_SLOT_MS) * DISPATCH_SLOT_MS);
}

/**
 * Makes sure a dispatch runs at `at` or in the following slot. Reminders of one slot share one job
 * (its dedupe key is the slot); `key` overrides it for a run that must happen even if that slot
 * already had one.
 */
export async function enqueueReminderDispatch(db: DbOrTx, at: Date, key?: string): Promise<void> {
  const slot = dispatchSlotOf(at);
  await enqueueJob(db, {
    queue: REMINDER_DISPATCH_QUEUE,
    payload: {},
    runAt: key === undefined ? slot : at,
    // After the patients' replies, before bulk sends.
    priority: 1,
    maxAttempts: 20,
    dedupeKey: key ?? `at:${slot.toISOString()}`,
  });
}
