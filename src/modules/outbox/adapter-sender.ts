import type { ChannelSender, SendOptions, SendOutcome, UploadOutcome } from '../../channels/channel.ts';
import type { AdapterAccount, ChannelAdapter, MediaFile } from '../../channels/channel-adapter.ts';
import type { LimitViolation, OutboundMessage } from '../../channels/outbound-message.ts';
import type { Db } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import type { SecretsOf } from '../channel-accounts/channel-secrets.ts';
import type { ContactIdentity } from '../contacts/contact.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import { loadCarelineMedia } from './provider-media.ts';

export interface AdapterSenderDeps {
  db: Db;
  keyring: Keyring;
  mediaStore: MediaStore;
  secretsOf: SecretsOf;
}

/**
 * The outbox's `ChannelSender` for a channel on the port: the adapter builds and sends, this opens the
 * account's settings and secrets (checked against the adapter's schemas) and hands it the clinic's files
 * as it asks for them — such channels take a file with the message itself, so nothing is uploaded first.
 */
export class AdapterSender<Settings, Secrets> implements ChannelSender {
  readonly uploadsAtSend = true;
  readonly #adapter: ChannelAdapter<Settings, Secrets>;
  readonly #deps: AdapterSenderDeps;

  constructor(adapter: ChannelAdapter<Settings, Secrets>, deps: AdapterSenderDeps) {
    this.#adapter = adapter;
    this.#deps = deps;
  }

  get capabilities() {
    return this.#adapter.capabilities;
  }

  get window() {
    return this.#adapter.window;
  }

  get windowHours(): number | null {
    return this.#adapter.window.kind === 'none' ? null : this.#adapter.window.hours;
  }

  async validate(_account: ChannelAccount, message: OutboundMessage): Promise<LimitViolation[]> {
    if (!this.#adapter.capabilities.outboundTypes.includes(message.type))
      return [{ field: 'type', limit: `${this.#adapter.channel} cannot send a ${message.type} message` }];
    return this.#adapter.outbound.check(message);
  }

  async uploadMedia(): Promise<UploadOutcome> {
    // Never called: `uploadsAtSend` tells the outbox the file travels with the message.
    return { ok: false, disposition: 'fail', title: `${this.#adapter.channel} takes files with the message` };
  }

  async send(
    account: ChannelAccount,
    recipient: ContactIdentity,
    message: OutboundMessage,
    options: SendOptions,
  ): Promise<SendOutcome> {
    const opened = await this.#opened(account);
    if (!opened.ok) return opened.refusal;
    if (!recipient.externalId) return refusal(`the patient has no ${this.#adapter.channel} id`);
    return this.#adapter.outbound.send(opened.account, { externalId: recipient.externalId }, message, {
      correlationId: options.correlationId,
      replyToExternalId: options.replyToExternalId,
      ...(options.humanAgentTag ? { humanAgentTag: true } : {}),
      loadMedia: (mediaId): Promise<MediaFile> => loadCarelineMedia(this.#deps, account.orgId, mediaId),
    });
  }

  /**
   * Messenger's `mark_seen` goes to a person, not a message, so it needs the patient's id; Telegram has no
   * read receipts at all, and sends nothing.
   */
  async markRead(
    account: ChannelAccount,
    externalId: string,
    recipient: ContactIdentity | null,
  ): Promise<SendOutcome> {
    const markRead = this.#adapter.outbound.markRead;
    if (!markRead || !recipient?.externalId) return { ok: true, externalId };
    const opened = await this.#opened(account);
    if (!opened.ok) return opened.refusal;
    return markRead(opened.account, { externalId: recipient.externalId }, externalId);
  }

  async #opened(
    account: ChannelAccount,
  ): Promise<{ ok: true; account: AdapterAccount<Settings, Secrets> } | { ok: false; refusal: SendOutcome }> {
    const settings = this.#adapter.accountSchemas.settings.safeParse(account.settings);
    const secrets = this.#adapter.accountSchemas.secrets.safeParse(await this.#deps.secretsOf(account));
    if (!settings.success) return { ok: false, refusal: refusal('the channel’s settings are not valid') };
    if (!secrets.success)
      return {
        ok: false,
        refusal: { ...refusal('the channel’s secrets are incomplete'), reason: 'token_invalid' },
      };
    return {
      ok: true,
      account: {
        id: account.id,
        externalId: account.externalId,
        settings: settings.data,
        secrets: secrets.data,
      },
    };
  }
}

function refusal(title: string): Extract<SendOutcome, { ok: false }> {
  return { ok: false, disposition: 'fail', code: null, title, detail: null };
}
