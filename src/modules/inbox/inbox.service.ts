import type { DbOrTx } from '../../platform/db/db.ts';
import { type KeysetPosition, type Page, toPage } from '../../platform/db/keyset-cursor.ts';
import { mediaOfMessages } from '../media/media.repository.ts';
import type { MediaFile } from '../media/media.schema.ts';
import {
  findConversation,
  findLiveConversation,
  insertConversationIfAbsent,
  listConversationsPage,
  touchConversation,
} from './conversation.repository.ts';
import type { Conversation, ConversationStatus } from './conversation.schema.ts';
import { insertMessageIfNew, latestMessages, listMessagesPage, reactionsOf } from './message.repository.ts';
import type { Message } from './message.schema.ts';
import type { MessageReaction } from './reaction.schema.ts';

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
): Promise<Page<Message> & { reactions: MessageReaction[]; media: MediaFile[] }> {
  const conversation = await findConversation(db, orgId, conversationId);
  if (!conversation) throw new ConversationNotFoundError();
  const rows = await listMessagesPage(db, orgId, conversationId, query);
  const page = toPage(rows, query.limit, (m) => ({ at: m.occurredAt, id: m.id }));
  const reactions = await reactionsOf(
    db,
    page.data.map((m) => m.id),
  );
  const media = await mediaOfMessages(
    db,
    orgId,
    page.data.map((m) => m.id),
  );
  return { ...page, reactions, media };
}
