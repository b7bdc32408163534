import { validateSignature } from '@line/bot-sdk';
import type { WebhookRequest, WebhookVerdict } from '../channel-adapter.ts';
import { headerValue } from '../webhook-header.ts';

/** The header LINE sets on every delivery: base64 of HMAC-SHA256(raw body, channel secret). */
export const LINE_SIGNATURE_HEADER = 'x-line-signature';

/** A SHA-256 digest in base64: 43 characters and one `=` of padding. */
const SIGNATURE_FORMAT = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Checks a delivery's `X-Line-Signature` over the exact bytes received (channels.md §3), with the
 * SDK's `validateSignature` (HMAC-SHA256 keyed by the channel secret, compared with `timingSafeEqual`).
 * A header that is not a base64 SHA-256 digest is refused before any hashing: the SDK's base64 decoding
 * would skip what is not base64 and could read two signatures run together as one.
 *
 * An account without a channel secret refuses everything: an HMAC keyed by the empty string is one
 * anyone can compute.
 */
export function verifyLineSignature(
  request: WebhookRequest,
  channelSecret: string | undefined,
): WebhookVerdict {
  if (channelSecret === undefined || channelSecret.trim() === '')
    return { ok: false, reason: 'no channel secret is configured for this LINE account' };
  const received = headerValue(request.headers, LINE_SIGNATURE_HEADER);
  if (received === undefined || received === '')
    return { ok: false, reason: 'the X-Line-Signature header is missing' };
  if (!SIGNATURE_FORMAT.test(received))
    return { ok: false, reason: 'the X-Line-Signature header is not a base64 SHA-256 signature' };
  return validateSignature(request.rawBody, channelSecret, received)
    ? { ok: true }
    : { ok: false, reason: 'the X-Line-Signature header does not match the body and the channel secret' };
}
