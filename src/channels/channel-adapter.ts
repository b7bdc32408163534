import type { z } from 'zod';
import type { SendOutcome, UploadOutcome } from './channel.ts';
import type { ChannelCapabilities, WindowPolicy } from './channel-capabilities.ts';
import type { ChannelTemplate, TemplateListing } from './channel-template.ts';
import type { Channel, InboundEvent } from './inbound-event.ts';
import type { LimitViolation, OutboundMessage, TemplateMessage } from './outbound-message.ts';

export type { ChannelCapabilities, WindowPolicy } from './channel-capabilities.ts';

/**
 * The two-sided channel port. A channel is one folder under `src/channels/<channel>/` that only
 * translates between a provider's wire format and Careline's channel-neutral shapes (`InboundEvent`,
 * `OutboundMessage`, `SendOutcome`): it never imports `src/modules/*`, never touches the database and
 * never decides anything a clinic would (consent, windows, routing). The modules ask the adapter what the
 * channel can do ({@link ChannelCapabilities}) and what its window allows ({@link WindowPolicy}).
 */
export interface ChannelAdapter<Settings = unknown, Secrets = unknown> {
  readonly channel: Channel;
  readonly capabilities: ChannelCapabilities;
  readonly window: WindowPolicy;
  /**
   * An account's own window, where its settings change it (Viber's `botInitiated`: messages outside the
   * 24-hour session only where the operator enabled them); {@link window} otherwise.
   */
  windowOf?(settings: Settings): WindowPolicy;
  readonly webhook: ChannelWebhook<Secrets>;
  readonly outbound: ChannelOutbound<Settings, Secrets>;
  /** What an account of this channel holds: checked when one is added, and when its secrets are opened. */
  readonly accountSchemas: { settings: z.ZodType<Settings>; secrets: z.ZodType<Secrets> };
  /**
   * Tells the provider where to deliver, when it can be told by API (Telegram's setWebhook with the
   * secret token); channels configured in a console (Meta) have none.
   */
  registerWebhook?(account: AdapterAccount<Settings, Secrets>, webhookUrl: string): Promise<SetupOutcome>;
  /** Channels with provider-approved templates (WhatsApp): the templates module keeps what they list. */
  readonly templates?: ChannelTemplates<Settings, Secrets>;
}

export interface ChannelTemplates<Settings, Secrets> {
  /** Every template of the account, as the provider lists it now. */
  list(account: AdapterAccount<Settings, Secrets>): Promise<TemplateListing>;
}

/** What receiving from a channel needs of its adapter: the webhook, and the secrets that verify it. */
export type ChannelInbound = Pick<ChannelAdapter, 'channel' | 'webhook'> & {
  readonly accountSchemas: { secrets: z.ZodType<unknown> };
};

export type SetupOutcome = { ok: true } | { ok: false; title: string };

/** A webhook request as the generic route received it: the raw bytes, before any parsing. */
export interface WebhookRequest {
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: Buffer;
  /**
   * The URL the provider called, as configured with it (Careline's public URL, path and query): what
   * Twilio's signature covers. Undefined where it is not known.
   */
  url?: string;
}

export type WebhookVerdict = { ok: true } | { ok: false; reason: string };

export interface ChannelWebhook<Secrets> {
  /**
   * How a delivery finds its clinic's account: `path` — the account's id is in the URL
   * (`/webhooks/telegram/{channelAccountId}`); `body` — the provider names its account(s) inside the
   * body (Meta's `entry[].id`), read with {@link accountKeys}.
   */
  readonly routing: 'path' | 'body';
  /**
   * How the provider encodes its deliveries: JSON (the default) or `form`
   * (`application/x-www-form-urlencoded`, Twilio's), read into an object of its fields.
   */
  readonly encoding?: 'json' | 'form';
  /**
   * The answer the provider expects to a delivery, where it reads one (Twilio reads TwiML: an empty
   * `<Response/>` says there is nothing to reply); Careline's JSON receipt otherwise.
   */
  readonly acknowledgement?: { contentType: string; body: string };
  /**
   * The reason to refuse a request that carries no signature at all, before any account is looked up
   * (a body-routed delivery's accounts are found before their secrets can check it); null when it has one.
   */
  unsigned?(request: WebhookRequest): string | null;
  /**
   * Where a body is not this channel's at all (another Meta product's `object`, no `entry` list), the
   * field to name in the 400 that refuses it; null when it is the channel's.
   */
  foreign?(body: object): { field: string; message: string } | null;
  /** Checks the provider's signature or secret, in constant time. */
  verify(request: WebhookRequest, secrets: Secrets): WebhookVerdict;
  /** The subscription handshake (Meta's `hub.challenge`): the body to answer, or null to refuse. */
  handshake?(query: Readonly<Record<string, string | undefined>>, secrets: Secrets): string | null;
  /** The provider's ids of the accounts a delivery is for (for `body` routing); [] when it names none. */
  accountKeys(body: unknown): string[];
  /**
   * Accounts a delivery names as a group rather than one by one (`body` routing): a WhatsApp business
   * account's template and account updates are for every number of it. `setting` is the account
   * setting that holds its group's id; `keys` reads the group ids a body names; `of` is the group an
   * event naming no account is for (null: none, and the event is for no account).
   */
  readonly accountGroups?: {
    readonly setting: string;
    keys(body: unknown): string[];
    of(event: InboundEvent): string | null;
  };
  /**
   * Whether a message id is one the adapter made up because the provider's was missing or unusable
   * (WhatsApp); the stored message then says its id stands in for the provider's.
   */
  standsIn?(externalId: string): boolean;
  /**
   * Reads a delivery's JSON text, where the provider's numbers do not fit a JS number (Viber's 64-bit
   * `message_token`); `JSON.parse` when absent. Throws on what is not JSON.
   */
  readJson?(text: string): unknown;
  /** Translates a delivery; never throws on a shape it does not know (that is an `other` event). */
  parse(body: unknown): InboundEvent[];
  /**
   * A provider call to make in the webhook's own answer, where the provider allows one (Telegram runs a
   * Bot API method named in the answer's `method`): it stops the spinner on a tapped button at once,
   * without a request of ours. Null when there is nothing to say.
   */
  answer?(events: readonly InboundEvent[], account: { settings: unknown }): Record<string, unknown> | null;
}

/** A clinic's account as an adapter sees it: the provider's id for it, settings and opened secrets. */
export interface AdapterAccount<Settings, Secrets> {
  id: string;
  externalId: string;
  settings: Settings;
  secrets: Secrets;
}

/** Who a message goes to: the channel's id for the person or chat (Telegram chat id, Messenger PSID). */
export interface AdapterRecipient {
  /** Null when the channel knows the person only by {@link scopedId}. */
  externalId: string | null;
  /**
   * A second id the channel can address the person by, scoped to the business (WhatsApp's BSUID, for
   * people with a username and no number shown); null on channels that have none.
   */
  scopedId?: string | null;
}

/** A file the adapter may upload or attach in whatever way its provider wants. */
export interface MediaFile {
  bytes: Buffer;
  mimeType: string;
  fileName: string | null;
}

export interface AdapterSendOptions {
  /** Our message id, for providers that echo metadata back. */
  correlationId: string;
  /** The provider's id of the message this one quotes, if any. */
  replyToExternalId: string | null;
  /** Loads a Careline media file by its id (`{mediaId}` references in the message). */
  loadMedia(mediaId: string): Promise<MediaFile>;
  /**
   * Messenger / Instagram: a person's reply sent after the 24-hour window within the tag's 7 days
   * (`MESSAGE_TAG` + `HUMAN_AGENT`). The outbox decides; the adapter only writes it.
   */
  humanAgentTag?: boolean;
  /**
   * For channels that upload files before sending ({@link ChannelOutbound.uploadMedia}): the provider's
   * ids of the files this message points at, keyed by Careline media id.
   */
  providerMediaIds?: Readonly<Record<string, string>>;
  /** The provider's id of the message a reaction is for, when the message names it by our id only. */
  targetExternalId?: string;
}

/** A file a patient sent, as the media download asks for it. */
export interface MediaToFetch {
  id: string | null;
  url: string | null;
  /** What the inbound event said it is (`image`, `document`…): a file of another kind may be refused. */
  kind?: string;
}

/**
 * Where the media download keeps a file as it arrives, for adapters that stream (WhatsApp's documents
 * reach 100 MB): it reads `chunks` to the end, and fails when they do. An adapter that starts a
 * transfer over (a corrupt copy) calls it again; only a call that succeeded counts.
 */
export type KeepMedia = (incoming: { mimeType: string; chunks: AsyncIterable<Uint8Array> }) => Promise<void>;

export interface ChannelOutbound<Settings, Secrets> {
  /** What the provider would refuse in this message, before any call. */
  check(message: OutboundMessage): LimitViolation[];
  send(
    account: AdapterAccount<Settings, Secrets>,
    recipient: AdapterRecipient,
    message: OutboundMessage,
    options: AdapterSendOptions,
  ): Promise<SendOutcome>;
  /**
   * Channels whose messages name files uploaded beforehand (WhatsApp's media ids, valid 30 days): the
   * outbox uploads each file once and sends its id in {@link AdapterSendOptions.providerMediaIds}.
   * Without it, the adapter loads files as it sends ({@link AdapterSendOptions.loadMedia}).
   */
  uploadMedia?(account: AdapterAccount<Settings, Secrets>, file: MediaFile): Promise<UploadOutcome>;
  /**
   * What the provider would refuse in a template message, against the template the clinic's registry
   * holds under its name and language (undefined when it holds none).
   */
  checkTemplate?(
    settings: Settings,
    message: TemplateMessage,
    template: ChannelTemplate | undefined,
  ): LimitViolation[];
  /**
   * Fetches a medium a patient sent (the `media[].id` or `url` of an inbound event). Given `keep`, an
   * adapter may hand it the bytes as they arrive and answer `kept`; otherwise it answers them whole.
   */
  downloadMedia(
    account: AdapterAccount<Settings, Secrets>,
    media: MediaToFetch,
    keep?: KeepMedia,
  ): Promise<MediaDownload>;
  /**
   * Tells the patient's app the clinic read their message, where the channel has read receipts. The
   * recipient is null when the patient's identity on the channel is not known (a message is enough for
   * some channels, WhatsApp; others mark a person's conversation and then send nothing).
   */
  markRead?(
    account: AdapterAccount<Settings, Secrets>,
    recipient: AdapterRecipient | null,
    externalId: string,
  ): Promise<SendOutcome>;
}

export type MediaDownload =
  | ({ ok: true } & MediaFile)
  /** The bytes went to {@link KeepMedia} as they arrived. */
  | { ok: true; kept: true }
  | { ok: false; disposition: 'retry' | 'fail'; title: string };
