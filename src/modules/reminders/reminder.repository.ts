import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { messageOrderAndAccount, messageSeq, outboundMessageSeq } from '../inbox/message-order.service.ts';
import { appointmentsOfPatients, shareLockSteadyAppointments } from '../scheduling/appointment.service.ts';
import {
  type Reminder,
  type ReminderPolicy,
  type ReminderResponse,
  type ReminderStatus,
  reminderPolicies,
  reminders,
} from './reminder.schema.ts';
import { DEFAULT_LATE_AFTER_MINUTES } from './reminder-policy.ts';

export async function findReminderPolicy(db: DbOrTx, orgId: string): Promise<ReminderPolicy | undefined> {
  const [policy] = await db.select().from(reminderPolicies).where(eq(reminderPolicies.orgId, orgId));
  return policy;
}

/** After how many minutes the clinic flags a patient not marked arrived (its reminder policy says). */
export async function lateAfterMinutesOf(db: DbOrTx, orgId: string): Promise<number> {
  const [policy] = await db
    .select({ lateAfterMinutes: reminderPolicies.lateAfterMinutes })
    .from(reminderPolicies)
    .where(eq(reminderPolicies.orgId, orgId));
  return policy?.lateAfterMinutes ?? DEFAULT_LATE_AFTER_MINUTES;
}

/** Writes the clinic's reminder rules (its row is created on the first change). */
export async function saveReminderPolicy(
  db: DbOrTx,
  values: Omit<typeof reminderPolicies.$inferInsert, 'updatedAt'> & { updatedAt: Date },
): Promise<ReminderPolicy> {
  const { orgId, ...changes } = values;
  const [policy] = await db
    .insert(reminderPolicies)
    .values(values)
    .onConflictDoUpdate({ target: reminderPolicies.orgId, set: changes })
    .returning();
  if (!policy) throw new Error('upsert into reminder_policies returned nothing');
  return policy;
}

/** The appointment's reminders, locked: a dispatcher sending one of them finishes first. */
export async function lockRemindersOfAppointment(
  tx: DbOrTx,
  orgId: string,
  appointmentId: string,
): Promise<Reminder[]> {
  return tx
    .select()
    .from(reminders)
    .where(and(eq(reminders.orgId, orgId), eq(reminders.appointmentId, appointmentId)))
    .for('update');
}

/** Inserts a planned reminder; returns nothing when another writer planned this offset first. */
export async function insertReminderIfAbsent(
  tx: DbOrTx,
  values: typeof reminders.$inferInsert,
): Promise<Reminder | undefined> {
  const [row] = await tx.insert(reminders).values(values).onConflictDoNothing().returning();
  return row;
}

/** A reminder planned again: a fresh start, nothing of its previous sending kept. */
export async function replanReminder(
  tx: DbOrTx,
  id: string,
  values: { status: ReminderStatus; dueAt: Date; reason: string | null },
): Promise<void> {
  await tx
    .update(reminders)
    .set({
      ...values,
      messageId: null,
      sentAt: null,
      response: null,
      respondedAt: null,
      channel: null,
      fallbackFrom: null,
      fallbackReason: null,
    })
    .where(eq(reminders.id, id));
}

export async function cancelScheduledReminders(
  tx: DbOrTx,
  orgId: string,
  appointmentId: string,
  offsets?: readonly number[],
): Promise<void> {
  await tx
    .update(reminders)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(reminders.orgId, orgId),
        eq(reminders.appointmentId, appointmentId),
        eq(reminders.status, 'scheduled'),
        offsets === undefined ? undefined : inArray(reminders.offsetMinutes, [...offsets]),
      ),
    );
}

/**
 * Up to `limit` due reminders, locked for this transaction, earliest first. Rows another dispatcher
 * holds are skipped. Reminders whose appointment is being changed right now (cancelled, moved) are
 * left for the next pass (`busy`): their appointments are share-locked, skipping those being written.
 */
export async function claimDueReminders(
  tx: DbOrTx,
  now: Date,
  limit: number,
): Promise<{ claimed: Reminder[]; busy: number }> {
  const locked = await tx
    .select()
    .from(reminders)
    .where(and(eq(reminders.status, 'scheduled'), lte(reminders.dueAt, now)))
    .orderBy(asc(reminders.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (locked.length === 0) return { claimed: [], busy: 0 };
  const ids = new Set(
    await shareLockSteadyAppointments(tx, [...new Set(locked.map((r) => r.appointmentId))]),
  );
  const claimed = locked.filter((r) => ids.has(r.appointmentId));
  return { claimed, busy: locked.length - claimed.length };
}

export interface ReminderOutcome {
  id: string;
  status: Extract<ReminderStatus, 'sent' | 'skipped' | 'failed'>;
  reason: string | null;
  messageId: string | null;
  /** The channel that carried it. */
  channel?: string | null;
  /** It fell back this time: from which channel, and why (an earlier fallback is kept). */
  fallbackFrom?: string | null;
  fallbackReason?: string | null;
}

/** Records how each claimed reminder ended, in one statement for the whole batch. */
export async function finishReminders(
  tx: DbOrTx,
  outcomes: readonly ReminderOutcome[],
  at: Date,
): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = sql.join(
    outcomes.map(
      (o) =>
        sql`(${o.id}::uuid, ${o.status}, ${o.reason}, ${o.messageId}::uuid, ${o.channel ?? null}::text, ${o.fallbackFrom ?? null}::text, ${o.fallbackReason ?? null}::text)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update ${reminders} set
      status = v.status,
      reason = v.reason,
      message_id = v.message_id,
      sent_at = case when v.status = 'sent' then ${at.toISOString()}::timestamptz else null end,
      channel = coalesce(v.channel, ${reminders.channel}),
      fallback_from = coalesce(v.fallback_from, ${reminders.fallbackFrom}),
      fallback_reason = coalesce(v.fallback_reason, ${reminders.fallbackReason})
    from (values ${rows}) as v(id, status, reason, message_id, channel, fallback_from, fallback_reason)
    where ${reminders.id} = v.id and ${reminders.status} = 'scheduled'`);
}

/**
 * When the next reminder after `after` is due. Starting at `after` keeps the index scan off the
 * reminders already sent, whose entries stay in the index until vacuum removes them.
 */
export async function nextScheduledDueAt(db: DbOrTx, after: Date): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: reminders.dueAt })
    .from(reminders)
    .where(and(eq(reminders.status, 'scheduled'), gt(reminders.dueAt, after)))
    .orderBy(asc(reminders.dueAt))
    .limit(1);
  return row?.dueAt ?? null;
}

/** The patient's answer, on the appointment's latest reminder that went out. */
export async function recordReminderResponse(
  tx: DbOrTx,
  orgId: string,
  appointmentId: string,
  response: ReminderResponse,
  at: Date,
): Promise<void> {
  const latest = tx
    .select({ id: reminders.id })
    .from(reminders)
    .where(
      and(
        eq(reminders.orgId, orgId),
        eq(reminders.appointmentId, appointmentId),
        eq(reminders.status, 'sent'),
      ),
    )
    .orderBy(desc(reminders.sentAt))
    .limit(1);
  await tx.update(reminders).set({ response, respondedAt: at }).where(inArray(reminders.id, latest));
}

/** The patient's latest reminder that went out since `since` and has no answer yet. */
export async function latestUnansweredReminderOf(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  since: Date,
): Promise<Reminder | undefined> {
  const appointment = appointmentsOfPatients(db);
  const [row] = await db
    .select({ reminder: reminders })
    .from(reminders)
    .innerJoin(appointment, eq(appointment.id, reminders.appointmentId))
    .where(
      and(
        eq(appointment.orgId, orgId),
        eq(appointment.contactId, contactId),
        eq(reminders.status, 'sent'),
        isNull(reminders.response),
        isNotNull(reminders.messageId),
        sql`${reminders.sentAt} >= ${since.toISOString()}::timestamptz`,
        ne(appointment.status, 'cancelled'),
      ),
    )
    .orderBy(desc(reminders.sentAt))
    .limit(1);
  return row?.reminder;
}

/**
 * Where the message a patient replied to (by its provider id) stands in the conversation: its arrival
 * order, to tell whether a reminder went out after it. Undefined when it is not a message we sent there.
 */
export async function repliedMessageSeq(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  externalId: string,
): Promise<number | undefined> {
  return outboundMessageSeq(db, orgId, conversationId, externalId);
}

/** The arrival order of the message that carried this reminder. */
export async function reminderMessageSeq(
  db: DbOrTx,
  orgId: string,
  reminder: Reminder,
): Promise<number | undefined> {
  if (!reminder.messageId) return undefined;
  return messageSeq(db, orgId, reminder.messageId);
}

/** Whether a reminder of the appointment went out after the message at `seq`: the patient has a newer one. */
export async function reminderSentAfter(
  db: DbOrTx,
  orgId: string,
  appointmentId: string,
  seq: number,
): Promise<boolean> {
  const message = messageOrderAndAccount(db);
  const [row] = await db
    .select({ id: reminders.id })
    .from(reminders)
    .innerJoin(message, eq(message.id, reminders.messageId))
    .where(
      and(
        eq(reminders.orgId, orgId),
        eq(reminders.appointmentId, appointmentId),
        eq(reminders.status, 'sent'),
        gt(message.seq, seq),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** An appointment's reminders, earliest due first, each with the account of the message that carried it. */
export async function remindersOfAppointment(
  db: DbOrTx,
  orgId: string,
  appointmentId: string,
): Promise<Array<{ reminder: Reminder; channelAccountId: string | null }>> {
  const message = messageOrderAndAccount(db);
  return db
    .select({ reminder: reminders, channelAccountId: message.channelAccountId })
    .from(reminders)
    .leftJoin(message, and(eq(message.id, reminders.messageId), eq(message.orgId, orgId)))
    .where(and(eq(reminders.orgId, orgId), eq(reminders.appointmentId, appointmentId)))
    .orderBy(asc(reminders.dueAt), asc(reminders.offsetMinutes));
}
