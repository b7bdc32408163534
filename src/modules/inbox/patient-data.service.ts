import { and, asc, eq, inArray, isNotNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { anyOf, deletedRows } from '../../platform/db/row-deletion.ts';
import { repointRows } from '../../platform/db/row-repointing.ts';
import type { Keyring } from '../keys/keyring.ts';
import { type Conversation, conversations } from './conversation.schema.ts';
import { type Message, messages } from './message.schema.ts';
import { openContents, openMessages } from './message-sealing.ts';
import { type MessageReaction, messageReactions } from './reaction.schema.ts';

/**
 * One patient's conversations, messages and reactions, for the privacy module's export and erasure.
 * Every read and delete is scoped to the clinic and to the ids the caller gathered.
 */

/** Ids only, rows locked until the transaction ends: an erasure works from this list. */
export async function lockPatientConversationIds(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
): Promise<string[]> {
  const rows = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.contactId, contactId)))
    .for('update');
  return rows.map((row) => row.id);
}

/** Oldest first. */
export function readPatientConversations(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
): Promise<Conversation[]> {
  return tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.contactId, contactId)))
    .orderBy(asc(conversations.createdAt));
}

/** What an erasure needs of each message: its id, its channel id (receipts) and its sealed details (files). */
export function messageKeysOfConversations(tx: DbOrTx, orgId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      id: messages.id,
      direction: messages.direction,
      channelAccountId: messages.channelAccountId,
      externalId: messages.externalId,
      content: messages.content,
      contentSealed: messages.contentSealed,
    })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), inArray(messages.conversationId, conversationIds)));
}

/** In the order they happened, opened. */
export async function readMessagesOfConversations(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationIds: string[],
): Promise<Message[]> {
  if (conversationIds.length === 0) return [];
  const sealed = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), inArray(messages.conversationId, conversationIds)))
    .orderBy(asc(messages.occurredAt), asc(messages.seq));
  const opened = await openMessages(tx, keyring, sealed);
  return sealed.map((message, at) => opened[at] ?? message);
}

/** Oldest first. */
export function readReactionsOfMessages(
  tx: DbOrTx,
  orgId: string,
  messageIds: string[],
): Promise<MessageReaction[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(messageReactions)
    .where(and(eq(messageReactions.orgId, orgId), inArray(messageReactions.messageId, messageIds)))
    .orderBy(asc(messageReactions.reactedAt));
}

/**
 * The opened details of staff messages outside these conversations that may name one of these
 * uploads. Details are sealed, so every sealed one is a candidate and opened here.
 */
export async function staffContentsNamingFilesOutside(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationIds: string[],
  fileIds: string[],
): Promise<Array<Record<string, unknown> | null>> {
  const others = await tx
    .select({ content: messages.content, contentSealed: messages.contentSealed })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        ne(messages.direction, 'inbound'),
        notInArray(messages.conversationId, conversationIds),
        or(
          isNotNull(messages.contentSealed),
          ...fileIds.map((id) => sql`${messages.content}::text like ${`%${id}%`}`),
        ),
      ),
    );
  return openContents(tx, keyring, orgId, others);
}

export function deleteReactionsOfMessages(tx: DbOrTx, orgId: string, messageIds: string[]): Promise<number> {
  return deletedRows(
    tx,
    messageReactions,
    and(eq(messageReactions.orgId, orgId), anyOf(messageReactions.messageId, messageIds)),
  );
}

export function deleteMessagesByIds(tx: DbOrTx, orgId: string, messageIds: string[]): Promise<number> {
  return deletedRows(tx, messages, and(eq(messages.orgId, orgId), anyOf(messages.id, messageIds)));
}

export function deleteConversationsByIds(
  tx: DbOrTx,
  orgId: string,
  conversationIds: string[],
): Promise<number> {
  return deletedRows(
    tx,
    conversations,
    and(eq(conversations.orgId, orgId), anyOf(conversations.id, conversationIds)),
  );
}

/** For the patient-merge module: a record's conversations, rows locked, oldest first. */
export function lockConversationsForMerge(tx: DbOrTx, orgId: string, contactId: string) {
  return tx
    .select({
      id: conversations.id,
      channelAccountId: conversations.channelAccountId,
      status: conversations.status,
      closedAt: conversations.closedAt,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.contactId, contactId)))
    .orderBy(asc(conversations.createdAt))
    .for('update');
}

/** Moves conversations (their messages, notes and files with them) to another record of the clinic. */
export function moveConversations(
  tx: DbOrTx,
  orgId: string,
  conversationIds: readonly string[],
  toContactId: string,
): Promise<string[]> {
  return repointRows(tx, conversations, orgId, conversations.id, conversationIds, toContactId);
}

/**
 * Sets a conversation's status as a merge needs it: closed when the survivor already has a live one on
 * the same channel account, back to what it was on an unmerge.
 */
export async function setConversationStatusForMerge(
  tx: DbOrTx,
  orgId: string,
  conversationId: string,
  status: Conversation['status'],
  closedAt: Date | null,
): Promise<void> {
  await tx
    .update(conversations)
    .set({ status, closedAt })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
}
