import { carelineMediaIdsIn } from '../../channels/careline-media-ids.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type KeysetPosition, type Page, toPage } from '../../platform/db/keyset-cursor.ts';
import type { Keyring } from '../keys/keyring.ts';
import { defaultTeamFor } from '../teams/default-team.ts';
import { findStaffByIds } from '../users/user.service.ts';
import { autoAssign } from './auto-assign.service.ts';
import {
  type ConversationFilter,
  findConversation,
  findLiveConversation,
  insertConversationIfAbsent,
  insertConversationsIfAbsent,
  listConversationsPage,
  listPinnedConversations,
  liveConversationsOfContacts,
  touchConversation,
  updateConversation,
} from './conversation.repository.ts';
import type { Conversation } from './conversation.schema.ts';
import type { AttachmentsOf, FollowInboundMessage } from './conversation-hooks.ts';
import {
  type ConversationSummary,
  describeConversations,
  type NamedRef,
  type ViewContext,
} from './conversation-view.service.ts';
import { insertMessageIfNew, listMessagesPage, reactionsOf } from './message.repository.ts';
import type { Message } from './message.schema.ts';
import type { MessageAttachment } from './message-attachment.api.ts';
import { openMessages } from './message-sealing.ts';
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

/**
 * The patient's live conversation on this account, opened if there is none (a closed one stays closed:
 * the patient's next message opens a new conversation). A new conversation goes to the account's default
 * team, which assigns it as its mode says.
 */
export async function openOrContinueConversation(
  tx: DbOrTx,
  orgId: string,
  channelAccountId: string,
  contactId: string,
  firstMessageAt: Date,
  now: Date,
): Promise<Conversation> {
  const live = await findLiveConversation(tx, orgId, channelAccountId, contactId);
  if (live) return live;
  const team = await defaultTeamFor(tx, orgId, channelAccountId);
  const created = await insertConversationIfAbsent(tx, {
    orgId,
    channelAccountId,
    contactId,
    status: 'open',
    lastMessageAt: firstMessageAt,
    teamId: team?.id ?? null,
  });
  if (created && team) await autoAssign(tx, created.id, now);
  const current = await findLiveConversation(tx, orgId, channelAccountId, contactId);
  if (!current) throw new Error('conversation vanished after insert');
  return current;
}

/**
 * openOrContinueConversation for a batch of patients (a broadcast's pass): each pair's live conversation,
 * opened where there is none, in a few statements for the whole batch instead of three or four per
 * patient. New conversations go to their account's default team and are assigned one by one as its mode
 * says (nothing to do for a manual team). Answers the live conversation by `pairKey(account, contact)`.
 */
export async function openOrContinueConversations(
  tx: DbOrTx,
  orgId: string,
  pairs: ReadonlyArray<{ channelAccountId: string; contactId: string }>,
  firstMessageAt: Date,
  now: Date,
): Promise<Map<string, Conversation>> {
  const live = async () =>
    new Map(
      (
        await liveConversationsOfContacts(
          tx,
          orgId,
          pairs.map((p) => p.contactId),
        )
      ).map((c) => [conversationPairKey(c.channelAccountId, c.contactId), c]),
    );
  if (pairs.length === 0) return new Map();
  const existing = await live();
  const missing = pairs.filter((p) => !existing.has(conversationPairKey(p.channelAccountId, p.contactId)));
  if (missing.length === 0) return existing;
  const teams = new Map<string, Awaited<ReturnType<typeof defaultTeamFor>>>();
  for (const accountId of new Set(missing.map((p) => p.channelAccountId)))
    teams.set(accountId, await defaultTeamFor(tx, orgId, accountId));
  const unique = new Map(missing.map((p) => [conversationPairKey(p.channelAccountId, p.contactId), p]));
  const created = await insertConversationsIfAbsent(
    tx,
    [...unique.values()].map((p) => ({
      orgId,
      channelAccountId: p.channelAccountId,
      contactId: p.contactId,
      status: 'open' as const,
      lastMessageAt: firstMessageAt,
      teamId: teams.get(p.channelAccountId)?.id ?? null,
    })),
  );
  const assigned = created.filter((c) => {
    const team = c.teamId ? teams.get(c.channelAccountId) : undefined;
    return team !== undefined && team.assignmentMode !== 'manual';
  });
  for (const conversation of assigned) await autoAssign(tx, conversation.id, now);
  return assigned.length > 0 || created.length < unique.size
    ? await live()
    : new Map([
        ...existing,
        ...created.map((c) => [conversationPairKey(c.channelAccountId, c.contactId), c] as const),
      ]);
}

/** The key openOrContinueConversations answers by. */
export function conversationPairKey(channelAccountId: string, contactId: string): string {
  return `${channelAccountId}:${contactId}`;
}

/** Stores a patient's message once, however often the provider delivers it. */
export async function appendInboundMessage(
  tx: DbOrTx,
  keyring: Keyring,
  input: InboundMessageInput,
  now: Date,
  follow: FollowInboundMessage,
): Promise<{ message: Message; duplicate: false } | { duplicate: true }> {
  const conversation = await openOrContinueConversation(
    tx,
    input.orgId,
    input.channelAccountId,
    input.contactId,
    input.occurredAt,
    now,
  );
  const message = await insertMessageIfNew(tx, keyring, {
    contactId: input.contactId,
    values: {
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
    },
  });
  if (!message) return { duplicate: true };
  await touchConversation(tx, conversation.id, input.occurredAt, 'inbound', now);
  await follow(tx, keyring, conversation, message, now);
  return { message, duplicate: false };
}

export class ConversationNotFoundError extends Error {
  constructor() {
    super('conversation not found');
    this.name = 'ConversationNotFoundError';
  }
}

export async function listConversations(
  db: DbOrTx,
  orgId: string,
  query: ConversationFilter & { after?: KeysetPosition; limit: number },
  context: ViewContext,
): Promise<Page<ConversationSummary>> {
  // Urgent conversations nobody has acknowledged head the first page of every list, whatever its order.
  const pinned = query.after ? [] : await listPinnedConversations(db, orgId, query);
  const rows = await listConversationsPage(db, orgId, query);
  const page = toPage(rows, query.limit, (c) => ({ at: c.lastMessageAt, id: c.id }));
  return {
    nextCursor: page.nextCursor,
    data: await describeConversations(db, orgId, [...pinned, ...page.data], context),
  };
}

export async function getConversation(
  db: DbOrTx,
  orgId: string,
  id: string,
  context: ViewContext,
): Promise<ConversationSummary> {
  const conversation = await findConversation(db, orgId, id);
  if (!conversation) throw new ConversationNotFoundError();
  const [summary] = await describeConversations(db, orgId, [conversation], context);
  if (!summary) throw new ConversationNotFoundError();
  return summary;
}

/** An agent read the conversation: nothing in it is unread any more. */
export async function markConversationRead(
  db: DbOrTx,
  orgId: string,
  id: string,
  now: Date,
): Promise<Conversation> {
  const conversation = await findConversation(db, orgId, id);
  if (!conversation) throw new ConversationNotFoundError();
  if (conversation.unreadCount === 0) return conversation;
  return (await updateConversation(db, orgId, id, { unreadCount: 0 }, now)) ?? conversation;
}

export interface MessagePage extends Page<Message> {
  /** The patient of the conversation. */
  contactId: string;
  reactions: MessageReaction[];
  media: MessageAttachment[];
  authors: NamedRef[];
}

/**
 * A conversation's timeline, newest first: the patient's messages, the clinic's, and internal notes — or,
 * `acrossChannels`, those of every conversation of its patient on every channel, in one time order.
 */
export async function listMessages(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationId: string,
  query: {
    after?: KeysetPosition;
    limit: number;
    seesMedical: boolean;
    /** Every conversation of the patient, all channels (`onlyTeamsOf`: those of this person's teams). */
    acrossChannels?: { onlyTeamsOf?: string | undefined };
  },
  attachmentsOf: AttachmentsOf,
): Promise<MessagePage> {
  const conversation = await findConversation(db, orgId, conversationId);
  if (!conversation) throw new ConversationNotFoundError();
  const of = query.acrossChannels
    ? { contactId: conversation.contactId, onlyTeamsOf: query.acrossChannels.onlyTeamsOf }
    : { conversationId };
  const rows = await openMessages(db, keyring, await listMessagesPage(db, orgId, of, query));
  const page = toPage(rows, query.limit, (m) => ({ at: m.occurredAt, id: m.id }));
  const ids = page.data.map((m) => m.id);
  const reactions = await reactionsOf(db, ids);
  const sentFiles = page.data.flatMap((m) =>
    m.direction === 'outbound' ? [...carelineMediaIdsIn(m.content)] : [],
  );
  const media = await attachmentsOf(db, keyring, orgId, ids, sentFiles);
  const authors = await findStaffByIds(
    db,
    orgId,
    page.data.flatMap((m) => (m.authorUserId ? [m.authorUserId] : [])),
  );
  return {
    ...page,
    contactId: conversation.contactId,
    reactions,
    media,
    authors: authors.map((a) => ({ id: a.id, name: a.name })),
  };
}
