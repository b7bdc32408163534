import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { TwoFactorPolicy } from '../orgs/org.schema.ts';

/** RFC 6238 as every authenticator app reads it: SHA-1, six digits, 30-second steps. */
const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
export const ISSUER = 'Careline';
export const RECOVERY_CODE_COUNT = 10;

/** A new secret: 160 random bits (RFC 4226's recommended length), in base32 as apps accept it typed. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the enrolment QR code holds: issuer Careline, the person's e-mail as label. */
export function totpUri(secret: string, email: string): string {
  return new TOTP({
    issuer: ISSUER,
    label: email,
    secret: Secret.fromBase32(secret),
    ...TOTP_SETTINGS,
  }).toString();
}

/**
 * The time step a code is right for, within one step either side of `now` (clocks drift, people type
 * slowly), or null when it is wrong. Whether that step was used already is the caller's check.
 */
export function totpStepOf(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    timestamp,
    window: 1,
    ...TOTP_SETTINGS,
  });
  return delta === null ? null : TOTP.counter({ period: TOTP_SETTINGS.period, timestamp }) + delta;
}

/** Letters and digits nobody confuses when copying by hand (no 0/o, 1/l/i). */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

/** Ten codes like `k7pq-x3mz-a9tc`: about 59 random bits each, so a plain SHA-256 stores them safely. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: RECOVERY_GROUPS }, () =>
      Array.from(
        { length: RECOVERY_GROUP_LENGTH },
        () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
      ).join(''),
    ).join('-'),
  );
}

/** Case, spaces and dashes do not matter when a code is typed back. Bound to its person. */
export function hashRecoveryCode(userId: string, code: string): string {
  const normalised = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return createHash('sha256').update(`careline-recovery:${userId}:${normalised}`).digest('hex');
}

/** Whether a clinic's policy asks this person for a second factor. */
export function policyCovers(policy: TwoFactorPolicy, role: string): boolean {
  return policy === 'everyone' || (policy === 'admins' && role === 'admin');
}
