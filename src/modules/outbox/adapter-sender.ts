import type { SendOutcome, UploadOutcome } from '../../channels/channel.ts';
import type {
  AdapterAccount,
  ChannelAdapter,
  MediaFile,
  WindowPolicy,
} from '../../channels/channel-adapter.ts';
import { openAdapterAccount } from '../../channels/open-adapter-account.ts';
import type { LimitViolation, OutboundMessage } from '../../channels/outbound-message.ts';
import type { Db } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import type { SecretsOf } from '../channel-accounts/channel-secrets.ts';
import type { ContactIdentity } from '../contacts/contact.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { ChannelSender, SendOptions, TemplateFinder } from './channel-sender.ts';
import { loadCarelineMedia } from './provider-media.ts';

export interface AdapterSenderDeps {
  secretsOf: SecretsOf;
  /**
   * Where the clinic's files are read from, for adapters that take them with the message. A sender built
   * without (tests of what is checked before a send) fails such a send as a file it cannot load.
   */
  db?: Db;
  keyring?: Keyring;
  mediaStore?: MediaStore;
}

/**
 * The outbox's `ChannelSender` for a channel on the port: the adapter checks, builds and sends; this
 * opens the account's settings and secrets (checked against the adapter's schemas), finds the template a
 * message names in the clinic's registry, and hands the adapter the clinic's files — uploaded before the
 * send where the adapter uploads (WhatsApp), else as it asks for them while it sends.
 */
export class AdapterSender<Settings, Secrets> implements ChannelSender {
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

  windowOf(account: ChannelAccount): WindowPolicy {
    const windowOf = this.#adapter.windowOf;
    if (!windowOf) return this.#adapter.window;
    const settings = this.#adapter.accountSchemas.settings.safeParse(account.settings);
    return settings.success ? windowOf(settings.data) : this.#adapter.window;
  }

  get windowHours(): number | null {
    return this.#adapter.window.kind === 'none' ? null : this.#adapter.window.hours;
  }

  /** The file travels with the message, unless the adapter uploads it first. */
  get uploadsAtSend(): boolean {
    return this.#adapter.outbound.uploadMedia === undefined;
  }

  async validate(
    account: ChannelAccount,
    message: OutboundMessage,
    findTemplate?: TemplateFinder,
  ): Promise<LimitViolation[]> {
    const { channel, capabilities, outbound } = this.#adapter;
    if (!capabilities.outboundTypes.includes(message.type))
      return [{ field: 'type', limit: `${channel} cannot send a ${message.type} message` }];
    const violations = outbound.check(message);
    if (message.type !== 'template' || !outbound.checkTemplate) return violations;
    const settings = this.#adapter.accountSchemas.settings.safeParse(account.settings);
    if (!settings.success) return [...violations, { field: 'channel', limit: 'its settings are not valid' }];
    const template = findTemplate ? await findTemplate(message.name, message.language) : undefined;
    return [...violations, ...outbound.checkTemplate(settings.data, message, template)];
  }

  async uploadMedia(account: ChannelAccount, file: MediaFile): Promise<UploadOutcome> {
    const upload = this.#adapter.outbound.uploadMedia;
    if (!upload)
      return {
        ok: false,
        disposition: 'fail',
        title: `${this.#adapter.channel} takes files with the message`,
      };
    const opened = await this.#opened(account);
    if (!opened.ok) return { ok: false, disposition: 'fail', title: opened.title };
    return upload(opened.account, file);
  }

  async send(
    account: ChannelAccount,
    recipient: ContactIdentity,
    message: OutboundMessage,
    options: SendOptions,
  ): Promise<SendOutcome> {
    const opened = await this.#opened(account);
    if (!opened.ok) return opened;
    const address = { externalId: recipient.externalId ?? null, scopedId: recipient.scopedId ?? null };
    if (!address.externalId && !address.scopedId)
      return refusal(`the patient has no ${this.#adapter.channel} id`);
    return this.#adapter.outbound.send(opened.account, address, message, {
      correlationId: options.correlationId,
      replyToExternalId: options.replyToExternalId,
      providerMediaIds: options.providerMediaIds,
      ...(options.targetExternalId ? { targetExternalId: options.targetExternalId } : {}),
      ...(options.humanAgentTag ? { humanAgentTag: true } : {}),
      loadMedia: (mediaId): Promise<MediaFile> => this.#loadMedia(account.orgId, mediaId),
    });
  }

  /**
   * WhatsApp marks a message read; Messenger's `mark_seen` goes to a person, so it needs the patient's
   * id; Telegram has no read receipts at all, and sends nothing.
   */
  async markRead(
    account: ChannelAccount,
    externalId: string,
    recipient: ContactIdentity | null,
  ): Promise<SendOutcome> {
    const markRead = this.#adapter.outbound.markRead;
    if (!markRead) return { ok: true, externalId };
    const opened = await this.#opened(account);
    if (!opened.ok) return opened;
    const address = recipient
      ? { externalId: recipient.externalId ?? null, scopedId: recipient.scopedId ?? null }
      : null;
    return markRead(opened.account, address, externalId);
  }

  #loadMedia(orgId: string, mediaId: string): Promise<MediaFile> {
    const { db, keyring, mediaStore } = this.#deps;
    if (!db || !keyring || !mediaStore)
      return Promise.reject(new Error('this sender was built without the clinic’s files'));
    return loadCarelineMedia({ db, keyring, mediaStore }, orgId, mediaId);
  }

  async #opened(
    account: ChannelAccount,
  ): Promise<{ ok: true; account: AdapterAccount<Settings, Secrets> } | Extract<SendOutcome, { ok: false }>> {
    const opened = await openAdapterAccount(this.#adapter, account, this.#deps.secretsOf);
    if (opened.ok) return opened;
    if (opened.invalid === 'settings') return refusal('the channel’s settings are not valid');
    return { ...refusal('the channel’s secrets are incomplete'), reason: 'token_invalid' };
  }
}

function refusal(title: string): Extract<SendOutcome, { ok: false }> {
  return { ok: false, disposition: 'fail', code: null, title, detail: null };
}
