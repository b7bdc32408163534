import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import { channelAccountIdsOfType } from '../channel-accounts/channel-account-ids.service.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import { type Conversation, type ConversationStatus, conversations } from './conversation.schema.ts';
import { visibleToCondition } from './conversation-scope.repository.ts';
import { messages } from './message.schema.ts';

export async function findLiveConversation(
  db: DbOrTx,
  orgId: string,
  channelAccountId: string,
  contactId: string,
): Promise<Conversation | undefined> {
  const [conversation] = await db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        eq(conversations.channelAccountId, channelAccountId),
        eq(conversations.contactId, contactId),
        ne(conversations.status, 'closed'),
      ),
    );
  return conversation;
}

/** The new row, or undefined when another writer opened the patient's live conversation first. */
export async function insertConversationIfAbsent(
  db: DbOrTx,
  values: typeof conversations.$inferInsert,
): Promise<Conversation | undefined> {
  const [created] = await db.insert(conversations).values(values).onConflictDoNothing().returning();
  return created;
}

/**
 * Moves the conversation's clocks forward only (webhooks arrive out of order). A patient's message adds
 * to the unread count and starts the wait, unless the clinic has written since (a message delivered
 * late); the wait runs from the patient's first message the clinic has not answered, whatever order they
 * came in. A reply that went out (not one refused by our own policy) ends it.
 */
export async function touchConversation(
  db: DbOrTx,
  id: string,
  at: Date,
  direction: 'inbound' | 'outbound',
  now: Date,
): Promise<void> {
  const atSql = sql`${at.toISOString()}::timestamptz`;
  const clinicWroteFrom = (from: SQL) => sql`exists (
    select 1 from ${messages}
    where ${messages.conversationId} = ${conversations.id}
      and ${messages.direction} = 'outbound'
      and ${messages.status} <> 'refused'
      and ${messages.occurredAt} >= ${from}
  )`;
  await db
    .update(conversations)
    .set({
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${atSql})`,
      ...(direction === 'inbound'
        ? {
            lastInboundAt: sql`greatest(${conversations.lastInboundAt}, ${atSql})`,
            unreadCount: sql`${conversations.unreadCount} + 1`,
            // Providers stamp a patient's message to the second: a clinic message of that same second
            // may have come before it, so only a later one counts as its answer.
            waitingSince: sql`case when ${clinicWroteFrom(sql`${atSql} + interval '1 second'`)}
              then ${conversations.waitingSince} else least(${conversations.waitingSince}, ${atSql}) end`,
          }
        : {
            waitingSince: sql`case when ${clinicWroteFrom(atSql)} then null else ${conversations.waitingSince} end`,
          }),
      updatedAt: now,
    })
    .where(eq(conversations.id, id));
}

export async function findConversation(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<Conversation | undefined> {
  const [conversation] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)));
  return conversation;
}

export async function findConversationsByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<Conversation[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.id, unique)));
}

/** Locks the row until the transaction ends: concurrent changes of one conversation take turns. */
export async function lockConversation(
  tx: DbOrTx,
  orgId: string,
  id: string,
): Promise<Conversation | undefined> {
  const [conversation] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .for('update');
  return conversation;
}

/** The same lock, for work that starts from a conversation id alone (automatic assignment). */
export async function lockConversationById(tx: DbOrTx, id: string): Promise<Conversation | undefined> {
  const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, id)).for('update');
  return conversation;
}

export async function updateConversation(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<
    Pick<
      typeof conversations.$inferInsert,
      'status' | 'closedAt' | 'waitingSince' | 'assigneeUserId' | 'teamId' | 'unreadCount' | 'urgent'
    >
  >,
  now: Date,
): Promise<Conversation | undefined> {
  const [conversation] = await db
    .update(conversations)
    .set({ ...values, updatedAt: now })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .returning();
  return conversation;
}

/**
 * A red flag: the conversation turns urgent and, unless an earlier alert still waits, pinned from now
 * until a person acknowledges it. A conversation parked as pending comes back to the open queue.
 */
export async function markConversationUrgent(
  db: DbOrTx,
  orgId: string,
  id: string,
  at: Date,
): Promise<Conversation | undefined> {
  const [conversation] = await db
    .update(conversations)
    .set({
      urgent: true,
      urgentSince: sql`coalesce(${conversations.urgentSince}, ${at.toISOString()}::timestamptz)`,
      status: sql`case when ${conversations.status} = 'pending' then 'open' else ${conversations.status} end`,
      updatedAt: at,
    })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .returning();
  return conversation;
}

/** A person has seen the alert: the conversation stays marked urgent but is no longer pinned. */
export async function clearUrgentAlert(
  db: DbOrTx,
  orgId: string,
  id: string,
  now: Date,
): Promise<Conversation | undefined> {
  const [conversation] = await db
    .update(conversations)
    .set({ urgentSince: null, updatedAt: now })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .returning();
  return conversation;
}

/** Who sees which conversations: assigned to one person, to nobody, or everyone's. */
export type AssigneeFilter = { userId: string } | 'unassigned';

export interface ConversationFilter {
  status?: ConversationStatus;
  /** Only conversations marked urgent (a red flag). */
  urgent?: boolean;
  assignee?: AssigneeFilter;
  channel?: ChannelType;
  /** One of the clinic's numbers (a channel account). */
  channelAccountId?: string;
  /** Only the conversations of this person's teams or assigned to them (agentsSeeOnlyTheirTeams). */
  onlyTeamsOf?: string;
}

export async function listConversationsPage(
  db: DbOrTx,
  orgId: string,
  filter: ConversationFilter & { after?: KeysetPosition; limit: number },
): Promise<Conversation[]> {
  const { after, limit } = filter;
  return db
    .select()
    .from(conversations)
    .where(
      and(
        ...conversationConditions(db, orgId, filter),
        // Pinned ones come first, from listPinnedConversations, and only there.
        isNull(conversations.urgentSince),
        after
          ? or(
              lt(conversations.lastMessageAt, after.at),
              and(eq(conversations.lastMessageAt, after.at), lt(conversations.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(limit + 1);
}

/** Conversations with an alert nobody has acknowledged, the oldest alert first: the top of every list. */
export async function listPinnedConversations(
  db: DbOrTx,
  orgId: string,
  filter: ConversationFilter,
): Promise<Conversation[]> {
  return db
    .select()
    .from(conversations)
    .where(and(...conversationConditions(db, orgId, filter), isNotNull(conversations.urgentSince)))
    .orderBy(asc(conversations.urgentSince), asc(conversations.id));
}

function conversationConditions(db: DbOrTx, orgId: string, filter: ConversationFilter): (SQL | undefined)[] {
  const { status, assignee, channel, channelAccountId, urgent, onlyTeamsOf } = filter;
  return [
    eq(conversations.orgId, orgId),
    onlyTeamsOf ? visibleToCondition(onlyTeamsOf) : undefined,
    urgent ? eq(conversations.urgent, true) : undefined,
    channelAccountId ? eq(conversations.channelAccountId, channelAccountId) : undefined,
    status ? eq(conversations.status, status) : undefined,
    assignee === 'unassigned' ? isNull(conversations.assigneeUserId) : undefined,
    assignee && assignee !== 'unassigned' ? eq(conversations.assigneeUserId, assignee.userId) : undefined,
    channel
      ? inArray(conversations.channelAccountId, channelAccountIdsOfType(db, orgId, channel))
      : undefined,
  ];
}

export interface OpenConversationCounts {
  /** Null when the caller is not a person (an API key has no conversations of its own). */
  mine: number | null;
  unassigned: number;
  all: number;
  /** Patient messages nobody has read yet, over all open conversations. */
  unread: number;
  /** Open conversations with a red flag nobody has acknowledged yet. */
  urgent: number;
}

/** The inbox's tab badges, in one pass over the clinic's open conversations (of one number, if given). */
export async function countOpenConversations(
  db: DbOrTx,
  orgId: string,
  userId: string | null,
  channelAccountId?: string,
  onlyTeamsOf?: string,
): Promise<OpenConversationCounts> {
  const [row] = await db
    .select({
      mine: (userId
        ? sql`count(*) filter (where ${conversations.assigneeUserId} = ${userId})`
        : sql`0`
      ).mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${conversations.assigneeUserId} is null)`.mapWith(
        Number,
      ),
      all: count(),
      unread: sql<number>`coalesce(sum(${conversations.unreadCount}), 0)`.mapWith(Number),
      urgent: sql<number>`count(*) filter (where ${conversations.urgentSince} is not null)`.mapWith(Number),
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        eq(conversations.status, 'open'),
        channelAccountId ? eq(conversations.channelAccountId, channelAccountId) : undefined,
        onlyTeamsOf ? visibleToCondition(onlyTeamsOf) : undefined,
      ),
    );
  return {
    mine: userId ? (row?.mine ?? 0) : null,
    unassigned: row?.unassigned ?? 0,
    all: row?.all ?? 0,
    unread: row?.unread ?? 0,
    urgent: row?.urgent ?? 0,
  };
}

/** How many open conversations each of these people has: what capacity and "least open" weigh. */
export async function openConversationCounts(
  db: DbOrTx,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: conversations.assigneeUserId, n: count() })
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        eq(conversations.status, 'open'),
        inArray(conversations.assigneeUserId, [...userIds]),
      ),
    )
    .groupBy(conversations.assigneeUserId);
  return new Map(rows.flatMap((r): [string, number][] => (r.userId ? [[r.userId, r.n]] : [])));
}

/**
 * As conversationsOfContact for many patients at once (one query): each patient's latest `perContact`
 * conversations, latest first.
 */
export async function conversationsOfContacts(
  db: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
  perContact: number,
): Promise<Map<string, Conversation[]>> {
  const byContact = new Map<string, Conversation[]>();
  if (contactIds.length === 0) return byContact;
  const rows = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.contactId, [...new Set(contactIds)])))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.createdAt), desc(conversations.id));
  for (const row of rows) {
    const list = byContact.get(row.contactId) ?? [];
    if (list.length < perContact) list.push(row);
    byContact.set(row.contactId, list);
  }
  return byContact;
}

/** New rows for each pair that has no live conversation yet (one statement); answers the rows created. */
export async function insertConversationsIfAbsent(
  db: DbOrTx,
  values: readonly (typeof conversations.$inferInsert)[],
): Promise<Conversation[]> {
  if (values.length === 0) return [];
  return db
    .insert(conversations)
    .values([...values])
    .onConflictDoNothing()
    .returning();
}

/** The live conversations of these patients (one query). */
export async function liveConversationsOfContacts(
  db: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
): Promise<Conversation[]> {
  if (contactIds.length === 0) return [];
  return db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        inArray(conversations.contactId, [...new Set(contactIds)]),
        ne(conversations.status, 'closed'),
      ),
    );
}

export async function conversationsOfContact(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  limit: number,
): Promise<Conversation[]> {
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.contactId, contactId)))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.createdAt), desc(conversations.id))
    .limit(limit);
}
