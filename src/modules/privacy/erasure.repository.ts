import { and, desc, eq, inArray, isNotNull, isNull, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { webhookEvents } from '../../channels/webhook-event.schema.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { events } from '../../platform/events/event.schema.ts';
import { jobs } from '../../platform/jobs/job.schema.ts';
import { consentRecords } from '../consent/consent.schema.ts';
import { contactIdentities, contacts } from '../contacts/contact.schema.ts';
import { csatResponses, flowConversationCursors, flowSessions } from '../flows/flow.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import { messages } from '../inbox/message.schema.ts';
import { messageReactions } from '../inbox/reaction.schema.ts';
import { mediaFiles } from '../media/media.schema.ts';
import { deliveryReceipts } from '../outbox/delivery-receipt.schema.ts';
import { idempotencyKeys } from '../outbox/idempotency-key.schema.ts';
import { reminders } from '../reminders/reminder.schema.ts';
import { redFlagEvents } from '../safety/red-flag-event.schema.ts';
import { appointments } from '../scheduling/scheduling.schema.ts';
import { users } from '../users/user.schema.ts';
import { type Erasure, erasures } from './erasure.schema.ts';
import type { ErasureScope } from './erasure-scope.repository.ts';

/**
 * The deletions of an erasure, one per kind of row. Every one is scoped to the clinic and to the ids
 * the scope gathered; an empty list deletes nothing.
 */

function anyOf(column: SQLWrapper, ids: readonly string[]): SQL {
  return ids.length === 0 ? sql`false` : inArray(column, [...ids]);
}

async function deleted(tx: DbOrTx, table: PgTable & { id: PgColumn }, where: SQL | undefined) {
  const rows = await tx.delete(table).where(where).returning({ id: table.id });
  return rows.length;
}

/** Queued, failed or finished jobs about them: sends, automation turns and timers, downloads. */
export function deleteTheirJobs(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    jobs,
    and(
      eq(jobs.orgId, s.orgId),
      or(
        anyOf(sql`${jobs.payload}->>'conversationId'`, s.conversationIds),
        anyOf(sql`${jobs.payload}->>'messageId'`, s.messageIds),
        anyOf(sql`${jobs.payload}->>'mediaFileId'`, s.mediaFileIds),
        anyOf(sql`${jobs.payload}->>'appointmentId'`, s.appointmentIds),
        sql`${jobs.payload}->>'contactId' = ${s.contactId}`,
      ),
    ),
  );
}

export function deleteTheirRedFlags(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    redFlagEvents,
    and(
      eq(redFlagEvents.orgId, s.orgId),
      or(eq(redFlagEvents.contactId, s.contactId), anyOf(redFlagEvents.conversationId, s.conversationIds)),
    ),
  );
}

export function deleteTheirSatisfactionAnswers(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    csatResponses,
    and(
      eq(csatResponses.orgId, s.orgId),
      or(eq(csatResponses.contactId, s.contactId), anyOf(csatResponses.conversationId, s.conversationIds)),
    ),
  );
}

export function deleteTheirReminders(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    reminders,
    and(
      eq(reminders.orgId, s.orgId),
      or(anyOf(reminders.appointmentId, s.appointmentIds), anyOf(reminders.messageId, s.messageIds)),
    ),
  );
}

export function deleteTheirAppointments(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    appointments,
    and(eq(appointments.orgId, s.orgId), anyOf(appointments.id, s.appointmentIds)),
  );
}

export function deleteTheirConsents(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    consentRecords,
    and(eq(consentRecords.orgId, s.orgId), eq(consentRecords.contactId, s.contactId)),
  );
}

export function deleteTheirReactions(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    messageReactions,
    and(eq(messageReactions.orgId, s.orgId), anyOf(messageReactions.messageId, s.messageIds)),
  );
}

/** Their files' rows; answers the storage keys, whose encrypted bytes go once the erasure is committed. */
export async function deleteTheirFileRows(tx: DbOrTx, s: ErasureScope): Promise<string[]> {
  const rows = await tx
    .delete(mediaFiles)
    .where(and(eq(mediaFiles.orgId, s.orgId), anyOf(mediaFiles.id, s.mediaFileIds)))
    .returning({ storageKey: mediaFiles.storageKey });
  return rows.flatMap((row) => (row.storageKey ? [row.storageKey] : []));
}

export async function deleteTheirDeliveryReceipts(tx: DbOrTx, s: ErasureScope): Promise<number> {
  let count = 0;
  const byAccount = new Map<string, string[]>();
  for (const e of s.externalIds)
    byAccount.set(e.channelAccountId, [...(byAccount.get(e.channelAccountId) ?? []), e.externalId]);
  for (const [channelAccountId, ids] of byAccount) {
    count += await deleted(
      tx,
      deliveryReceipts,
      and(
        eq(deliveryReceipts.orgId, s.orgId),
        eq(deliveryReceipts.channelAccountId, channelAccountId),
        anyOf(deliveryReceipts.externalId, ids),
      ),
    );
  }
  return count;
}

/** Kept answers to idempotent sends: they repeat the message as it was sent. */
export function deleteTheirKeptAnswers(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    idempotencyKeys,
    and(
      eq(idempotencyKeys.orgId, s.orgId),
      anyOf(sql`${idempotencyKeys.responseBody}->>'conversation_id'`, s.conversationIds),
    ),
  );
}

export function deleteTheirMessages(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(tx, messages, and(eq(messages.orgId, s.orgId), anyOf(messages.id, s.messageIds)));
}

/** Flow sessions with their answers and variables, and the automation's place in the conversation. */
export async function deleteTheirFlowSessions(tx: DbOrTx, s: ErasureScope): Promise<number> {
  const cursors = await tx
    .delete(flowConversationCursors)
    .where(
      and(
        eq(flowConversationCursors.orgId, s.orgId),
        anyOf(flowConversationCursors.conversationId, s.conversationIds),
      ),
    )
    .returning({ id: flowConversationCursors.conversationId });
  const sessions = await deleted(
    tx,
    flowSessions,
    and(eq(flowSessions.orgId, s.orgId), anyOf(flowSessions.id, s.flowSessionIds)),
  );
  return cursors.length + sessions;
}

/** Live-update events naming their conversations or appointments (ids only, but ids that link). */
export async function deleteTheirLiveEvents(tx: DbOrTx, s: ErasureScope): Promise<number> {
  const rows = await tx
    .delete(events)
    .where(
      and(
        eq(events.orgId, s.orgId),
        or(
          anyOf(sql`${events.payload}->>'conversationId'`, s.conversationIds),
          anyOf(sql`${events.payload}->>'appointmentId'`, s.appointmentIds),
          sql`${events.payload}->>'contactId' = ${s.contactId}`,
        ),
      ),
    )
    .returning({ id: events.id });
  return rows.length;
}

export function deleteTheirConversations(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deleted(
    tx,
    conversations,
    and(eq(conversations.orgId, s.orgId), anyOf(conversations.id, s.conversationIds)),
  );
}

export async function deleteContactAndIdentities(tx: DbOrTx, s: ErasureScope): Promise<number> {
  const identities = await deleted(
    tx,
    contactIdentities,
    and(eq(contactIdentities.orgId, s.orgId), eq(contactIdentities.contactId, s.contactId)),
  );
  const contact = await deleted(tx, contacts, and(eq(contacts.orgId, s.orgId), eq(contacts.id, s.contactId)));
  return identities + contact;
}

/** The clinic's journaled deliveries still holding a body (failed or waiting): few, by design. */
export function journalBodiesOf(tx: DbOrTx, orgId: string) {
  return tx
    .select({
      id: webhookEvents.id,
      channelAccountId: webhookEvents.channelAccountId,
      bodySha256: webhookEvents.bodySha256,
      sealedBody: webhookEvents.sealedBody,
      rawBody: webhookEvents.rawBody,
    })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.orgId, orgId),
        isNull(webhookEvents.processedAt),
        or(isNotNull(webhookEvents.sealedBody), isNotNull(webhookEvents.rawBody)),
      ),
    );
}

/** Forgets journaled bodies and the jobs that would process them. */
export async function forgetJournalBodies(tx: DbOrTx, orgId: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(webhookEvents)
    .set({ sealedBody: null, rawBody: null })
    .where(and(eq(webhookEvents.orgId, orgId), inArray(webhookEvents.id, [...ids])));
  await tx.delete(jobs).where(inArray(sql`${jobs.payload}->>'webhookEventId'`, ids.map(String)));
}

export async function insertErasure(
  tx: DbOrTx,
  values: Pick<Erasure, 'orgId' | 'reference' | 'erasedByUserId' | 'erasedByApiKeyId' | 'removed'>,
): Promise<Erasure> {
  const [row] = await tx.insert(erasures).values(values).returning();
  if (!row) throw new Error('insert into erasures returned nothing');
  return row;
}

/** The clinic's erasures, newest first, with who did them. */
export function listErasures(db: DbOrTx, orgId: string, limit: number) {
  return db
    .select({ erasure: erasures, byName: users.name, byEmail: users.email })
    .from(erasures)
    .leftJoin(users, eq(users.id, erasures.erasedByUserId))
    .where(eq(erasures.orgId, orgId))
    .orderBy(desc(erasures.erasedAt))
    .limit(limit);
}
