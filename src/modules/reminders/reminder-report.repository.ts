import { type AnyColumn, and, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import { outboundMessageFacts } from '../inbox/inbox-report.service.ts';
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

export interface ReminderFunnel {
  /** Appointments with at least one reminder sent in the period. */
  sent: number;
  /** Of those, appointments one of whose reminders the channel reported delivered (or read). */
  delivered: number;
  /** Of those sent, appointments whose patient answered a reminder, by answer. */
  answered: number;
  confirmed: number;
  cancelled: number;
  rescheduled: number;
  /** Of those sent, appointments whose time has come: attended (not marked no-show) or no-show. */
  attended: number;
  noShows: number;
}

const funnelRow = z.object({
  sent: z.coerce.number(),
  delivered: z.coerce.number(),
  answered: z.coerce.number(),
  confirmed: z.coerce.number(),
  cancelled: z.coerce.number(),
  rescheduled: z.coerce.number(),
  attended: z.coerce.number(),
  no_shows: z.coerce.number(),
});

/**
 * From reminder to attendance, counted in appointments (an appointment reminded twice counts once):
 * sent in [from, to) → delivered → answered → attended or no-show. With a team, only the reminders
 * sent into that team's conversations.
 */
export async function reminderFunnel(
  db: DbOrTx,
  orgId: string,
  period: { from: Date; to: Date; now: Date; teamId?: string | undefined },
): Promise<ReminderFunnel> {
  const held = heldAppointmentsBetween(db, orgId, new Date(0), period.now);
  const team = period.teamId ? sql`and f.team_id = ${period.teamId}::uuid` : sql``;
  const result = await db.execute(sql`
    with reminded as (
      select r.appointment_id,
        bool_or(coalesce(f.delivered, false)) as delivered,
        bool_or(r.response is not null) as answered,
        bool_or(r.response = 'confirmed') as confirmed,
        bool_or(r.response = 'cancelled') as cancelled,
        bool_or(r.response = 'reschedule') as rescheduled
      from ${reminders} r
      left join ${outboundMessageFacts(orgId)} f on f.id = r.message_id
      where r.org_id = ${orgId}::uuid and r.status = 'sent'
        and r.sent_at >= ${period.from.toISOString()}::timestamptz
        and r.sent_at < ${period.to.toISOString()}::timestamptz ${team}
      group by r.appointment_id
    )
    select count(*) as sent,
      count(*) filter (where a.delivered) as delivered,
      count(*) filter (where a.answered) as answered,
      count(*) filter (where a.confirmed) as confirmed,
      count(*) filter (where a.cancelled) as cancelled,
      count(*) filter (where a.rescheduled) as rescheduled,
      count(held_appointment.id) filter (where held_appointment.status <> 'noshow') as attended,
      count(held_appointment.id) filter (where held_appointment.status = 'noshow') as no_shows
    from reminded a
    left join ${held} on held_appointment.id = a.appointment_id`);
  const [row] = z.array(funnelRow).parse(rowsOf(result));
  if (!row) throw new Error('an aggregate answers one row');
  const { no_shows: noShows, ...counts } = row;
  return { ...counts, noShows };
}
