import { and, asc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/db.ts';
import { webhookEvents } from './webhook-event.schema.ts';

const holdsBody = or(isNotNull(webhookEvents.sealedBody), isNotNull(webhookEvents.rawBody));

/**
 * Forgets the bodies of processed deliveries still holding one (processed before the body was
 * erased with the outcome, or by a version that kept them). Answers how many.
 */
export async function forgetProcessedBodies(db: DbOrTx): Promise<number> {
  const forgotten = await db
    .update(webhookEvents)
    .set({ sealedBody: null, rawBody: null })
    .where(and(isNotNull(webhookEvents.processedAt), holdsBody))
    .returning({ id: webhookEvents.id });
  return forgotten.length;
}

/**
 * Forgets the bodies of deliveries never processed whose last failure (or arrival, for one that never
 * got as far as failing) is before `before`. Answers their ids, for their alerts to be closed.
 */
export async function forgetUnprocessedBodiesBefore(db: DbOrTx, before: Date): Promise<number[]> {
  const forgotten = await db
    .update(webhookEvents)
    .set({ sealedBody: null, rawBody: null })
    .where(
      and(
        isNull(webhookEvents.processedAt),
        holdsBody,
        lt(sql`coalesce(${webhookEvents.failedAt}, ${webhookEvents.receivedAt})`, before),
      ),
    )
    .returning({ id: webhookEvents.id });
  return forgotten.map((row) => row.id);
}

/** Bodies journaled in plain text before migration 0018, oldest first: to be encrypted. */
export async function plainBodies(db: DbOrTx, limit: number) {
  return db
    .select({
      id: webhookEvents.id,
      channelAccountId: webhookEvents.channelAccountId,
      bodySha256: webhookEvents.bodySha256,
      rawBody: webhookEvents.rawBody,
    })
    .from(webhookEvents)
    .where(isNotNull(webhookEvents.rawBody))
    .orderBy(asc(webhookEvents.id))
    .limit(limit);
}

/**
 * Replaces a plain body by its encrypted envelope, unless it was forgotten meanwhile. Few rows ever
 * come here (the migration erased the processed ones), so one statement each is enough.
 */
export async function replacePlainBody(db: DbOrTx, id: number, sealedBody: string): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ sealedBody, rawBody: null })
    .where(and(eq(webhookEvents.id, id), isNotNull(webhookEvents.rawBody)));
}
