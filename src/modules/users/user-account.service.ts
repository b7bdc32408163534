import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type User, users } from './user.schema.ts';

/**
 * The account an e-mail names, whatever its case (the unique index is on lower(email)). A deactivated
 * member has none: they cannot sign in, and a session they still hold stops working.
 */
export async function findActiveUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deactivatedAt)));
  return user;
}

export async function findActiveUserById(db: DbOrTx, userId: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
  return user;
}

/**
 * The active accounts of an e-mail already lower-cased, as a subquery, for the sign-in to match its
 * own rows (a browser's device) against them in one statement.
 */
export function activeAccountsOfEmail(db: DbOrTx, lowerCaseEmail: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${lowerCaseEmail}`, isNull(users.deactivatedAt)))
    .as('active_account');
}

/**
 * Every person's role and presence as a subquery: a session is read with its holder's on every
 * request, in one statement (PostgreSQL folds the subquery into the join).
 */
export function holdersOfSessions(db: DbOrTx) {
  return db
    .select({ id: users.id, role: users.role, lastSeenAt: users.lastSeenAt })
    .from(users)
    .as('session_holder');
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
