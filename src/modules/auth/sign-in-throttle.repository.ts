import { and, eq, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type SignInThrottle, signInThrottles } from './sign-in-throttle.schema.ts';
import { afterFailure, SIGN_IN_THROTTLE, type ThrottleState } from './sign-in-throttle.ts';

export async function findThrottle(db: DbOrTx, keyHash: string): Promise<SignInThrottle | undefined> {
  const [row] = await db.select().from(signInThrottles).where(eq(signInThrottles.keyHash, keyHash));
  return row;
}

/**
 * Counts a wrong password against a source, under a row lock: concurrent guesses are counted one
 * after another and none outruns the pause. Answers the state after it. Sources forgotten for a day
 * are deleted on the way.
 */
export async function recordFailedSignIn(db: DbOrTx, keyHash: string, now: Date): Promise<ThrottleState> {
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottles)
      .values({ keyHash, failures: 0, pauses: 0, pausedUntil: null, updatedAt: now })
      .onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.keyHash, keyHash))
      .for('update');
    const next = afterFailure(row, now);
    await tx.update(signInThrottles).set(next).where(eq(signInThrottles.keyHash, keyHash));
    const forgottenBefore = new Date(now.getTime() - SIGN_IN_THROTTLE.forgetAfterMs);
    await tx
      .delete(signInThrottles)
      .where(and(lt(signInThrottles.updatedAt, forgottenBefore), ne(signInThrottles.keyHash, keyHash)));
    return next;
  });
}

/**
 * Clears a source's failures after the right password, unless wrong guesses made at the same time
 * paused it meanwhile: then the pause stands and its end is returned (the right password among a
 * burst of guesses is not revealed). Null = cleared.
 */
export async function clearFailedSignIns(db: DbOrTx, keyHash: string, now: Date): Promise<Date | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.keyHash, keyHash))
      .for('update');
    if (row?.pausedUntil && row.pausedUntil > now) return row.pausedUntil;
    if (row) await tx.delete(signInThrottles).where(eq(signInThrottles.keyHash, keyHash));
    return null;
  });
}
