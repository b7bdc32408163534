import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

/** The job that sends due reminders. There is one per distinct due time, not one per reminder. */
export const reminderDispatchQueue = defineQueue('reminders.dispatch', z.object({}), {
  // After the patients' replies, before bulk sends.
  priority: 1,
  maxAttempts: 20,
});

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
  await reminderDispatchQueue.enqueue(
    db,
    {},
    { runAt: key === undefined ? slot : at, dedupeKey: key ?? `at:${slot.toISOString()}` },
  );
}
