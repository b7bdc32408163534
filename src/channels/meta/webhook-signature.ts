import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/**
 * Checks Meta's `X-Hub-Signature-256` header (WhatsApp, Messenger and Instagram webhooks alike):
 * HMAC-SHA256 of the raw request bytes keyed with the app secret. It must run on the bytes as received: re-serialised JSON differs (Meta escapes non-ASCII).
 */
export function verifyMetaSignature(
  rawBody: Uint8Array,
  header: string | undefined,
  appSecret: string,
): boolean {
  if (!header?.startsWith(PREFIX)) return false;
  const received = header.slice(PREFIX.length);
  if (!/^[0-9a-f]{64}$/i.test(received)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}

/** The header value Meta would send for these bytes; used by the simulator and tests. */
export function signMetaPayload(rawBody: Uint8Array | string, appSecret: string): string {
  return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}
