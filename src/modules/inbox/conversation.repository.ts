import { and, desc, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import { type Conversation, type ConversationStatus, conversations } from './conversation.schema.ts';

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

export async function insertConversationIfAbsent(
  db: DbOrTx,
  values: typeof conversations.$inferInsert,
): Promise<void> {
  await db.insert(conversations).values(values).onConflictDoNothing();
}

/** Moves the conversation's clocks forward only: webhooks arrive out of order. */
export async function touchConversation(
  db: DbOrTx,
  id: string,
  at: Date,
  direction: 'inbound' | 'outbound',
): Promise<void> {
  await db
    .update(conversations)
    .set({
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at.toISOString()}::timestamptz)`,
      ...(direction === 'inbound'
        ? { lastInboundAt: sql`greatest(${conversations.lastInboundAt}, ${at.toISOString()}::timestamptz)` }
        : {}),
      updatedAt: new Date(),
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

export async function listConversationsPage(
  db: DbOrTx,
  orgId: string,
  filter: { status?: ConversationStatus; after?: KeysetPosition; limit: number },
): Promise<Conversation[]> {
  const { status, after, limit } = filter;
  return db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        status ? eq(conversations.status, status) : undefined,
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
