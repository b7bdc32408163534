import { createHash } from 'node:crypto';
import type { InboundMessageEvent } from '../../channels/inbound-event.ts';

/**
 * An id for a message its provider sent without one (a Messenger postback from older Page setups: the
 * "Get Started" tap carries no `mid`). Derived from what the delivery says — who, when, what — so a
 * retried delivery gets the same id and is stored once, while two taps at different times are two
 * messages. Hashed, so the patient's channel id is not written into it.
 */
export function surrogateExternalId(event: InboundMessageEvent): string {
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        event.channel,
        event.from.id,
        event.timestamp,
        event.type,
        event.rawType,
        event.reply?.id ?? null,
        event.text,
      ]),
    )
    .digest('base64url')
    .slice(0, 32);
  return `careline-surrogate:${digest}`;
}
