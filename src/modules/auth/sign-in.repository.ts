import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type Org, orgs } from '../orgs/org.schema.ts';
import { type User, users } from '../users/user.schema.ts';

export interface SignInAccount {
  user: User;
  org: Org;
}

/**
 * The account an e-mail names, whatever its case (the unique index is on lower(email)). A deactivated
 * member has none: they cannot sign in, and a session they still hold stops working.
 */
export async function findAccountByEmail(db: DbOrTx, email: string): Promise<SignInAccount | undefined> {
  const [row] = await db
    .select({ user: users, org: orgs })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deactivatedAt)));
  return row;
}

export async function findAccountById(db: DbOrTx, userId: string): Promise<SignInAccount | undefined> {
  const [row] = await db
    .select({ user: users, org: orgs })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  return row;
}

/**
 * Marks a successful sign-in: the user is present, and the per-account counters of the lockout this
 * replaced (sign_in_throttles now) are cleared.
 */
export async function markSignedIn(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastSeenAt: now })
    .where(eq(users.id, userId));
}

/** Marks the user present ("online" for assignment), at most once per `throttleMs`. */
export async function touchUserLastSeen(
  db: DbOrTx,
  userId: string,
  now: Date,
  throttleMs: number,
): Promise<void> {
  await db
    .update(users)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(users.id, userId),
        or(isNull(users.lastSeenAt), lte(users.lastSeenAt, new Date(now.getTime() - throttleMs))),
      ),
    );
}
