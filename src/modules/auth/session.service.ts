import type { DbOrTx } from '../../platform/db/db.ts';
import type { Org } from '../orgs/org.schema.ts';
import type { ApiCaller } from '../users/caller.ts';
import type { PublicUser } from '../users/user.service.ts';
import { touchUserLastSeen } from '../users/user-account.service.ts';
import {
  deleteExpiredSessionsOf,
  deleteSessionByTokenHash,
  findLiveSession,
  insertSession,
  renewSession,
} from './session.repository.ts';
import type { Session } from './session.schema.ts';
import type { SessionOrigin } from './session-origin.ts';
import { csrfTokenOf, hashSessionToken, isWellFormedToken, newSecretToken } from './session-token.ts';
import { findAccountById } from './sign-in.repository.ts';

// What other modules may read or change here: they call this service, never the repository.
export { deleteSessionsOfUser } from './session.repository.ts';

/**
 * How long a browser session lives: `idleMs` after its last use (sliding), and never more than
 * `maxAgeMs` after sign-in however busy it is, so a session taken from a shared computer ends the
 * same day.
 */
export interface SessionPolicy {
  idleMs: number;
  maxAgeMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 4 * 60 * 60_000, maxAgeMs: 12 * 60 * 60_000 };

/** Sessions and presence are written at most this often, not on every request. */
export const TOUCH_THROTTLE_MS = 60 * 1000;

export interface OpenedSession {
  session: Session;
  /** The cookie's value; only its SHA-256 is stored. */
  token: string;
  /** What the page sends back in X-CSRF-Token (derived from the token, stored nowhere). */
  csrfToken: string;
}

/** A session's caller, with what the transport needs: the CSRF token, and whether the expiry moved. */
export interface SessionCaller extends ApiCaller {
  userId: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  /** True when this call pushed the expiry forward: time to refresh the cookie's Max-Age too. */
  renewed: boolean;
  /** The session may only set up two-factor sign-in (the clinic requires it; not done yet). */
  twoFactorEnrolmentOnly: boolean;
}

const UNKNOWN_ORIGIN: SessionOrigin = { browser: null, os: null, ipPrefix: null };

/** Opens a session for a user whose password was just checked; `origin` is what their list shows of it. */
export async function openSession(
  db: DbOrTx,
  user: { id: string; orgId: string },
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  origin: SessionOrigin = UNKNOWN_ORIGIN,
  /** The clinic requires a second factor this person has not set up: the session may only enrol. */
  enrolmentOnly = false,
): Promise<OpenedSession> {
  await deleteExpiredSessionsOf(db, user.id, now);
  const token = newSecretToken();
  const session = await insertSession(db, {
    orgId: user.orgId,
    userId: user.id,
    tokenHash: hashSessionToken(token),
    now,
    expiresAt: new Date(now.getTime() + Math.min(policy.idleMs, policy.maxAgeMs)),
    ...origin,
    twoFactorEnrolmentOnly: enrolmentOnly,
  });
  return { session, token, csrfToken: csrfTokenOf(token) };
}

/** Ends the session a cookie token names; false when there was none (already signed out or expired). */
export async function signOut(db: DbOrTx, token: string): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  return deleteSessionByTokenHash(db, hashSessionToken(token));
}

/**
 * The signed-in user a cookie token stands for, or null when the session is unknown, expired or
 * signed out. The expiry slides: each use (at most once a minute) gives the session another
 * `idleMs`, up to `maxAgeMs` after sign-in; and marks the user present.
 */
export async function authenticateSession(
  db: DbOrTx,
  token: string,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SessionCaller | null> {
  if (!isWellFormedToken(token)) return null;
  const live = await findLiveSession(db, hashSessionToken(token), now);
  if (!live) return null;
  const { session, user } = live;
  // Checked here too: a session opened before the operator shortened the lifetime ends on time.
  const endOfLife = session.createdAt.getTime() + policy.maxAgeMs;
  if (now.getTime() >= endOfLife) return null;

  const renewed = now.getTime() - session.lastUsedAt.getTime() >= TOUCH_THROTTLE_MS;
  const expiresAt = renewed
    ? new Date(Math.min(now.getTime() + policy.idleMs, endOfLife))
    : session.expiresAt;
  if (renewed) await renewSession(db, session.id, now, expiresAt);
  if (!user.lastSeenAt || now.getTime() - user.lastSeenAt.getTime() >= TOUCH_THROTTLE_MS) {
    await touchUserLastSeen(db, session.userId, now, TOUCH_THROTTLE_MS);
  }
  return {
    orgId: session.orgId,
    apiKeyId: null,
    userId: session.userId,
    role: user.role,
    sessionId: session.id,
    csrfToken: csrfTokenOf(token),
    expiresAt,
    renewed,
    twoFactorEnrolmentOnly: session.twoFactorEnrolmentOnly,
  };
}

/** The signed-in user and their clinic, as the web app shows them. */
export async function signedInAccount(
  db: DbOrTx,
  userId: string,
): Promise<{ user: PublicUser; org: Org } | undefined> {
  const account = await findAccountById(db, userId);
  if (!account) return undefined;
  const { passwordHash: _omitted, totpSecret: _sealed, ...user } = account.user;
  return { user, org: account.org };
}
