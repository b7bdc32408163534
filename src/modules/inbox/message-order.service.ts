import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { messages } from './message.schema.ts';

/**
 * Where a message we sent (by its provider id) stands in the conversation: its arrival order.
 * Undefined when it is not a message we sent there.
 */
export async function outboundMessageSeq(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  externalId: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ seq: messages.seq })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.externalId, externalId),
        eq(messages.direction, 'outbound'),
      ),
    )
    .limit(1);
  return row?.seq;
}

/** The arrival order of one of the clinic's messages. */
export async function messageSeq(db: DbOrTx, orgId: string, messageId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ seq: messages.seq })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.id, messageId)));
  return row?.seq;
}

/**
 * Each message's arrival order and account, as a subquery another module joins to its own rows (a
 * reminder and the message that carried it) in one statement: PostgreSQL folds it into the join.
 */
export function messageOrderAndAccount(db: DbOrTx) {
  return db
    .select({
      id: messages.id,
      orgId: messages.orgId,
      seq: messages.seq,
      channelAccountId: messages.channelAccountId,
    })
    .from(messages)
    .as('carrying_message');
}
