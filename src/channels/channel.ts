import type { ChannelAccount } from '../modules/channel-accounts/channel-account.schema.ts';
import type { ContactIdentity } from '../modules/contacts/contact.schema.ts';
import type { MessageTemplate } from '../modules/templates/template.schema.ts';
import type { ChannelCapabilities, WindowPolicy } from './channel-capabilities.ts';
import type { LimitViolation, OutboundMessage } from './outbound-message.ts';

export type { LimitViolation, OutboundMessage } from './outbound-message.ts';

/** A plain text message; the quote and our correlation id travel as send options, not in the message. */
export type OutboundText = Extract<OutboundMessage, { type: 'text' }>;

/** What the outbox resolved before the call: provider ids of what the message points at. */
export interface SendOptions {
  /** Our message id; providers that echo it (WhatsApp biz_opaque_callback_data) let us reconcile. */
  correlationId: string;
  replyToExternalId: string | null;
  targetExternalId?: string;
  /** Provider ids of media uploaded for this message, keyed by Careline media id. */
  providerMediaIds: Record<string, string>;
  /**
   * Messenger / Instagram: a person's reply after the 24-hour window, within the tag's 7 days, goes as
   * `MESSAGE_TAG` + `HUMAN_AGENT` (the outbox's window policy decides; the channel only writes it).
   */
  humanAgentTag?: boolean;
}

/**
 * Why a send did not go through, when the outbox must act on it beyond retrying: the customer-service
 * window closed, the access token is invalid (an operator must fix it), or the provider is throttling
 * the number or the pair of number and patient.
 */
export type SendFailureReason = 'window_closed' | 'token_invalid' | 'throttled_number' | 'throttled_pair';

/**
 * What came of one call. `retry`: it certainly did not reach the provider, or the provider refused it
 * for a passing reason (throttling, its own outage) — try again later; `fail`: the provider refused for
 * good, with a reason a person can read; `unknown`: the call may have reached the provider (timed out
 * or broke after the request left, an answer that cannot be read) — sending again could deliver it
 * twice, so only the provider's status echo of our id (or its absence) can tell.
 */
export type SendOutcome =
  | { ok: true; externalId: string }
  | {
      ok: false;
      disposition: SendDisposition;
      code: number | null;
      title: string;
      detail: string | null;
      reason?: SendFailureReason;
    };

export type SendDisposition = 'retry' | 'fail' | 'unknown';

export type UploadOutcome =
  | { ok: true; providerMediaId: string }
  | { ok: false; disposition: 'retry' | 'fail'; title: string };

export type TemplateFinder = (name: string, language: string) => Promise<MessageTemplate | undefined>;

/** The outbound half of the channel port: each channel adapter implements it. */
export interface ChannelSender {
  /** What the channel can show (buttons, lists, lengths, media): flows and the composer adapt to it. */
  readonly capabilities: ChannelCapabilities;
  /** When a clinic may write on the channel (the outbox's window-policy.ts reads it); `windowHours` is its free-form part. */
  readonly window: WindowPolicy;
  /**
   * The channel takes files with the message itself (Telegram, Messenger multipart): the outbox
   * uploads nothing beforehand, and the sender loads each file when it sends.
   */
  readonly uploadsAtSend?: boolean;
  /** Hours after the patient's last message during which free-form messages may be sent; null = no window. */
  readonly windowHours: number | null;
  /** The channel's limits, and for templates its registry: what would make the provider refuse. */
  validate(
    account: ChannelAccount,
    message: OutboundMessage,
    findTemplate: TemplateFinder,
  ): Promise<LimitViolation[]>;
  uploadMedia(
    account: ChannelAccount,
    file: { bytes: Buffer; mimeType: string; fileName: string | null },
  ): Promise<UploadOutcome>;
  send(
    account: ChannelAccount,
    recipient: ContactIdentity,
    message: OutboundMessage,
    options: SendOptions,
  ): Promise<SendOutcome>;
  /**
   * Tells the patient's app the clinic read their message (blue ticks). `recipient` is the patient's
   * identity on the channel, for channels that mark a person's conversation seen rather than a message.
   */
  markRead(
    account: ChannelAccount,
    externalId: string,
    recipient: ContactIdentity | null,
  ): Promise<SendOutcome>;
}
