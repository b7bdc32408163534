import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import { type Message, type MessageStatus, messages } from './message.schema.ts';

/** Returns the new row, or undefined when this provider id was already stored (a redelivery). */
export async function insertMessageIfNew(
  db: DbOrTx,
  values: typeof messages.$inferInsert,
): Promise<Message | undefined> {
  const [message] = await db.insert(messages).values(values).onConflictDoNothing().returning();
  return message;
}

export async function findMessage(db: DbOrTx, orgId: string, id: string): Promise<Message | undefined> {
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.id, id)));
  return message;
}

export async function listMessagesPage(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  filter: { after?: KeysetPosition; limit: number },
): Promise<Message[]> {
  const { after, limit } = filter;
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        after
          ? or(
              lt(messages.occurredAt, after.at),
              and(eq(messages.occurredAt, after.at), lt(messages.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(messages.occurredAt), desc(messages.id))
    .limit(limit + 1);
}

export interface StatusChange {
  status: MessageStatus;
  at: Date;
  errorCode?: number | null;
  errorTitle?: string | null;
  errorDetail?: string | null;
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
    })
    .where(and(target, inArray(messages.status, [...from])))
    .returning();
  return message;
}

export async function setMessageExternalId(
  db: DbOrTx,
  id: string,
  externalId: string,
): Promise<Message | undefined> {
  const [message] = await db
    .update(messages)
    .set({ externalId, status: 'accepted', statusAt: new Date() })
    .where(and(eq(messages.id, id), eq(messages.status, 'queued')))
    .returning();
  return message;
}

export async function latestMessages(db: DbOrTx, conversationIds: readonly string[]): Promise<Message[]> {
  if (conversationIds.length === 0) return [];
  return db
    .selectDistinctOn([messages.conversationId])
    .from(messages)
    .where(inArray(messages.conversationId, [...conversationIds]))
    .orderBy(messages.conversationId, desc(messages.occurredAt), desc(messages.id));
}
