import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { SessionPolicy } from './session.service.ts';
import type { SessionOrigin } from './session-origin.ts';
import { hashSessionToken, isWellFormedToken } from './session-token.ts';
import { findAccountById } from './sign-in.repository.ts';
import { AccountLockedError, finishSignIn, type SignedIn } from './sign-in.service.ts';
import { clearFailedSignIns, findThrottle, recordFailedSignIn } from './sign-in-throttle.repository.ts';
import { pausedUntil } from './sign-in-throttle.ts';
import { consumeRecoveryCode, deleteChallenge, findLiveChallenge } from './two-factor.repository.ts';
import { acceptTotpCode } from './two-factor.service.ts';
import { hashRecoveryCode } from './two-factor-codes.ts';

/** The challenge token is unknown, expired or already used: the person starts again with the password. */
export class ChallengeExpiredError extends Error {
  override name = 'ChallengeExpiredError';
  constructor() {
    super('This sign-in step has expired or was already used: sign in again with your password');
  }
}

/** A wrong or already-used code (TOTP or recovery). */
export class WrongSecondFactorError extends Error {
  override name = 'WrongSecondFactorError';
  constructor() {
    super('Wrong code, or a code used already');
  }
}

export type SecondFactor = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string };

/**
 * The second step of signing in: the challenge the password gave, and a code from the authenticator
 * app (one step either side of now, never twice) or a recovery code (used up). Wrong codes count
 * against the same source as the password did, and a paused source is refused before any check.
 * Throws ChallengeExpiredError, WrongSecondFactorError or AccountLockedError.
 */
export async function completeSignIn(
  db: DbOrTx,
  cipher: FieldCipher,
  input: {
    challengeToken: string;
    factor: SecondFactor;
    now: Date;
    sessions?: SessionPolicy | undefined;
    origin?: SessionOrigin | undefined;
  },
): Promise<SignedIn & { recoveryCodeUsed: boolean }> {
  const { now, factor } = input;
  if (!isWellFormedToken(input.challengeToken)) throw new ChallengeExpiredError();
  const challenge = await findLiveChallenge(db, hashSessionToken(input.challengeToken), now);
  if (!challenge) throw new ChallengeExpiredError();
  const paused = pausedUntil(await findThrottle(db, challenge.throttleKey), now);
  if (paused) throw new AccountLockedError(paused);
  const account = await findAccountById(db, challenge.userId);
  if (!account?.user.totpEnabledAt) throw new ChallengeExpiredError();

  const right =
    factor.kind === 'totp'
      ? await acceptTotpCode(db, cipher, account.user, factor.code, now)
      : await consumeRecoveryCode(db, account.user.id, hashRecoveryCode(account.user.id, factor.code));
  if (!right) {
    const pause = pausedUntil(await recordFailedSignIn(db, challenge.throttleKey, now), now);
    throw pause ? new AccountLockedError(pause) : new WrongSecondFactorError();
  }
  const pausedMeanwhile = await clearFailedSignIns(db, challenge.throttleKey, now);
  if (pausedMeanwhile) throw new AccountLockedError(pausedMeanwhile);
  // Single use: of two requests racing with the same challenge, one opens a session.
  if (!(await deleteChallenge(db, challenge.id))) throw new ChallengeExpiredError();
  const signedIn = await finishSignIn(db, account, {
    knownDeviceId: challenge.deviceId,
    now,
    sessions: input.sessions,
    origin: input.origin,
    enrolmentOnly: false,
  });
  return { ...signedIn, recoveryCodeUsed: factor.kind === 'recovery' };
}
