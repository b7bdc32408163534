import { createHash } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Org } from '../orgs/org.schema.ts';
import type { PublicUser } from '../users/user.service.ts';
import { markSignedIn } from '../users/user-account.service.ts';
import {
  DEFAULT_SESSION_POLICY,
  type OpenedSession,
  openSession,
  type SessionPolicy,
} from './session.service.ts';
import type { SessionOrigin } from './session-origin.ts';
import { hashSessionToken, isWellFormedToken, newSecretToken } from './session-token.ts';
import { findAccountByEmail, type SignInAccount } from './sign-in.repository.ts';
import {
  deleteDevicesUnusedSince,
  findDeviceOfAccount,
  insertDevice,
  touchDevice,
} from './sign-in-device.repository.ts';
import { clearFailedSignIns, findThrottle, recordFailedSignIn } from './sign-in-throttle.repository.ts';
import { pausedUntil } from './sign-in-throttle.ts';
import { insertChallenge } from './two-factor.repository.ts';
import { policyCovers } from './two-factor-codes.ts';

/** How long the step between the password and the code lasts. */
export const SIGN_IN_CHALLENGE_MS = 5 * 60_000;

/** A browser nobody signed in from for this long is a stranger again. */
export const DEVICE_FORGOTTEN_AFTER_MS = 180 * 24 * 60 * 60_000;

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

/** Sign-ins from this source are paused (too many wrong passwords); unknown e-mails get it too. */
export class AccountLockedError extends Error {
  readonly lockedUntil: Date;

  constructor(lockedUntil: Date) {
    super(`Too many failed sign-ins: sign-ins are paused until ${lockedUntil.toISOString()}`);
    this.lockedUntil = lockedUntil;
    this.name = 'AccountLockedError';
  }
}

/**
 * The password was right and the person signs in with a second factor: no session yet, only a
 * short-lived token that allows sending a code for them (two-factor-sign-in.service.ts).
 */
export class SecondFactorRequiredError extends Error {
  override name = 'SecondFactorRequiredError';
  readonly challengeToken: string;
  readonly expiresAt: Date;

  constructor(challengeToken: string, expiresAt: Date) {
    super('A code from the authenticator app is required');
    this.challengeToken = challengeToken;
    this.expiresAt = expiresAt;
  }
}

export interface SignedIn extends OpenedSession {
  user: PublicUser;
  org: Org;
  /** A token for the browser's careline_device cookie when it was not known for this account yet. */
  newDeviceToken?: string;
}

/**
 * Checks an e-mail and password and opens a session. Throws InvalidCredentialsError or
 * AccountLockedError, or SecondFactorRequiredError for a person with two-factor sign-in on. Someone
 * the clinic's policy asks a second factor of, who has none yet, gets a session that may only enrol.
 *
 * Wrong passwords are counted per source: a browser that signed in to this account before (its
 * careline_device cookie) counts alone; every other attempt at the e-mail shares one count. Five in a
 * row pause that source for a minute, then two, four… up to fifteen. So a stranger guessing at a
 * colleague's e-mail pauses only strangers: she still signs in from the browsers she uses. Unknown
 * e-mails are counted exactly like real ones, and a paused source is refused before anything is
 * looked up or verified, so neither the answer nor its timing tells whether an account exists.
 */
export async function signIn(
  db: DbOrTx,
  input: {
    email: string;
    password: string;
    now: Date;
    /** The tokens in the browser's careline_device cookie. */
    deviceTokens?: readonly string[];
    sessions?: SessionPolicy;
    /** What the person's list of sessions will show of this one. */
    origin?: SessionOrigin;
  },
): Promise<SignedIn> {
  const { password, now } = input;
  const email = input.email.trim().toLowerCase();
  const device = await findDeviceOfAccount(db, deviceTokenHashes(input.deviceTokens ?? []), email);
  const source = throttleKey(device ? `device:${device.id}` : `e-mail:${email}`);

  const paused = pausedUntil(await findThrottle(db, source), now);
  if (paused) throw new AccountLockedError(paused);

  const account = await findAccountByEmail(db, email);
  const valid = await verify(account?.user.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!account || !valid) {
    const after = await recordFailedSignIn(db, source, now);
    const pause = pausedUntil(after, now);
    throw pause ? new AccountLockedError(pause) : new InvalidCredentialsError();
  }
  if (account.user.totpEnabledAt) {
    // The password alone does not clear the count: wrong codes after it add to the same one.
    const challengeToken = newSecretToken();
    const expiresAt = new Date(now.getTime() + SIGN_IN_CHALLENGE_MS);
    await insertChallenge(db, {
      userId: account.user.id,
      tokenHash: hashSessionToken(challengeToken),
      throttleKey: source,
      deviceId: device?.id ?? null,
      now,
      expiresAt,
    });
    throw new SecondFactorRequiredError(challengeToken, expiresAt);
  }
  const pausedMeanwhile = await clearFailedSignIns(db, source, now);
  if (pausedMeanwhile) throw new AccountLockedError(pausedMeanwhile);
  return finishSignIn(db, account, {
    knownDeviceId: device?.id,
    now,
    sessions: input.sessions,
    origin: input.origin,
    enrolmentOnly: policyCovers(account.org.twoFactor, account.user.role),
  });
}

/** Opens the session once every factor was checked (the password, and the code when there is one). */
export async function finishSignIn(
  db: DbOrTx,
  account: SignInAccount,
  options: {
    knownDeviceId: string | null | undefined;
    now: Date;
    sessions?: SessionPolicy | undefined;
    origin?: SessionOrigin | undefined;
    enrolmentOnly: boolean;
  },
): Promise<SignedIn> {
  const { now } = options;
  const { user, org } = account;
  await markSignedIn(db, user.id, now);
  const newDeviceToken = await rememberDevice(db, user, options.knownDeviceId ?? undefined, now);
  const opened = await openSession(
    db,
    user,
    now,
    options.sessions ?? DEFAULT_SESSION_POLICY,
    options.origin,
    options.enrolmentOnly,
  );
  const { passwordHash: _omitted, totpSecret: _sealed, ...publicUser } = user;
  return {
    ...opened,
    user: { ...publicUser, failedLogins: 0, lockedUntil: null, lastSeenAt: now },
    org,
    ...(newDeviceToken ? { newDeviceToken } : {}),
  };
}

/** The hashes of a cookie's well-formed device tokens (at most a few are kept, see session-cookie.ts). */
export function deviceTokenHashes(tokens: readonly string[]): string[] {
  return tokens.filter(isWellFormedToken).map(hashSessionToken);
}

async function rememberDevice(
  db: DbOrTx,
  user: { id: string; orgId: string },
  knownDeviceId: string | undefined,
  now: Date,
): Promise<string | undefined> {
  const token = knownDeviceId ? undefined : newSecretToken();
  if (knownDeviceId) await touchDevice(db, knownDeviceId, now);
  else if (token) {
    await insertDevice(db, { orgId: user.orgId, userId: user.id, tokenHash: hashSessionToken(token), now });
  }
  await deleteDevicesUnusedSince(db, user.id, new Date(now.getTime() - DEVICE_FORGOTTEN_AFTER_MS));
  return token;
}

/** Sources are stored by hash: the table does not collect the e-mail addresses people mistype. */
export function throttleKey(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}
