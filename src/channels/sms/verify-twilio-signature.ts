import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest, WebhookVerdict } from '../channel-adapter.ts';
import { decodeFormFields } from '../form-fields.ts';
import { headerValue } from '../webhook-header.ts';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/** An SHA-1 digest in base64: 27 characters and one `=` of padding. */
const SIGNATURE_FORMAT = /^[A-Za-z0-9+/]{27}=$/;

/**
 * Checks a delivery's `X-Twilio-Signature` (Twilio, "Webhooks security"): the base64 HMAC-SHA1, keyed
 * by the account's auth token, of the full URL Twilio called (the one configured on the number, so
 * Careline's public URL and not the address this process listens on) followed by every POST field's
 * name and value, sorted by name. Like Twilio's own helpers, the URL is also tried with its default
 * port written out or left out, since Twilio signs the URL as configured.
 *
 * An account without an auth token, or a request whose public URL is unknown, refuses everything.
 */
export function verifyTwilioSignature(
  request: WebhookRequest,
  authToken: string | undefined,
): WebhookVerdict {
  if (authToken === undefined || authToken.trim() === '')
    return { ok: false, reason: 'no auth token is configured for this SMS account' };
  if (request.url === undefined) return { ok: false, reason: 'the public URL of the webhook is not known' };
  const received = headerValue(request.headers, TWILIO_SIGNATURE_HEADER);
  if (received === undefined || received === '')
    return { ok: false, reason: 'the X-Twilio-Signature header is missing' };
  if (!SIGNATURE_FORMAT.test(received))
    return { ok: false, reason: 'the X-Twilio-Signature header is not a base64 SHA-1 signature' };
  const params = decodeFormFields(request.rawBody);
  const expected = Buffer.from(received, 'base64');
  const matches = urlVariants(request.url).some((url) => {
    const computed = Buffer.from(twilioSignature(authToken, url, params), 'base64');
    return computed.length === expected.length && timingSafeEqual(computed, expected);
  });
  return matches
    ? { ok: true }
    : {
        ok: false,
        reason: 'the X-Twilio-Signature header does not match the URL, the body and the auth token',
      };
}

/** The signature Twilio sends for `params` posted to `url` (also what the simulator signs with). */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((signed, name) => `${signed}${name}${params[name] ?? ''}`, url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** The URL as given, and with its scheme's default port written out or left out. */
function urlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const port = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : null;
  if (port === null || parsed.port !== '') return [url];
  const written = `//${parsed.hostname}:${port}`;
  if (url.includes(written)) return [url, url.replace(written, `//${parsed.hostname}`)];
  return [url, url.replace(`//${parsed.hostname}`, written)];
}
