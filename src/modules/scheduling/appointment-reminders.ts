import type { DbOrTx } from '../../platform/db/db.ts';
import type { Appointment } from './scheduling.schema.ts';

// The reminders sit above scheduling (they read appointments, and a patient's answer cancels one), so
// scheduling cannot import them back: what it needs of them is handed in by its callers, wired in
// src/app.ts (reminders' appointmentReminders).

/**
 * What the reminders do when an appointment changes, in the transaction that changes it, so the
 * reminders exist exactly when the appointment does; and the late-arrival threshold of the agenda,
 * which the clinic sets with its reminder rules.
 */
export interface AppointmentReminders {
  /** Plans the appointment's reminders (again, after a move); one not booked has none waiting. */
  plan(tx: DbOrTx, appointment: Appointment, now: Date): Promise<void>;
  /** Stops the appointment's reminders still waiting (it was cancelled, moved, or is over). */
  cancelPending(tx: DbOrTx, orgId: string, appointmentId: string): Promise<void>;
  /** After how many minutes the clinic flags a patient not marked arrived (its reminder policy). */
  lateAfterMinutesOf(db: DbOrTx, orgId: string): Promise<number>;
}
