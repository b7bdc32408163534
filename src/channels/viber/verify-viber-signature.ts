import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest, WebhookVerdict } from '../channel-adapter.ts';
import { headerValue } from '../webhook-header.ts';

/** The header Viber sets on every callback: hex HMAC-SHA256(raw body, auth token). */
export const VIBER_SIGNATURE_HEADER = 'x-viber-content-signature';

const SIGNATURE_FORMAT = /^[0-9a-f]{64}$/i;

/**
 * Checks a callback's `X-Viber-Content-Signature` over the exact bytes received (channels.md §4),
 * compared in constant time. A header that is not 64 hex digits is refused before any hashing.
 * An account without an auth token refuses everything: an HMAC keyed by the empty string is one anyone
 * can compute.
 */
export function verifyViberSignature(request: WebhookRequest, authToken: string | undefined): WebhookVerdict {
  if (authToken === undefined || authToken.trim() === '')
    return { ok: false, reason: 'no auth token is configured for this Viber account' };
  const received = headerValue(request.headers, VIBER_SIGNATURE_HEADER);
  if (received === undefined || received === '')
    return { ok: false, reason: 'the X-Viber-Content-Signature header is missing' };
  if (!SIGNATURE_FORMAT.test(received))
    return { ok: false, reason: 'the X-Viber-Content-Signature header is not a hex SHA-256 signature' };
  const expected = createHmac('sha256', authToken).update(request.rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(received, 'hex'))
    ? { ok: true }
    : {
        ok: false,
        reason: 'the X-Viber-Content-Signature header does not match the body and the auth token',
      };
}

/** The header a callback of these bytes carries (the simulator and tests sign as Viber does). */
export function signViberBody(rawBody: Buffer | string, authToken: string): string {
  return createHmac('sha256', authToken).update(rawBody).digest('hex');
}
