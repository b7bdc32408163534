import type { ChannelWebhook } from './channel-adapter.ts';
import { decodeFormFields } from './form-fields.ts';

/**
 * A delivery's bytes read as its channel encodes them: a JSON value, or a form's fields (Twilio's).
 * Throws a SyntaxError on JSON that cannot be read; a form always reads.
 */
export function decodeWebhookBody(
  raw: Buffer | string,
  encoding: ChannelWebhook<unknown>['encoding'],
): unknown {
  if (encoding === 'form') return decodeFormFields(raw);
  return JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
}
