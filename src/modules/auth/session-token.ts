import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: what the session cookie and the CSRF token carry. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are 256-bit random, so a fast hash is enough: nothing to brute-force, unlike a password. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A session's CSRF token, derived from its cookie's token rather than stored: the database holds
 * nothing a reader could replay, and the page can be given it again (GET /auth/me) after a reload.
 * Knowing it tells nothing of the session token (HMAC-SHA-256 keyed by that 256-bit secret).
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('careline csrf token').digest('base64url');
}

/** A string that may be a token newSecretToken made: anything else is refused before the database. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * Compares two secrets in constant time. Both sides are hashed first so that neither the content
 * nor the length of the expected secret leaks through timing.
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
