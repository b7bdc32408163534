import { type AnyColumn, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { heldAppointmentsBetween } from '../scheduling/appointment.service.ts';
import { reminders } from './reminder.schema.ts';
import type { ReminderSkipReason } from './reminder-channel.ts';

export interface ReminderCounts {
  sent: number;
  confirmed: number;
  cancelled: number;
  rescheduled: number;
  skippedNoConsent: number;
  /** Held: the channels the patient agreed on allowed nothing automated then (Messenger, Instagram). */
  skippedWindowClosed: number;
}

/**
 * What reminders did in [from, to): sent then, answered then, or skipped then for want of consent or
 * because no channel the patient agreed on allowed an automated message.
 */
export async function reminderCounts(
  db: DbOrTx,
  orgId: string,
  from: Date,
  to: Date,
): Promise<ReminderCounts> {
  const within = (column: AnyColumn) =>
    sql`${column} >= ${from.toISOString()}::timestamptz and ${column} < ${to.toISOString()}::timestamptz`;
  const answered = (response: string) =>
    sql<number>`count(*) filter (where ${reminders.response} = ${response} and ${within(reminders.respondedAt)})`.mapWith(
      Number,
    );
  const skipped = (reason: ReminderSkipReason) =>
    sql<number>`count(*) filter (where ${reminders.status} = 'skipped' and ${reminders.reason} = ${reason} and ${within(reminders.dueAt)})`.mapWith(
      Number,
    );
  const [row] = await db
    .select({
      sent: sql<number>`count(*) filter (where ${reminders.status} = 'sent' and ${within(reminders.sentAt)})`.mapWith(
        Number,
      ),
      confirmed: answered('confirmed'),
      cancelled: answered('cancelled'),
      rescheduled: answered('reschedule'),
      skippedNoConsent: skipped('no_consent'),
      skippedWindowClosed: skipped('channel_window_closed'),
    })
    .from(reminders)
    .where(eq(reminders.orgId, orgId));
  return (
    row ?? {
      sent: 0,
      confirmed: 0,
      cancelled: 0,
      rescheduled: 0,
      skippedNoConsent: 0,
      skippedWindowClosed: 0,
    }
  );
}

export interface PractitionerAttendance {
  practitionerId: string;
  name: string;
  appointments: number;
  noShows: number;
  /** Of those, the appointments whose patient tapped Confirm on a reminder. */
  confirmedAppointments: number;
  confirmedNoShows: number;
}

/** Per practitioner: appointments that took place (or should have) in [from, to), and no-shows. */
export async function attendanceByPractitioner(
  db: DbOrTx,
  orgId: string,
  from: Date,
  to: Date,
): Promise<PractitionerAttendance[]> {
  const held = heldAppointmentsBetween(db, orgId, from, to);
  const confirmed = sql`exists (select 1 from ${reminders} where ${reminders.appointmentId} = ${held.id} and ${reminders.response} = 'confirmed')`;
  return db
    .select({
      practitionerId: held.practitionerId,
      name: held.practitionerName,
      appointments: sql<number>`count(*)`.mapWith(Number),
      noShows: sql<number>`count(*) filter (where ${held.status} = 'noshow')`.mapWith(Number),
      confirmedAppointments: sql<number>`count(*) filter (where ${confirmed})`.mapWith(Number),
      confirmedNoShows:
        sql<number>`count(*) filter (where ${held.status} = 'noshow' and ${confirmed})`.mapWith(Number),
    })
    .from(held)
    .groupBy(held.practitionerId, held.practitionerName)
    .orderBy(held.practitionerName, held.practitionerId);
}
