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
 * Counts a wrong password; the one that reaches `maxFailures` locks the account until `lockUntil`
 * and starts the count again. Nothing changes on an account locked in the meantime by a concurrent
 * attempt: then the result is undefined and the caller answers "locked".
 */
export async function recordFailedSignIn(
  db: DbOrTx,
  userId: string,
  options: { now: Date; maxFailures: number; lockUntil: Date },
): Promise<{ failedLogins: number; lockedUntil: Date | null } | undefined> {
  const reachesLimit = sql`${users.failedLogins} + 1 >= ${options.maxFailures}`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${reachesLimit} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reachesLimit} then ${options.lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.id, userId), notLockedAt(options.now)))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return row;
}

/**
 * Clears the failure count, unless concurrent wrong guesses locked the account while this attempt's
 * password was being checked: a burst of guesses must not outrun the lock. False = locked.
 */
export async function recordSuccessfulSignIn(db: DbOrTx, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastSeenAt: now })
    .where(and(eq(users.id, userId), notLockedAt(now)))
    .returning({ id: users.id });
  return rows.length > 0;
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

function notLockedAt(now: Date) {
  return or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
}
