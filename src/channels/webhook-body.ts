import type { ChannelWebhook } from './channel-adapter.ts';
import { decodeFormFields } from './form-fields.ts';

/**
 * A delivery's bytes read as its channel encodes them: a JSON value (through the channel's own reader
 * where numbers must keep their digits: Viber's 64-bit tokens), or a form's fields (Twilio's).
 * Throws a SyntaxError on JSON that cannot be read; a form always reads.
 */
export function decodeWebhookBody(
  raw: Buffer | string,
  how: Pick<ChannelWebhook<unknown>, 'encoding' | 'readJson'>,
): unknown {
  if (how.encoding === 'form') return decodeFormFields(raw);
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  return how.readJson ? how.readJson(text) : JSON.parse(text);
}
