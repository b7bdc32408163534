import { and, desc, eq, gt, lte, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { User } from '../users/user.schema.ts';
import { holdersOfSessions } from '../users/user-account.service.ts';
import { type Session, sessions } from './session.schema.ts';
import type { SessionOrigin } from './session-origin.ts';

export async function insertSession(
  db: DbOrTx,
  values: {
    orgId: string;
    userId: string;
    tokenHash: string;
    now: Date;
    expiresAt: Date;
    twoFactorEnrolmentOnly: boolean;
  } & SessionOrigin,
): Promise<Session> {
  const { now, ...rest } = values;
  const [session] = await db
    .insert(sessions)
    .values({ ...rest, createdAt: now, lastUsedAt: now })
    .returning();
  if (!session) throw new Error('insert into sessions returned nothing');
  return session;
}

/** The unexpired session a token hash names, with the fields of its user that authorisation needs. */
export async function findLiveSession(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<{ session: Session; user: Pick<User, 'role' | 'lastSeenAt'> } | undefined> {
  const holder = holdersOfSessions(db);
  const [row] = await db
    .select({ session: sessions, user: { role: holder.role, lastSeenAt: holder.lastSeenAt } })
    .from(sessions)
    .innerJoin(holder, eq(holder.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function renewSession(db: DbOrTx, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastUsedAt: now, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSessionByTokenHash(db: DbOrTx, tokenHash: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Housekeeping at sign-in: a user's dead sessions are of no use to anyone. */
export async function deleteExpiredSessionsOf(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now)));
}

/**
 * Ends every signed-in browser of a person at once (deactivation, a new password set by an
 * administrator): their next request is refused with 401.
 */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return ended.length;
}

/** A person's sessions still alive at `now` and opened after `openedAfter` (the absolute lifetime), newest use first. */
export async function findLiveSessionsOfUser(
  db: DbOrTx,
  userId: string,
  now: Date,
  openedAfter: Date,
): Promise<Session[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.createdAt, openedAfter)))
    .orderBy(desc(sessions.lastUsedAt), desc(sessions.createdAt));
}

/** Ends one of a person's sessions; false when no session of theirs has that id. */
export async function deleteSessionOfUser(db: DbOrTx, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of a person but one (the browser asking). */
export async function deleteSessionsOfUserExcept(
  db: DbOrTx,
  userId: string,
  keptSessionId: string,
): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keptSessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}
