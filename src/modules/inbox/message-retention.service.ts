import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { messages } from './message.schema.ts';

/** A clinic's retention policy, on the messages: their text goes, the message stays, marked. */

/** The oldest messages whose text the policy has not erased yet, a batch at a time. */
export function messagesToErase(tx: DbOrTx, orgId: string, before: Date, limit: number) {
  return tx
    .select({
      id: messages.id,
      direction: messages.direction,
      content: messages.content,
      contentSealed: messages.contentSealed,
    })
    .from(messages)
    .where(
      and(eq(messages.orgId, orgId), lt(messages.occurredAt, before), isNull(messages.retentionErasedAt)),
    )
    .orderBy(asc(messages.occurredAt))
    .limit(limit);
}

/** Text and details (captions, places, names) go; answers how many messages were not erased before. */
export async function eraseMessageTexts(tx: DbOrTx, orgId: string, ids: string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const erased = await tx
    .update(messages)
    .set({ text: null, content: null, contentSealed: null, searchTerms: [], retentionErasedAt: at })
    .where(and(eq(messages.orgId, orgId), inArray(messages.id, ids), isNull(messages.retentionErasedAt)))
    .returning({ id: messages.id });
  return erased.length;
}
