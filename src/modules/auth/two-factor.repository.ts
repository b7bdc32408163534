import { and, count, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { clearTotpSecret } from '../users/totp-secret.service.ts';
import { sessions } from './session.schema.ts';
import { type SignInChallenge, signInChallenges, twoFactorRecoveryCodes } from './two-factor.schema.ts';

/** Turns two-factor sign-in off for a person: secret, codes and pending sign-in steps all go. */
export async function clearTwoFactor(db: DbOrTx, userId: string): Promise<void> {
  await clearTotpSecret(db, userId);
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await db.delete(signInChallenges).where(eq(signInChallenges.userId, userId));
}

export async function replaceRecoveryCodes(
  db: DbOrTx,
  userId: string,
  codeHashes: readonly string[],
): Promise<void> {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await db.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Uses up a recovery code: true once, false ever after (and for a code that never was). */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .delete(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, codeHash)))
    .returning({ id: twoFactorRecoveryCodes.id });
  return rows.length > 0;
}

export async function countRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(twoFactorRecoveryCodes)
    .where(eq(twoFactorRecoveryCodes.userId, userId));
  return row?.n ?? 0;
}

export async function insertChallenge(
  db: DbOrTx,
  values: {
    userId: string;
    tokenHash: string;
    throttleKey: string;
    deviceId: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  const { now, ...rest } = values;
  // Housekeeping: this person's steps that expired are of no use to anyone.
  await db
    .delete(signInChallenges)
    .where(and(eq(signInChallenges.userId, values.userId), lte(signInChallenges.expiresAt, now)));
  await db.insert(signInChallenges).values({ ...rest, createdAt: now });
}

export async function findLiveChallenge(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<SignInChallenge | undefined> {
  const [row] = await db
    .select()
    .from(signInChallenges)
    .where(and(eq(signInChallenges.tokenHash, tokenHash), gt(signInChallenges.expiresAt, now)));
  return row;
}

/** Ends a sign-in step once it opened a session; false when another request did it first. */
export async function deleteChallenge(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .delete(signInChallenges)
    .where(eq(signInChallenges.id, id))
    .returning({ id: signInChallenges.id });
  return rows.length > 0;
}

/** After enrolment the session that did it may do everything; other restricted ones of that person end. */
export async function liftEnrolmentRestriction(db: DbOrTx, userId: string, sessionId: string): Promise<void> {
  await db.update(sessions).set({ twoFactorEnrolmentOnly: false }).where(eq(sessions.id, sessionId));
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.twoFactorEnrolmentOnly, true)));
}
