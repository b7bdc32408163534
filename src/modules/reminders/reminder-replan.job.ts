import { z } from 'zod';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { lockAppointment, upcomingBookedAppointmentIds } from '../scheduling/appointment.service.ts';
import { planReminders } from './reminder-schedule.service.ts';

/** Plans the reminders of a clinic's upcoming appointments again after its reminder rules changed. */
export const reminderReplanQueue = defineQueue('reminders.replan', z.object({ orgId: z.uuid() }), {
  // Before bulk traffic, after the patients' replies and due reminders.
  priority: 2,
});

/** Appointments planned per transaction: short transactions, so bookings and sends never wait long. */
const PAGE_SIZE = 200;

/**
 * Queued in the transaction that saves the new rules: the appointments already booked follow them too.
 * One per change (the key is the change's time); a rerun is harmless, planning is idempotent.
 */
export async function enqueueReminderReplan(db: DbOrTx, orgId: string, changedAt: Date): Promise<void> {
  await reminderReplanQueue.enqueue(
    db,
    { orgId },
    { orgId, dedupeKey: `${orgId}:${changedAt.toISOString()}` },
  );
}

export interface ReminderReplanDeps {
  db: Db;
  clock: Clock;
}

/**
 * Each upcoming booked appointment is locked and planned with the rules now in force: new offsets get
 * a reminder, dropped ones are cancelled, moved times follow quiet hours; reminders already sent stay
 * as they are. An appointment cancelled or moved meanwhile is planned by that change, not by this job.
 */
export async function runReminderReplan(deps: ReminderReplanDeps, orgId: string): Promise<void> {
  const now = deps.clock.now();
  let afterId: string | null = null;
  for (;;) {
    const ids = await upcomingBookedAppointmentIds(deps.db, orgId, now, afterId, PAGE_SIZE);
    if (ids.length === 0) return;
    await deps.db.transaction(async (tx) => {
      for (const id of ids) {
        const appointment = await lockAppointment(tx, orgId, id);
        if (appointment) await planReminders(tx, appointment, now);
      }
    });
    afterId = ids[ids.length - 1] ?? null;
  }
}
