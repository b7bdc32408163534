import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type IdempotencyKeyRow, idempotencyKeys } from './idempotency-key.schema.ts';

export interface KeyScope {
  orgId: string;
  principal: string;
  key: string;
}

/** A stored key's retention: the IETF draft asks for at least a day. */
export const KEY_RETENTION_HOURS = 24;

const expired = sql`${idempotencyKeys.createdAt} < now() - (${KEY_RETENTION_HOURS} * interval '1 hour')`;

/**
 * Takes the key for a first run, in one statement: a new key, one kept past its retention, or the same
 * request whose run died before it answered (its claim lapsed). Answers the row when taken, else nothing.
 */
export async function claimKey(
  db: DbOrTx,
  scope: KeyScope,
  fingerprint: string,
  claim: string,
  leaseMs: number,
): Promise<IdempotencyKeyRow | undefined> {
  const lockedUntil = sql`now() + (${leaseMs} * interval '1 millisecond')`;
  const [row] = await db
    .insert(idempotencyKeys)
    .values({ ...scope, fingerprint, claim, lockedUntil })
    .onConflictDoUpdate({
      target: [idempotencyKeys.orgId, idempotencyKeys.principal, idempotencyKeys.key],
      set: {
        fingerprint,
        claim,
        lockedUntil,
        responseStatus: null,
        responseType: null,
        responseBody: null,
        responseSealed: null,
        createdAt: sql`now()`,
      },
      setWhere: or(
        expired,
        and(
          isNull(idempotencyKeys.responseStatus),
          lt(idempotencyKeys.lockedUntil, sql`now()`),
          eq(idempotencyKeys.fingerprint, fingerprint),
        ),
      ),
    })
    .returning();
  return row;
}

export async function findKey(db: DbOrTx, scope: KeyScope): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, scope.orgId),
        eq(idempotencyKeys.principal, scope.principal),
        eq(idempotencyKeys.key, scope.key),
      ),
    );
  return row;
}

/** Stores the first answer, only while this run still holds the key; true when stored. */
export async function storeAnswer(
  db: DbOrTx,
  id: string,
  claim: string,
  answer: { status: number; contentType: string; sealedBody: string },
): Promise<boolean> {
  const stored = await db
    .update(idempotencyKeys)
    .set({
      responseStatus: answer.status,
      responseType: answer.contentType,
      responseBody: null,
      responseSealed: answer.sealedBody,
    })
    .where(
      and(
        eq(idempotencyKeys.id, id),
        eq(idempotencyKeys.claim, claim),
        isNull(idempotencyKeys.responseStatus),
      ),
    )
    .returning({ id: idempotencyKeys.id });
  return stored.length > 0;
}

/** Frees a key whose run did nothing (a refused request): the client may use it again at once. */
export async function releaseKey(db: DbOrTx, id: string, claim: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.id, id),
        eq(idempotencyKeys.claim, claim),
        isNull(idempotencyKeys.responseStatus),
      ),
    );
}

/** Deletes up to `limit` keys past their retention: each keyed request clears a few, so the table stays a day long. */
export async function purgeExpiredKeys(db: DbOrTx, limit: number): Promise<void> {
  const stale = db.select({ id: idempotencyKeys.id }).from(idempotencyKeys).where(expired).limit(limit);
  await db.delete(idempotencyKeys).where(inArray(idempotencyKeys.id, stale));
}
