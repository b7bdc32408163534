import { describe, expect, test } from 'vitest';
import {
  csrfTokenOf,
  hashSessionToken,
  isWellFormedToken,
  newSecretToken,
  sameSecret,
} from './session-token.ts';

describe('session tokens', () => {
  test('are 256 random bits in base64url, never twice the same', () => {
    const tokens = new Set(Array.from({ length: 100 }, newSecretToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isWellFormedToken(token)).toBe(true);
    }
  });

  test('anything else is not a token', () => {
    for (const bad of [
      '',
      'abc',
      `${newSecretToken()}x`,
      `${newSecretToken().slice(1)}=`,
      `${'a'.repeat(42)}/`,
    ])
      expect(isWellFormedToken(bad)).toBe(false);
  });

  test('are stored as their SHA-256 (a published vector)', () => {
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('are compared whole, whatever their lengths', () => {
    const token = newSecretToken();
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(token.slice(0, 42), token)).toBe(false);
    expect(sameSecret('', token)).toBe(false);
    expect(sameSecret(`${token}A`, token)).toBe(false);
  });
});

describe('CSRF tokens', () => {
  test('are derived from the session token: the same for a session, different across sessions, never the token', () => {
    const token = newSecretToken();
    expect(csrfTokenOf(token)).toBe(csrfTokenOf(token));
    expect(isWellFormedToken(csrfTokenOf(token))).toBe(true);
    expect(csrfTokenOf(token)).not.toBe(token);
    expect(csrfTokenOf(newSecretToken())).not.toBe(csrfTokenOf(token));
  });
});
