import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  policyCovers,
  totpStepOf,
  totpUri,
} from './two-factor-codes.ts';

const NOW = new Date('2026-12-06T10:00:10.000Z');
const STEP = Math.floor(NOW.getTime() / 30_000);

function codeAt(secret: string, steps: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: NOW.getTime() + steps * 30_000 });
}

describe('TOTP codes', () => {
  const secret = newTotpSecret();

  test('a code is accepted one step either side of now, and names its step', () => {
    expect(totpStepOf(secret, codeAt(secret, 0), NOW)).toBe(STEP);
    expect(totpStepOf(secret, codeAt(secret, -1), NOW)).toBe(STEP - 1);
    expect(totpStepOf(secret, codeAt(secret, 1), NOW)).toBe(STEP + 1);
    expect(totpStepOf(secret, codeAt(secret, 2), NOW)).toBeNull();
    expect(totpStepOf(secret, codeAt(secret, -2), NOW)).toBeNull();
  });

  test('spaces are ignored; anything but six digits is wrong', () => {
    const code = codeAt(secret, 0);
    expect(totpStepOf(secret, `${code.slice(0, 3)} ${code.slice(3)}`, NOW)).toBe(STEP);
    expect(totpStepOf(secret, code.slice(0, 5), NOW)).toBeNull();
    expect(totpStepOf(secret, 'abcdef', NOW)).toBeNull();
  });

  test('the enrolment URI names Careline and the person', () => {
    const uri = new URL(totpUri(secret, 'claire@clinique.test'));
    expect(uri.href).toMatch(/^otpauth:\/\/totp\/Careline:claire%40clinique\.test\?/);
    expect(uri.searchParams.get('issuer')).toBe('Careline');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});

describe('recovery codes', () => {
  test('ten different codes easy to copy by hand', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
  });

  test('case, spaces and dashes do not matter; the hash belongs to one person', () => {
    const hash = hashRecoveryCode('user-1', 'k7pq-x3mz-a9tc');
    expect(hashRecoveryCode('user-1', ' K7PQ X3MZ A9TC ')).toBe(hash);
    expect(hashRecoveryCode('user-2', 'k7pq-x3mz-a9tc')).not.toBe(hash);
    expect(hash).not.toContain('k7pq');
  });
});

test('a clinic policy covers nobody, its administrators, or everyone', () => {
  expect(policyCovers('off', 'admin')).toBe(false);
  expect(policyCovers('admins', 'admin')).toBe(true);
  expect(policyCovers('admins', 'agent')).toBe(false);
  expect(policyCovers('everyone', 'agent')).toBe(true);
});
