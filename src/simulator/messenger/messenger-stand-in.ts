import { signMetaPayload } from '../../channels/meta/webhook-signature.ts';
import { stringifyLikeMeta } from '../meta-json.ts';
import type { PhoneAppAccount, PhoneAppItem } from '../phone-app-view.ts';
import { type RandomSource, randomDigits } from '../random-source.ts';
import { SimulatorError } from '../simulator-error.ts';
import { splitName } from '../telegram/telegram-patient.ts';
import { TokenBuckets } from '../token-buckets.ts';
import type { WebhookDeliveryRecord, WebhookDispatcher } from '../webhook-dispatcher.ts';
import type {
  MetaAccountState,
  MetaMessage,
  MetaMessagingApp,
  MetaUser,
  StoredAttachment,
} from './meta-account-state.ts';
import { type MetaErrorAnswer, metaError } from './meta-messaging-errors.ts';
import { type MetaActResult, type MetaPatientInput, metaPatientInputSchema } from './meta-patient.ts';
import { readSendRequest } from './meta-send-request.ts';
import { fromPatient, messagingEnvelope } from './meta-webhook-payloads.ts';

export interface MessengerStandInOptions {
  now: () => Date;
  random: RandomSource;
  dispatcher: WebhookDispatcher;
  /** Runs a task later (delivery receipts follow a send); cancelled when the simulator closes. */
  schedule: (delayMs: number, task: () => void) => void;
  /** Send API calls per second per account before 613; default 100. */
  sendsPerSecond?: number;
}

export interface MetaAccountInput {
  app: MetaMessagingApp;
  accountId: string;
  name: string;
  username?: string;
  accessToken: string;
  appSecret: string;
  verifyToken?: string;
  /** The callback URL configured in the app dashboard: where Meta posts this account's webhooks. */
  webhookUrl: string;
}

export type SendAnswer = { httpStatus: number; body: unknown };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Meta's messaging window (Send API reference, "Message tags"): any message for 24 hours after the
 * person's last message; after that only `messaging_type: MESSAGE_TAG` with `tag: HUMAN_AGENT` — a
 * person's reply — until 7 days after it. Outside, Graph answers 10/2018278 "outside of allowed window".
 * Other tags are not played: Careline sends none, and Instagram has no other. Both bounds exclusive.
 */
function withinWindow(
  read: { messagingType: string; tag: string | null },
  lastInboundAt: Date | null,
  now: Date,
): boolean {
  if (lastInboundAt === null) return false;
  const age = now.getTime() - lastInboundAt.getTime();
  if (age < DAY_MS) return true;
  return read.messagingType === 'MESSAGE_TAG' && read.tag === 'HUMAN_AGENT' && age < 7 * DAY_MS;
}

/**
 * Plays the Messenger Platform for Facebook Pages and Instagram professional accounts: the Send API
 * (`/me/messages`, the account found by its token), the user profile, and the people's side — messages,
 * quick-reply and postback taps, reads — posted to the callback URL as signed Meta envelopes.
 */
export class MessengerStandIn {
  readonly #options: MessengerStandInOptions;
  readonly #accounts = new Map<string, MetaAccountState>();
  readonly #attachments = new Map<string, StoredAttachment>();
  readonly #buckets = new TokenBuckets();

  constructor(options: MessengerStandInOptions) {
    this.#options = options;
  }

  registerAccount(input: MetaAccountInput): PhoneAppAccount {
    if (!/^\d{1,32}$/.test(input.accountId))
      throw new SimulatorError('invalid_input', 'accountId', 'must be digits, like a Graph object id');
    if (!URL.canParse(input.webhookUrl))
      throw new SimulatorError('invalid_input', 'webhookUrl', 'must be a URL');
    const existing = this.#accounts.get(input.accountId);
    const account: MetaAccountState = {
      app: input.app,
      accountId: input.accountId,
      name: input.name,
      username: input.username ?? input.name.toLowerCase().replace(/[^a-z0-9]+/g, '.'),
      accessToken: input.accessToken,
      appSecret: input.appSecret,
      verifyToken: input.verifyToken ?? null,
      webhookUrl: input.webhookUrl,
      users: existing?.users ?? new Map(),
      userIdByPerson: existing?.userIdByPerson ?? new Map(),
      messages: existing?.messages ?? [],
      attachments: existing?.attachments ?? new Map(),
      deliveries: existing?.deliveries ?? [],
    };
    this.#accounts.set(input.accountId, account);
    return accountView(account);
  }

  accounts(): PhoneAppAccount[] {
    return [...this.#accounts.values()].map(accountView);
  }

  /** Whether a token is one of this stand-in's (a Graph `GET /{id}` with it is a profile lookup). */
  knowsToken(authorization: string | undefined): boolean {
    return this.#byToken(bearer(authorization)) !== undefined;
  }

  /** `POST /{version}/me/messages`: the Page (or Instagram account) is the token's. */
  handleSend(request: {
    authorization?: string;
    queryToken?: string;
    body: unknown;
    upload?: { bytes: Buffer; mimeType: string };
  }): SendAnswer {
    const account = this.#byToken(bearer(request.authorization) ?? request.queryToken);
    if (!account) return this.#error('invalid_token');
    const body = typeof request.body === 'object' && request.body !== null ? { ...request.body } : {};
    const read = readSendRequest(body, account.app, request.upload !== undefined);
    if (read.kind === 'refused') return this.#error('invalid_parameter', account, read.detail);
    const user = account.users.get(read.recipientId);
    if (!user) return this.#error('no_matching_user', account);
    if (read.kind === 'action') return this.#senderAction(account, user, read);
    const now = this.#options.now();
    if (!withinWindow(read, user.lastInboundAt, now)) return this.#error('outside_window', account);
    const perSecond = this.#options.sendsPerSecond ?? 100;
    if (!this.#buckets.take(`send:${account.accountId}`, perSecond, perSecond / 1000, now))
      return this.#error('rate_limited', account);
    let attachmentId: string | null = null;
    if (read.attachment) {
      const stored = this.#storeAttachment(account, read.attachment, request.upload);
      if (!stored) return this.#error('invalid_parameter', account, 'Attachment id not found');
      attachmentId = read.attachment.reusable || read.attachment.attachmentId ? stored.id : null;
    }
    const mid = this.#newMid();
    account.messages.push({
      mid,
      side: 'page',
      userId: user.id,
      at: now,
      view: read.view,
      taps: read.taps,
      request: body,
      reaction: null,
      seen: false,
    });
    // Messenger acknowledges delivery to the person's device; Instagram sends no delivery receipts.
    if (account.app === 'messenger') {
      this.#options.schedule(100, () => {
        void this.#post(
          account,
          {
            ...fromPatient(account, user.id, this.#options.now()),
            delivery: { mids: [mid], watermark: now.getTime() },
          },
          'delivery',
          mid,
        );
      });
    }
    return {
      httpStatus: 200,
      body: {
        recipient_id: user.id,
        message_id: mid,
        ...(attachmentId ? { attachment_id: attachmentId } : {}),
      },
    };
  }

  /** `GET /{version}/{user-id}?fields=…` with a Page token: the person's public profile. */
  profile(authorization: string | undefined, userId: string): SendAnswer {
    const account = this.#byToken(bearer(authorization));
    if (!account) return this.#error('invalid_token');
    const user = account.users.get(userId);
    if (!user) return this.#error('unknown_object', account, userId);
    const body =
      account.app === 'instagram'
        ? {
            name: [user.firstName, user.lastName].filter(Boolean).join(' '),
            username: user.firstName.toLowerCase(),
            id: user.id,
          }
        : { first_name: user.firstName, ...(user.lastName ? { last_name: user.lastName } : {}), id: user.id };
    return { httpStatus: 200, body };
  }

  /** The bytes behind an attachment URL of a person's message (Meta's CDN links need no token). */
  attachment(id: string): StoredAttachment | undefined {
    return this.#attachments.get(id);
  }

  conversation(accountId: string, personKey: string): PhoneAppItem[] {
    const account = this.#account(accountId);
    const userId = account.userIdByPerson.get(personKey);
    return account.messages
      .filter((message) => message.userId === userId)
      .map((message) => ({
        id: message.mid,
        side: message.side === 'page' ? 'clinic' : 'me',
        at: message.at.toISOString(),
        ...message.view,
        reaction: message.reaction,
        edited: false,
        seen: message.side === 'page' ? message.seen : null,
      }));
  }

  /** What the account sent, oldest first (Send API bodies with their mids). */
  sends(accountId: string): MetaMessage[] {
    return this.#account(accountId).messages.filter((message) => message.side === 'page');
  }

  userOf(accountId: string, personKey: string): MetaUser | undefined {
    const account = this.#account(accountId);
    const id = account.userIdByPerson.get(personKey);
    return id === undefined ? undefined : account.users.get(id);
  }

  deliveries(accountId: string): WebhookDeliveryRecord[] {
    return this.#account(accountId).deliveries;
  }

  /** Meta's subscription check: `GET callback?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`. */
  async verifySubscription(accountId: string): Promise<{ ok: boolean; httpStatus: number | null }> {
    const account = this.#account(accountId);
    const challenge = randomDigits(this.#options.random, 10);
    const url = new URL(account.webhookUrl);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.verify_token', account.verifyToken ?? '');
    url.searchParams.set('hub.challenge', challenge);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const text = await response.text();
      return { ok: response.ok && text === challenge, httpStatus: response.status };
    } catch {
      return { ok: false, httpStatus: null };
    }
  }

  /** The simulated person does something in Messenger or Instagram; `baseUrl` serves their files. */
  async patientActs(accountId: string, input: MetaPatientInput, baseUrl: string): Promise<MetaActResult> {
    const parsed = metaPatientInputSchema.safeParse(input);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    const { person, action } = parsed.data;
    const account = this.#account(accountId);
    const user = this.#userFor(account, person.key, person.name);
    const at = this.#options.now();
    const frame = fromPatient(account, user.id, at);
    if (action.type === 'read') {
      const unseen = account.messages.filter(
        (message) => message.side === 'page' && message.userId === user.id && !message.seen,
      );
      for (const message of unseen) message.seen = true;
      const last = unseen.at(-1);
      if (!last) return { mid: null, httpStatus: null };
      const read = account.app === 'instagram' ? { mid: last.mid } : { watermark: at.getTime() };
      return this.#result(null, await this.#post(account, { ...frame, read }, 'read', null));
    }
    user.lastInboundAt = at;
    const mid = this.#newMid();
    const keep = (view: MetaMessage['view']) =>
      account.messages.push({
        mid,
        side: 'patient',
        userId: user.id,
        at,
        view,
        taps: [],
        request: null,
        reaction: null,
        seen: false,
      });
    switch (action.type) {
      case 'text':
        keep({ kind: 'text', text: action.text, fileName: null, buttons: [] });
        return this.#result(
          mid,
          await this.#post(account, { ...frame, message: { mid, text: action.text } }, 'message', mid),
        );
      case 'image': {
        const id = this.#options.random.bytes(18).toString('base64url');
        const stored = {
          id,
          bytes: Buffer.from(action.bytes, 'base64'),
          url: null,
          mimeType: action.mimeType ?? 'image/jpeg',
        };
        this.#attachments.set(id, stored);
        keep({ kind: 'image', text: null, fileName: null, buttons: [] });
        const attachments = [{ type: 'image', payload: { url: `${baseUrl}/_meta-attachments/${id}` } }];
        return this.#result(
          mid,
          await this.#post(account, { ...frame, message: { mid, attachments } }, 'message', mid),
        );
      }
      case 'location': {
        keep({ kind: 'location', text: null, fileName: null, buttons: [] });
        const attachments = [
          { type: 'location', payload: { coordinates: { lat: action.latitude, long: action.longitude } } },
        ];
        return this.#result(
          mid,
          await this.#post(account, { ...frame, message: { mid, attachments } }, 'message', mid),
        );
      }
      case 'tap': {
        const target = account.messages.find(
          (message) =>
            message.mid === action.messageId && message.side === 'page' && message.userId === user.id,
        );
        if (!target)
          throw new SimulatorError(
            'unknown_message',
            'messageId',
            'not a message the account sent to this person',
          );
        const tap = target.taps.find((candidate) => candidate.payload === action.buttonId);
        if (!tap)
          throw new SimulatorError(
            'invalid_input',
            'buttonId',
            'no button or quick reply with this payload under the message',
          );
        keep({ kind: 'tap', text: tap.title, fileName: null, buttons: [] });
        const item =
          tap.type === 'postback'
            ? { ...frame, postback: { mid, title: tap.title, payload: tap.payload } }
            : { ...frame, message: { mid, text: tap.title, quick_reply: { payload: tap.payload } } };
        return this.#result(mid, await this.#post(account, item, tap.type, mid));
      }
    }
  }

  #senderAction(
    account: MetaAccountState,
    user: MetaUser,
    read: { action: string; targetMid: string | null; reaction: string | null },
  ): SendAnswer {
    if (read.action === 'react' || read.action === 'unreact') {
      const target = account.messages.find(
        (message) => message.mid === read.targetMid && message.userId === user.id,
      );
      if (!target) return this.#error('invalid_parameter', account, 'Invalid message_id');
      target.reaction = read.action === 'react' ? (REACTIONS[read.reaction ?? ''] ?? read.reaction) : null;
    }
    return { httpStatus: 200, body: { recipient_id: user.id } };
  }

  #storeAttachment(
    account: MetaAccountState,
    given: { url: string | null; attachmentId: string | null },
    upload: { bytes: Buffer; mimeType: string } | undefined,
  ): StoredAttachment | undefined {
    if (given.attachmentId !== null) return account.attachments.get(given.attachmentId);
    const stored: StoredAttachment = {
      id: randomDigits(this.#options.random, 16),
      bytes: upload?.bytes ?? null,
      url: given.url,
      mimeType: upload?.mimeType ?? 'application/octet-stream',
    };
    account.attachments.set(stored.id, stored);
    return stored;
  }

  #userFor(account: MetaAccountState, personKey: string, name: string): MetaUser {
    const { first, last } = splitName(name);
    const id = account.userIdByPerson.get(personKey) ?? randomDigits(this.#options.random, 16);
    const known = account.users.get(id);
    const user: MetaUser = {
      id,
      personKey,
      firstName: first,
      lastName: last ?? null,
      lastInboundAt: known?.lastInboundAt ?? null,
    };
    account.users.set(id, user);
    account.userIdByPerson.set(personKey, id);
    return user;
  }

  #post(
    account: MetaAccountState,
    item: Record<string, unknown>,
    event: string,
    mid: string | null,
  ): Promise<WebhookDeliveryRecord> {
    const body = stringifyLikeMeta(messagingEnvelope(account, this.#options.now(), item));
    const { record, settled } = this.#options.dispatcher.deliver({
      phoneNumberId: account.accountId,
      url: account.webhookUrl,
      body,
      signature: signMetaPayload(body, account.appSecret),
      event: { kind: 'meta_messaging', event, mid },
      duplicate: false,
      badSignature: false,
    });
    account.deliveries.push(record);
    return settled;
  }

  #result(mid: string | null, record: WebhookDeliveryRecord): MetaActResult {
    return { mid, httpStatus: record.attempts.at(-1)?.httpStatus ?? null };
  }

  #newMid(): string {
    return `m_${this.#options.random.bytes(36).toString('base64url')}`;
  }

  #error(
    kind: Parameters<typeof metaError>[0],
    account?: MetaAccountState,
    detail?: string,
  ): MetaErrorAnswer {
    return metaError(kind, this.#options.random, {
      instagram: account?.app === 'instagram',
      ...(detail === undefined ? {} : { detail }),
    });
  }

  #byToken(token: string | undefined): MetaAccountState | undefined {
    if (token === undefined || token === '') return undefined;
    for (const account of this.#accounts.values()) if (account.accessToken === token) return account;
    return undefined;
  }

  #account(accountId: string): MetaAccountState {
    const account = this.#accounts.get(accountId);
    if (!account)
      throw new SimulatorError(
        'unknown_number',
        'accountId',
        `no simulated Page or Instagram account '${accountId}'`,
      );
    return account;
  }
}

/** Instagram's reaction names as the emoji the phone shows. */
const REACTIONS: Readonly<Record<string, string>> = {
  love: '❤️',
  like: '👍',
  smile: '😆',
  wow: '😮',
  sad: '😢',
  angry: '😠',
};

function bearer(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

function accountView(account: MetaAccountState): PhoneAppAccount {
  return {
    app: account.app,
    accountId: account.accountId,
    name: account.name,
    handle: account.app === 'instagram' ? `@${account.username}` : account.name,
  };
}
