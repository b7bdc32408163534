import { and, count, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type User, users } from '../users/user.schema.ts';
import { sessions } from './session.schema.ts';
import { type SignInChallenge, signInChallenges, twoFactorRecoveryCodes } from './two-factor.schema.ts';

export type TwoFactorFields = Pick<
  User,
  'id' | 'orgId' | 'email' | 'role' | 'totpSecret' | 'totpEnabledAt' | 'totpLastStep'
>;

export async function findTwoFactorFields(db: DbOrTx, userId: string): Promise<TwoFactorFields | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      orgId: users.orgId,
      email: users.email,
      role: users.role,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  return row;
}

/** A new secret waiting for its first code; enrolment that was started and left is simply replaced. */
export async function storePendingSecret(db: DbOrTx, userId: string, sealedSecret: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpSecret: sealedSecret, totpEnabledAt: null, totpLastStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/**
 * Records that a code of `step` was used, only if no code of that step or a later one was: of two
 * requests carrying the same code, one wins. False = replayed.
 */
export async function claimTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function markTwoFactorEnabled(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ totpEnabledAt: now }).where(eq(users.id, userId));
}

/** Turns two-factor sign-in off for a person: secret, codes and pending sign-in steps all go. */
export async function clearTwoFactor(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
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
