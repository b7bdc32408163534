import type { ChannelAccount } from '../modules/channel-accounts/channel-account.schema.ts';
import type { ContactIdentity } from '../modules/contacts/contact.schema.ts';

/** A message on its way out, in channel-neutral terms. */
export interface OutboundText {
  type: 'text';
  text: string;
  /** The provider id of the message this one quotes. */
  replyToExternalId: string | null;
  /** Our message id, echoed back by providers that support it (WhatsApp biz_opaque_callback_data). */
  correlationId: string;
}

export type OutboundMessage = OutboundText;

/**
 * What came of one send call. `retry`: a passing fault (5xx, time-out, throttling) — try again later;
 * `fail`: the provider refused for good, with a reason a person can read.
 */
export type SendOutcome =
  | { ok: true; externalId: string }
  | {
      ok: false;
      disposition: 'retry' | 'fail';
      code: number | null;
      title: string;
      detail: string | null;
    };

/** The outbound half of the channel port: each channel adapter implements it. */
export interface ChannelSender {
  send(account: ChannelAccount, recipient: ContactIdentity, message: OutboundMessage): Promise<SendOutcome>;
}
