import { verify } from '@node-rs/argon2';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Org } from '../orgs/org.schema.ts';
import type { PublicUser } from '../users/user.service.ts';
import type { ApiCaller } from './api-key.service.ts';
import {
  deleteExpiredSessionsOf,
  deleteSessionByTokenHash,
  findLiveSession,
  insertSession,
  renewSession,
} from './session.repository.ts';
import type { Session } from './session.schema.ts';
import { hashSessionToken, isWellFormedToken, newSecretToken } from './session-token.ts';
import {
  findAccountByEmail,
  findAccountById,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  touchUserLastSeen,
} from './sign-in.repository.ts';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Sessions and presence are written at most this often, not on every request. */
export const TOUCH_THROTTLE_MS = 60 * 1000;

/**
 * An argon2id hash (same parameters as createUser's) of a password nobody has: checked when the
 * e-mail is unknown so that the answer takes as long as for a wrong password.
 */
const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$I38mVwGiA5VwXtvVOmLsng$5tpT2p3ricCCLjDvmA1ksbCz7aGQ4AQj2/D9NdCr4X4';

/** Unknown e-mail and wrong password are one error: the answer must not tell which accounts exist. */
export class InvalidCredentialsError extends Error {
  constructor() {
    super('Wrong e-mail or password');
    this.name = 'InvalidCredentialsError';
  }
}

export class AccountLockedError extends Error {
  readonly lockedUntil: Date;

  constructor(lockedUntil: Date) {
    super(`Too many failed sign-ins: the account is locked until ${lockedUntil.toISOString()}`);
    this.lockedUntil = lockedUntil;
    this.name = 'AccountLockedError';
  }
}

export interface SignedIn {
  user: PublicUser;
  org: Org;
  session: Session;
  /** The cookie's value; only its SHA-256 is stored. */
  token: string;
}

/** A session's caller, with what the transport needs: the CSRF token, and whether the expiry moved. */
export interface SessionCaller extends ApiCaller {
  userId: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  /** True when this call pushed the expiry forward: time to refresh the cookie's Max-Age too. */
  renewed: boolean;
}

/**
 * Checks an e-mail and password and opens a session. Throws InvalidCredentialsError or
 * AccountLockedError. A locked account is refused without looking at the password, so guesses made
 * during the lock teach nothing.
 */
export async function signIn(
  db: DbOrTx,
  input: { email: string; password: string; now: Date },
): Promise<SignedIn> {
  const { password, now } = input;
  const account = await findAccountByEmail(db, input.email.trim());
  if (!account) {
    await verify(DUMMY_PASSWORD_HASH, password);
    throw new InvalidCredentialsError();
  }
  const { user, org } = account;
  if (user.lockedUntil && user.lockedUntil > now) throw new AccountLockedError(user.lockedUntil);

  if (!(await verify(user.passwordHash, password))) {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
    const counted = await recordFailedSignIn(db, user.id, {
      now,
      maxFailures: MAX_FAILED_SIGN_INS,
      lockUntil,
    });
    if (!counted) throw new AccountLockedError(await lockOf(db, user.id, lockUntil));
    if (counted.lockedUntil && counted.lockedUntil > now) throw new AccountLockedError(counted.lockedUntil);
    throw new InvalidCredentialsError();
  }
  if (!(await recordSuccessfulSignIn(db, user.id, now))) {
    throw new AccountLockedError(await lockOf(db, user.id, new Date(now.getTime() + LOCKOUT_MS)));
  }

  await deleteExpiredSessionsOf(db, user.id, now);
  const token = newSecretToken();
  const session = await insertSession(db, {
    orgId: user.orgId,
    userId: user.id,
    tokenHash: hashSessionToken(token),
    csrfToken: newSecretToken(),
    now,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  });
  const { passwordHash: _omitted, ...publicUser } = user;
  return {
    user: { ...publicUser, failedLogins: 0, lockedUntil: null, lastSeenAt: now },
    org,
    session,
    token,
  };
}

/** Ends the session a cookie token names; false when there was none (already signed out or expired). */
export async function signOut(db: DbOrTx, token: string): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  return deleteSessionByTokenHash(db, hashSessionToken(token));
}

/**
 * The signed-in user a cookie token stands for, or null when the session is unknown, expired or
 * signed out. The expiry slides: each use (at most once a minute) gives the session another 12 hours,
 * and marks the user present.
 */
export async function authenticateSession(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<SessionCaller | null> {
  if (!isWellFormedToken(token)) return null;
  const live = await findLiveSession(db, hashSessionToken(token), now);
  if (!live) return null;
  const { session, user } = live;

  const renewed = now.getTime() - session.lastUsedAt.getTime() >= TOUCH_THROTTLE_MS;
  const expiresAt = renewed ? new Date(now.getTime() + SESSION_LIFETIME_MS) : session.expiresAt;
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
    csrfToken: session.csrfToken,
    expiresAt,
    renewed,
  };
}

/** The signed-in user and their clinic, as the web app shows them. */
export async function signedInAccount(
  db: DbOrTx,
  userId: string,
): Promise<{ user: PublicUser; org: Org } | undefined> {
  const account = await findAccountById(db, userId);
  if (!account) return undefined;
  const { passwordHash: _omitted, ...user } = account.user;
  return { user, org: account.org };
}

/** When a concurrent attempt locked the account, its lock time (or ours, should it have vanished since). */
async function lockOf(db: DbOrTx, userId: string, fallback: Date): Promise<Date> {
  return (await findAccountById(db, userId))?.user.lockedUntil ?? fallback;
}
