import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { TwoFactorPolicy } from '../orgs/org.schema.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import {
  claimTotpStep,
  findTwoFactorFields,
  markTwoFactorEnabled,
  storePendingSecret,
  type TwoFactorFields,
} from '../users/totp-secret.service.ts';
import { deleteSessionsOfUser } from './session.repository.ts';
import { throttleKey } from './sign-in.service.ts';
import { clearFailedSignIns, findThrottle, recordFailedSignIn } from './sign-in-throttle.repository.ts';
import { pausedUntil } from './sign-in-throttle.ts';
import {
  clearTwoFactor,
  countRecoveryCodes,
  liftEnrolmentRestriction,
  replaceRecoveryCodes,
} from './two-factor.repository.ts';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  policyCovers,
  totpStepOf,
  totpUri,
} from './two-factor-codes.ts';
import { openTotpSecret, sealTotpSecret } from './two-factor-secret.ts';

/** Something the person's two-factor state does not allow now (enrol twice, confirm nothing…). */
export class TwoFactorStateError extends Error {
  override name = 'TwoFactorStateError';
}

/** The clinic requires two-factor sign-in of this person: it cannot be turned off. */
export class RequiredByClinicError extends Error {
  override name = 'RequiredByClinicError';
  constructor() {
    super('Your clinic requires two-factor sign-in of you: it cannot be turned off');
  }
}

/** A code that is wrong, or was used already. */
export class WrongCodeError extends Error {
  override name = 'WrongCodeError';
  constructor() {
    super('The code is wrong or was used already: type the one your authenticator app shows now');
  }
}

/** Too many wrong codes from a signed-in session: paused like sign-ins are (sign-in-throttle.ts). */
export class CodesPausedError extends Error {
  override name = 'CodesPausedError';
  readonly until: Date;
  constructor(until: Date) {
    super(`Too many wrong codes: try again after ${until.toISOString().slice(11, 16)} UTC`);
    this.until = until;
  }
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** The clinic's policy asks this person for a second factor (so they may not turn it off). */
  required: boolean;
  clinicPolicy: TwoFactorPolicy;
}

export async function twoFactorStatus(db: DbOrTx, userId: string): Promise<TwoFactorStatus> {
  const person = await requirePerson(db, userId);
  const policy = await clinicPolicy(db, person.orgId);
  return {
    enabled: person.totpEnabledAt !== null,
    enabledAt: person.totpEnabledAt,
    recoveryCodesLeft: person.totpEnabledAt ? await countRecoveryCodes(db, userId) : 0,
    required: policyCovers(policy, person.role),
    clinicPolicy: policy,
  };
}

/** Step one of enrolment: a new secret, kept sealed until a code from the app confirms it. */
export async function startEnrolment(
  db: DbOrTx,
  cipher: FieldCipher,
  userId: string,
): Promise<{ secret: string; uri: string }> {
  const person = await requirePerson(db, userId);
  if (person.totpEnabledAt) {
    throw new TwoFactorStateError('Two-factor sign-in is already on: turn it off first to use another phone');
  }
  const secret = newTotpSecret();
  if (!(await storePendingSecret(db, userId, sealTotpSecret(cipher, userId, secret)))) {
    throw new TwoFactorStateError('Two-factor sign-in is already on: turn it off first to use another phone');
  }
  return { secret, uri: totpUri(secret, person.email) };
}

/**
 * Step two: a right code turns two-factor sign-in on and gives the ten recovery codes (shown once).
 * The session that did it is no longer restricted to enrolment.
 */
export async function confirmEnrolment(
  db: DbOrTx,
  cipher: FieldCipher,
  input: { userId: string; sessionId: string | undefined; code: string; now: Date },
): Promise<string[]> {
  const person = await requirePerson(db, input.userId);
  if (person.totpEnabledAt) throw new TwoFactorStateError('Two-factor sign-in is already on');
  if (!person.totpSecret)
    throw new TwoFactorStateError('Start the enrolment first: there is no secret to confirm');
  await checkCodeOfSignedIn(db, cipher, person, input.code, input.now);
  await markTwoFactorEnabled(db, person.id, input.now);
  const codes = await issueRecoveryCodes(db, person.id);
  if (input.sessionId) await liftEnrolmentRestriction(db, person.id, input.sessionId);
  return codes;
}

/** Turns two-factor sign-in off (a current code needed), unless the clinic requires it of this person. */
export async function disableTwoFactor(
  db: DbOrTx,
  cipher: FieldCipher,
  input: { userId: string; code: string; now: Date },
): Promise<void> {
  const person = await requireEnrolled(db, input.userId);
  if (policyCovers(await clinicPolicy(db, person.orgId), person.role)) {
    throw new RequiredByClinicError();
  }
  await checkCodeOfSignedIn(db, cipher, person, input.code, input.now);
  await clearTwoFactor(db, person.id);
}

/** Ten new recovery codes (a current code needed); the old ones stop working. */
export async function regenerateRecoveryCodes(
  db: DbOrTx,
  cipher: FieldCipher,
  input: { userId: string; code: string; now: Date },
): Promise<string[]> {
  const person = await requireEnrolled(db, input.userId);
  await checkCodeOfSignedIn(db, cipher, person, input.code, input.now);
  return issueRecoveryCodes(db, person.id);
}

/**
 * An administrator's reset for a lost phone: two-factor sign-in is off for that person and every
 * browser of theirs signed out. If the clinic requires it of them, they enrol again after the password.
 * False when the person is not of that clinic.
 */
export async function resetTwoFactorOf(db: DbOrTx, orgId: string, userId: string): Promise<boolean> {
  const person = await findTwoFactorFields(db, userId);
  if (!person || person.orgId !== orgId) return false;
  await clearTwoFactor(db, userId);
  await deleteSessionsOfUser(db, userId);
  return true;
}

/**
 * Whether a TOTP code is right for this person now and not used before (the step is then used up).
 * No throttling here: the callers count wrong codes against the right source.
 */
export async function acceptTotpCode(
  db: DbOrTx,
  cipher: FieldCipher,
  person: Pick<TwoFactorFields, 'id' | 'totpSecret'>,
  code: string,
  now: Date,
): Promise<boolean> {
  if (!person.totpSecret) return false;
  const step = totpStepOf(openTotpSecret(cipher, person.id, person.totpSecret), code, now);
  return step !== null && (await claimTotpStep(db, person.id, step));
}

async function issueRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(
    db,
    userId,
    codes.map((code) => hashRecoveryCode(userId, code)),
  );
  return codes;
}

/**
 * A signed-in person's code (to enrol, turn off, renew codes). Wrong ones count like wrong passwords,
 * per person: a session left open is no way to try a million codes.
 */
async function checkCodeOfSignedIn(
  db: DbOrTx,
  cipher: FieldCipher,
  person: TwoFactorFields,
  code: string,
  now: Date,
): Promise<void> {
  const source = throttleKey(`two-factor:${person.id}`);
  const paused = pausedUntil(await findThrottle(db, source), now);
  if (paused) throw new CodesPausedError(paused);
  if (await acceptTotpCode(db, cipher, person, code, now)) {
    await clearFailedSignIns(db, source, now);
    return;
  }
  const pause = pausedUntil(await recordFailedSignIn(db, source, now), now);
  throw pause ? new CodesPausedError(pause) : new WrongCodeError();
}

async function requirePerson(db: DbOrTx, userId: string): Promise<TwoFactorFields> {
  const person = await findTwoFactorFields(db, userId);
  if (!person) throw new TwoFactorStateError('This account no longer exists');
  return person;
}

async function requireEnrolled(db: DbOrTx, userId: string): Promise<TwoFactorFields> {
  const person = await requirePerson(db, userId);
  if (!person.totpEnabledAt) throw new TwoFactorStateError('Two-factor sign-in is not on');
  return person;
}

async function clinicPolicy(db: DbOrTx, orgId: string): Promise<TwoFactorPolicy> {
  return (await findOrgByRef(db, orgId))?.twoFactor ?? 'admins';
}
