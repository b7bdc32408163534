import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { type KeysetPosition, type Page, toPage } from '../../platform/db/keyset-cursor.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';
import { OUTBOX_SEND_QUEUE } from '../outbox/outbox-queue.ts';
import {
  findConversation,
  findLiveConversation,
  insertConversationIfAbsent,
  listConversationsPage,
  touchConversation,
} from './conversation.repository.ts';
import type { Conversation, ConversationStatus } from './conversation.schema.ts';
import { insertMessageIfNew, latestMessages, listMessagesPage } from './message.repository.ts';
import type { Message } from './message.schema.ts';

export interface InboundMessageInput {
  orgId: string;
  channelAccountId: string;
  contactId: string;
  externalId: string;
  type: string;
  text: string | null;
  content: Record<string, unknown> | null;
  replyToExternalId: string | null;
  occurredAt: Date;
}

/** The patient's live conversation on this account, opened if there is none (a closed one stays closed). */
export async function openOrContinueConversation(
  tx: DbOrTx,
  orgId: string,
  channelAccountId: string,
  contactId: string,
  firstMessageAt: Date,
): Promise<Conversation> {
  const live = await findLiveConversation(tx, orgId, channelAccountId, contactId);
  if (live) return live;
  await insertConversationIfAbsent(tx, {
    orgId,
    channelAccountId,
    contactId,
    status: 'open',
    lastMessageAt: firstMessageAt,
  });
  const created = await findLiveConversation(tx, orgId, channelAccountId, contactId);
  if (!created) throw new Error('conversation vanished after insert');
  return created;
}

/** Stores a patient's message once, however often the provider delivers it. */
export async function appendInboundMessage(
  tx: DbOrTx,
  input: InboundMessageInput,
): Promise<{ message: Message; duplicate: false } | { duplicate: true }> {
  const conversation = await openOrContinueConversation(
    tx,
    input.orgId,
    input.channelAccountId,
    input.contactId,
    input.occurredAt,
  );
  const message = await insertMessageIfNew(tx, {
    orgId: input.orgId,
    conversationId: conversation.id,
    channelAccountId: input.channelAccountId,
    direction: 'inbound',
    externalId: input.externalId,
    type: input.type,
    text: input.text,
    content: input.content,
    replyToExternalId: input.replyToExternalId,
    status: 'received',
    statusAt: input.occurredAt,
    occurredAt: input.occurredAt,
  });
  if (!message) return { duplicate: true };
  await touchConversation(tx, conversation.id, input.occurredAt, 'inbound');
  return { message, duplicate: false };
}

export class ConversationNotFoundError extends Error {
  constructor() {
    super('conversation not found');
    this.name = 'ConversationNotFoundError';
  }
}

/**
 * Stores an agent's text reply as queued and hands it to the outbox in the same transaction:
 * once this returns, the message will be sent even if the process dies right after.
 */
export async function queueOutboundText(
  db: Db,
  input: { orgId: string; conversationId: string; text: string; sentByApiKeyId: string | null },
): Promise<Message> {
  return db.transaction(async (tx) => {
    const conversation = await findConversation(tx, input.orgId, input.conversationId);
    if (!conversation) throw new ConversationNotFoundError();
    const now = new Date();
    const message = await insertMessageIfNew(tx, {
      orgId: input.orgId,
      conversationId: conversation.id,
      channelAccountId: conversation.channelAccountId,
      direction: 'outbound',
      type: 'text',
      text: input.text,
      status: 'queued',
      statusAt: now,
      occurredAt: now,
      sentByApiKeyId: input.sentByApiKeyId,
    });
    if (!message) throw new Error('insert into messages returned nothing');
    await touchConversation(tx, conversation.id, now, 'outbound');
    // Replies to a waiting patient go before bulk traffic.
    await enqueueJob(tx, {
      queue: OUTBOX_SEND_QUEUE,
      payload: { messageId: message.id, orgId: input.orgId },
      orgId: input.orgId,
      priority: 0,
      maxAttempts: 6,
      dedupeKey: message.id,
    });
    return message;
  });
}

export type ConversationSummary = Conversation & { lastMessage: Message | null };

export async function listConversations(
  db: DbOrTx,
  orgId: string,
  query: { status?: ConversationStatus; after?: KeysetPosition; limit: number },
): Promise<Page<ConversationSummary>> {
  const rows = await listConversationsPage(db, orgId, query);
  const page = toPage(rows, query.limit, (c) => ({ at: c.lastMessageAt, id: c.id }));
  const latest = await latestMessages(
    db,
    page.data.map((c) => c.id),
  );
  return {
    nextCursor: page.nextCursor,
    data: page.data.map((c) => ({
      ...c,
      lastMessage: latest.find((m) => m.conversationId === c.id) ?? null,
    })),
  };
}

export async function getConversation(db: DbOrTx, orgId: string, id: string): Promise<ConversationSummary> {
  const conversation = await findConversation(db, orgId, id);
  if (!conversation) throw new ConversationNotFoundError();
  const [lastMessage] = await latestMessages(db, [conversation.id]);
  return { ...conversation, lastMessage: lastMessage ?? null };
}

export async function listMessages(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  query: { after?: KeysetPosition; limit: number },
): Promise<Page<Message>> {
  const conversation = await findConversation(db, orgId, conversationId);
  if (!conversation) throw new ConversationNotFoundError();
  const rows = await listMessagesPage(db, orgId, conversationId, query);
  return toPage(rows, query.limit, (m) => ({ at: m.occurredAt, id: m.id }));
}
