import { type AnyColumn, and, eq, isNotNull, sql } from 'drizzle-orm';
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
  /** Held: the LINE account's monthly push quota would have been exceeded, and no other channel could. */
  skippedLineQuota: number;
  /** Sent reminders per channel that carried them. */
  sentByChannel: Array<{ channel: string; sent: number }>;
  /** Reminders the clinic's first channel could not carry, taken by the next one (or failed there), by reason. */
  fallbacks: Array<{ reason: string; count: number }>;
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
      skippedLineQuota: skipped('line_quota_reached'),
    })
    .from(reminders)
    .where(eq(reminders.orgId, orgId));
  const count = sql<number>`count(*)`.mapWith(Number);
  const byChannel = await db
    .select({ channel: sql<string>`coalesce(${reminders.channel}, 'unknown')`, sent: count })
    .from(reminders)
    .where(and(eq(reminders.orgId, orgId), eq(reminders.status, 'sent'), within(reminders.sentAt)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const fallbacks = await db
    .select({ reason: sql<string>`coalesce(${reminders.fallbackReason}, 'unknown')`, count })
    .from(reminders)
    .where(and(eq(reminders.orgId, orgId), isNotNull(reminders.fallbackFrom), within(reminders.dueAt)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return {
    sent: row?.sent ?? 0,
    confirmed: row?.confirmed ?? 0,
    cancelled: row?.cancelled ?? 0,
    rescheduled: row?.rescheduled ?? 0,
    skippedNoConsent: row?.skippedNoConsent ?? 0,
    skippedWindowClosed: row?.skippedWindowClosed ?? 0,
    skippedLineQuota: row?.skippedLineQuota ?? 0,
    sentByChannel: byChannel,
    fallbacks,
  };
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
