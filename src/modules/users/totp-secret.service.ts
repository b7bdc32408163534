import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type User, users } from './user.schema.ts';

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

/** Forgets a person's TOTP secret and the last step used: two-factor sign-in is off for them. */
export async function clearTotpSecret(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
}
