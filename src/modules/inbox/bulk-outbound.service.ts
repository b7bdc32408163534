import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type Conversation, conversations } from './conversation.schema.ts';
import { messages } from './message.schema.ts';

// What a batch sender (the reminders' dispatcher) needs of the inbox, one statement per step for the
// whole batch: one message at a time cost about nine round trips per reminder (reminders benchmark).

/** Stores already sealed messages; answers each new message's arrival order by its id. */
export async function insertSealedMessages(
  tx: DbOrTx,
  rows: readonly (typeof messages.$inferInsert)[],
): Promise<Map<string, number>> {
  const inserted = await tx
    .insert(messages)
    .values([...rows])
    .returning({ id: messages.id, seq: messages.seq });
  return new Map(inserted.map((m) => [m.id, m.seq]));
}

/** As touchConversation does for a message that goes out: the clock moves on, nobody waits any more. */
export async function touchConversationsSentTo(
  tx: DbOrTx,
  conversationIds: readonly string[],
  now: Date,
): Promise<void> {
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  await tx
    .update(conversations)
    .set({
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${nowSql})`,
      waitingSince: null,
      updatedAt: now,
    })
    .where(and(inArray(conversations.id, [...new Set(conversationIds)]), ne(conversations.status, 'closed')));
}

/**
 * Locks the batch's live conversations that nobody holds: automation handling a patient's answer holds
 * the conversation and then the reminders, so the dispatcher, which holds reminders, must never wait
 * for a conversation (the two would deadlock). The busy ones are simply not returned.
 */
export async function lockLiveConversationsIfFree(
  tx: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, Conversation>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        inArray(conversations.id, [...new Set(ids)]),
        ne(conversations.status, 'closed'),
      ),
    )
    .for('update', { skipLocked: true });
  return new Map(rows.map((c) => [c.id, c]));
}
