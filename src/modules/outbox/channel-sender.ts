import type { SendOutcome, UploadOutcome } from '../../channels/channel.ts';
import type { ChannelCapabilities, WindowPolicy } from '../../channels/channel-capabilities.ts';
import type { ChannelTemplate } from '../../channels/channel-template.ts';
import type { LimitViolation, OutboundMessage } from '../../channels/outbound-message.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import type { ContactIdentity } from '../contacts/contact.schema.ts';

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

export type TemplateFinder = (name: string, language: string) => Promise<ChannelTemplate | undefined>;

/**
 * What the outbox sends through, one per channel: an adapter of the channel port behind
 * AdapterSender (adapter-sender.ts), which opens the clinic's account for it.
 */
export interface ChannelSender {
  /** What the channel can show (buttons, lists, lengths, media): flows and the composer adapt to it. */
  readonly capabilities: ChannelCapabilities;
  /** When a clinic may write on the channel (the outbox's window-policy.ts reads it); `windowHours` is its free-form part. */
  readonly window: WindowPolicy;
  /** The window of one account, where its settings change the channel's (Viber's bot-initiated messages). */
  windowOf?(account: ChannelAccount): WindowPolicy;
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

/**
 * Each account's window as its channel's sender keeps it, with what the account's settings change
 * (Viber's bot-initiated messages): what the inbox shows; null where Careline has no sender.
 */
export function windowPolicyOfSenders(
  senders: Partial<Record<ChannelAccount['type'], ChannelSender>>,
): (account: ChannelAccount) => WindowPolicy | null {
  return (account) => {
    const sender = senders[account.type];
    return sender ? (sender.windowOf?.(account) ?? sender.window) : null;
  };
}
