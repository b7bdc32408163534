import type { DbOrTx } from '../../platform/db/db.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import type { Appointment } from '../scheduling/scheduling.schema.ts';
import {
  cancelScheduledReminders,
  findReminderPolicy,
  insertReminderIfAbsent,
  lockRemindersOfAppointment,
  replanReminder,
} from './reminder.repository.ts';
import { enqueueReminderDispatch } from './reminder-dispatch-queue.ts';
import { reminderChange } from './reminder-plan.ts';
import { reminderSettingsOf } from './reminder-policy.ts';
import { reminderTimings } from './reminder-timing.ts';

// What other modules may read or change here: they call this service, never the repository.
export { findReminderPolicy } from './reminder.repository.ts';

/**
 * Plans the appointment's reminders: one row per policy offset, out of quiet hours. Called in the
 * transaction that books or moves the appointment, so the reminders exist exactly when it does.
 * Planning again changes nothing unless the appointment moved; a reminder whose time has passed is
 * recorded as skipped, never sent late. An appointment that is not booked has none waiting.
 */
export async function planReminders(tx: DbOrTx, appointment: Appointment, now: Date): Promise<void> {
  const { orgId } = appointment;
  if (appointment.status !== 'booked') return cancelPendingReminders(tx, orgId, appointment.id);
  const org = await findOrgByRef(tx, orgId);
  const policy = await findReminderPolicy(tx, orgId);
  const settings = reminderSettingsOf(policy);
  if (!org || !settings.enabled) return cancelPendingReminders(tx, orgId, appointment.id);

  const timings = reminderTimings({
    start: appointment.start,
    offsetsMinutes: settings.offsetsMinutes,
    quietHours: settings.quietHours,
    timeZone: org.timeZone,
    now,
  });
  // Locked: a dispatcher sending one of them right now finishes first, and we see what it did.
  const existing = await lockRemindersOfAppointment(tx, orgId, appointment.id);
  const dueTimes: Array<{ id: string; dueAt: Date }> = [];
  for (const timing of timings) {
    const row = existing.find((r) => r.offsetMinutes === timing.offsetMinutes);
    const change = reminderChange(row, timing, now);
    if (change.kind === 'keep') continue;
    const values = { status: change.status, dueAt: change.dueAt, reason: change.reason };
    let id = row?.id;
    if (row) await replanReminder(tx, row.id, values);
    else
      id = (
        await insertReminderIfAbsent(tx, {
          orgId,
          appointmentId: appointment.id,
          offsetMinutes: timing.offsetMinutes,
          ...values,
        })
      )?.id;
    if (id && change.status === 'scheduled') dueTimes.push({ id, dueAt: change.dueAt });
  }
  const dropped = existing
    .filter((r) => !timings.some((t) => t.offsetMinutes === r.offsetMinutes))
    .map((r) => r.offsetMinutes);
  if (dropped.length > 0) await cancelScheduledReminders(tx, orgId, appointment.id, dropped);
  for (const { id, dueAt } of dueTimes) {
    // A reminder due at once gets a run of its own: its instant may be one a past run already used.
    await enqueueReminderDispatch(tx, dueAt, dueAt <= now ? `now:${id}:${now.toISOString()}` : undefined);
  }
}

/** Stops the appointment's reminders still waiting (it was cancelled, moved, or is over). */
export async function cancelPendingReminders(
  tx: DbOrTx,
  orgId: string,
  appointmentId: string,
): Promise<void> {
  await cancelScheduledReminders(tx, orgId, appointmentId);
}
