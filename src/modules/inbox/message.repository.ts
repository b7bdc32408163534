import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { Keyring } from '../keys/keyring.ts';
import { conversations } from './conversation.schema.ts';
import { visibleToCondition } from './conversation-scope.repository.ts';
import { type Message, type MessageStatus, messages } from './message.schema.ts';
import { sealMessages } from './message-sealing.ts';
import { type MessageReaction, messageReactions } from './reaction.schema.ts';

/**
 * Stores a message sealed with its patient's key (text, content, search terms) and returns it as
 * readers see it (plain), or undefined when this provider id was already stored (a redelivery).
 */
export async function insertMessageIfNew(
  db: DbOrTx,
  keyring: Keyring,
  message: { contactId: string; values: typeof messages.$inferInsert },
): Promise<Message | undefined> {
  const [sealed] = await sealMessages(db, keyring, [message]);
  if (!sealed) throw new Error('A message was not sealed');
  const [stored] = await db.insert(messages).values(sealed).onConflictDoNothing().returning();
  return stored && { ...stored, text: message.values.text ?? null, content: message.values.content ?? null };
}

export async function findMessage(db: DbOrTx, orgId: string, id: string): Promise<Message | undefined> {
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.id, id)));
  return message;
}

/**
 * Whose messages a timeline shows: one conversation's, or every conversation of its patient (all their
 * channels), those of other teams left out for a person kept to their teams.
 */
export type TimelineOf = { conversationId: string } | { contactId: string; onlyTeamsOf?: string | undefined };

export async function listMessagesPage(
  db: DbOrTx,
  orgId: string,
  of: TimelineOf,
  filter: { after?: KeysetPosition; limit: number; seesMedical: boolean },
): Promise<Message[]> {
  const { after, limit } = filter;
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        'conversationId' in of
          ? eq(messages.conversationId, of.conversationId)
          : inArray(
              messages.conversationId,
              db
                .select({ id: conversations.id })
                .from(conversations)
                .where(
                  and(
                    eq(conversations.orgId, orgId),
                    eq(conversations.contactId, of.contactId),
                    of.onlyTeamsOf ? visibleToCondition(of.onlyTeamsOf) : undefined,
                  ),
                ),
            ),
        ne(messages.type, 'reaction'),
        filter.seesMedical ? undefined : eq(messages.medical, false),
        // Messages of one instant (a flow's several replies, a batch of patient messages stamped to the
        // second) keep the order they were stored in: seq, which the cursor's message id locates.
        after
          ? sql`(${messages.occurredAt}, ${messages.seq}) < (${after.at.toISOString()}::timestamptz, (select m.seq from messages m where m.id = ${after.id}))`
          : undefined,
      ),
    )
    .orderBy(desc(messages.occurredAt), desc(messages.seq))
    .limit(limit + 1);
}

export interface StatusChange {
  status: MessageStatus;
  at: Date;
  errorCode?: number | null;
  errorTitle?: string | null;
  errorDetail?: string | null;
  failureReason?: string | null;
}

/** Sets the status only where the current one is among `from`: the caller decides what may move. */
export async function updateMessageStatus(
  db: DbOrTx,
  where: { channelAccountId: string; externalId: string } | { id: string },
  from: readonly MessageStatus[],
  change: StatusChange,
): Promise<Message | undefined> {
  const target =
    'id' in where
      ? eq(messages.id, where.id)
      : and(eq(messages.channelAccountId, where.channelAccountId), eq(messages.externalId, where.externalId));
  const [message] = await db
    .update(messages)
    .set({
      status: change.status,
      statusAt: change.at,
      ...(change.errorCode !== undefined ? { errorCode: change.errorCode } : {}),
      ...(change.errorTitle !== undefined ? { errorTitle: change.errorTitle } : {}),
      ...(change.errorDetail !== undefined ? { errorDetail: change.errorDetail } : {}),
      ...(change.failureReason !== undefined ? { failureReason: change.failureReason } : {}),
    })
    .where(and(target, inArray(messages.status, [...from])))
    .returning();
  return message;
}

/** Moves many messages at once, each only from a status among `from`; answers the ids that moved. */
export async function setMessagesStatus(
  db: DbOrTx,
  ids: readonly string[],
  from: readonly MessageStatus[],
  status: MessageStatus,
  now: Date,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const moved = await db
    .update(messages)
    .set({ status, statusAt: now })
    .where(and(inArray(messages.id, [...ids]), inArray(messages.status, [...from])))
    .returning({ id: messages.id });
  return moved.map((m) => m.id);
}

/**
 * Refuses these of the clinic's messages still `queued` (not handed to a provider yet), with the reason:
 * their outbox jobs then find nothing to send. Answers the ids refused.
 */
export async function refuseQueuedMessages(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
  reason: string,
  detail: string,
  now: Date,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const moved = await db
    .update(messages)
    .set({ status: 'refused', failureReason: reason, errorTitle: detail, statusAt: now })
    .where(and(eq(messages.orgId, orgId), inArray(messages.id, [...ids]), eq(messages.status, 'queued')))
    .returning({ id: messages.id });
  return moved.map((m) => m.id);
}

/**
 * The provider's ids for messages it accepted, in one statement. Answers the ids stored: a message
 * that got its id from an echo meanwhile (no longer queued or sending) keeps it.
 */
export async function setMessagesExternalIds(
  db: DbOrTx,
  accepted: readonly { id: string; externalId: string }[],
): Promise<string[]> {
  if (accepted.length === 0) return [];
  const rows = sql.join(
    accepted.map((a) => sql`(${a.id}::uuid, ${a.externalId}::text)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    update ${messages} set external_id = v.external_id, status = 'accepted', status_at = now()
    from (values ${rows}) as v(id, external_id)
    where ${messages.id} = v.id and ${messages.status} in ('queued', 'sending')
    returning ${messages.id} as id`);
  return storedIds.parse(rowsOf(result)).map((r) => r.id);
}

const storedIds = z.array(z.object({ id: z.string() }));

export async function findMessagesByIds(db: DbOrTx, ids: readonly string[]): Promise<Message[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(messages)
    .where(inArray(messages.id, [...ids]));
}

/** Each conversation's latest message exchanged with the patient: internal notes are not a preview. */
export async function latestMessages(db: DbOrTx, conversationIds: readonly string[]): Promise<Message[]> {
  if (conversationIds.length === 0) return [];
  return db
    .selectDistinctOn([messages.conversationId])
    .from(messages)
    .where(and(inArray(messages.conversationId, [...conversationIds]), ne(messages.direction, 'note')))
    .orderBy(messages.conversationId, desc(messages.occurredAt), desc(messages.seq));
}

/**
 * Gives a message that was mid-send (`sending`, no provider id) the id a status webhook revealed,
 * matched by our own id echoed back; true when the message was waiting for it. One conditional update:
 * it and `claimInterruptedSend` exclude each other, so an echo adopted first stops the re-send.
 */
export async function adoptExternalId(
  db: DbOrTx,
  orgId: string,
  messageId: string,
  externalId: string,
  now: Date,
): Promise<boolean> {
  if (!UUID.test(messageId)) return false;
  const adopted = await db
    .update(messages)
    .set({ externalId, status: 'accepted', statusAt: now })
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.id, messageId),
        eq(messages.status, 'sending'),
        isNull(messages.externalId),
      ),
    )
    .returning({ id: messages.id });
  return adopted.length > 0;
}

/**
 * Takes an interrupted send (left `sending` with no provider id) for sending again, only if nothing
 * touched it since it was read with `seenStatusAt`: not an echo adopting its id, not another worker
 * taking it. Its sending time becomes now. True when this caller may send.
 */
export async function claimInterruptedSend(
  db: DbOrTx,
  messageId: string,
  seenStatusAt: Date,
  now: Date,
): Promise<boolean> {
  const claimed = await db
    .update(messages)
    .set({ statusAt: now })
    .where(
      and(
        eq(messages.id, messageId),
        eq(messages.status, 'sending'),
        isNull(messages.externalId),
        eq(messages.statusAt, seenStatusAt),
      ),
    )
    .returning({ id: messages.id });
  return claimed.length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function reactionsOf(db: DbOrTx, messageIds: readonly string[]): Promise<MessageReaction[]> {
  if (messageIds.length === 0) return [];
  return db
    .select()
    .from(messageReactions)
    .where(inArray(messageReactions.messageId, [...messageIds]));
}

export async function latestInboundMessage(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
): Promise<Message | undefined> {
  const [message] = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'inbound'),
      ),
    )
    .orderBy(desc(messages.occurredAt))
    .limit(1);
  return message;
}

/** A conversation's patient messages stored after `afterSeq` (arrival order), oldest first. */
export async function inboundMessagesAfter(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  afterSeq: number | null,
  limit: number,
): Promise<Message[]> {
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'inbound'),
        afterSeq === null ? undefined : gt(messages.seq, afterSeq),
      ),
    )
    .orderBy(asc(messages.seq))
    .limit(limit);
}

/** Marks an outbound message as sent by automation. */
export async function setMessageFlowSession(
  db: DbOrTx,
  orgId: string,
  messageId: string,
  flowSessionId: string,
): Promise<Message | undefined> {
  const [message] = await db
    .update(messages)
    .set({ sentByFlowSessionId: flowSessionId })
    .where(and(eq(messages.orgId, orgId), eq(messages.id, messageId)))
    .returning();
  return message;
}

/** Whether the care team (a person, or an integration acting for it) has written to the patient here. */
/**
 * The ids of a patient's messages since a date (every conversation, every channel; no internal notes),
 * oldest first: what an EHR that has just come to know the patient files about them.
 */
export async function messageIdsOfPatientSince(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  since: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: messages.id })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(conversations.orgId, orgId),
        eq(conversations.contactId, contactId),
        ne(messages.direction, 'note'),
        gt(messages.occurredAt, since),
      ),
    )
    .orderBy(asc(messages.occurredAt), asc(messages.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

export async function staffWroteIn(db: DbOrTx, orgId: string, conversationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, 'outbound'),
        sql`(${messages.authorUserId} is not null or ${messages.sentByApiKeyId} is not null)`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
