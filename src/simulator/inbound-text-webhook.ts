import type { SimulatedNumber } from './simulated-number.ts';
import { unixSeconds, webhookEnvelope } from './webhook-envelope.ts';

export interface InboundText {
  wamid: string;
  at: Date;
  /** The patient's wa_id (digits); absent for a phoneless (username-only) user. */
  waId?: string;
  /** Business-scoped user id, e.g. `US.13491208655302741918`. */
  bsuid?: string;
  name: string;
  text: string;
}

/**
 * Meta's inbound text webhook (§1.5). A phoneless user has no `wa_id`/`from`, only `user_id` and
 * `from_user_id`, as in the v25 BSUID fixtures.
 */
export function inboundTextWebhook(number: SimulatedNumber, message: InboundText) {
  const contact = {
    profile: { name: message.name },
    ...(message.waId === undefined ? {} : { wa_id: message.waId }),
    ...(message.bsuid === undefined ? {} : { user_id: message.bsuid }),
  };
  const inbound = {
    ...(message.waId === undefined ? {} : { from: message.waId }),
    ...(message.bsuid === undefined ? {} : { from_user_id: message.bsuid }),
    id: message.wamid,
    timestamp: unixSeconds(message.at),
    text: { body: message.text },
    type: 'text',
  };
  return webhookEnvelope(number, { contacts: [contact], messages: [inbound] });
}
