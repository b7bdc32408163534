import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { PhoneAppAccount } from '../phone-app-view.ts';
import type { RandomSource } from '../random-source.ts';
import { SimulatorError } from '../simulator-error.ts';
import type { WebhookDeliveryRecord, WebhookDispatcher } from '../webhook-dispatcher.ts';

/*
 * Viber's REST Bot API as Careline's Viber channels meet it, after the API reference
 * (developers.viber.com/docs/api/rest-bot-api/, channels.md §4): every method a POST to `/pa/<method>`
 * with the auth token in `X-Viber-Auth-Token`, answered HTTP 200 with `{status, status_message}` —
 * errors included, by their status: 2 invalidAuthToken, 3 badData, 4 missingData, 5
 * receiverNotRegistered, 6 notSubscribed, 10 webhookNotSet, 1 invalidUrl when the webhook check fails.
 * `set_webhook` first POSTs a signed `event: "webhook"` check to the URL and sets it only on a 200.
 *
 * The patients' side (texts, pictures, keyboard taps, opening the chat, subscribing, unsubscribing,
 * seeing a message) goes to the webhook as Viber sends it, signed with `X-Viber-Content-Signature`
 * (hex HMAC-SHA256 of the body with the auth token), `message_token` a 64-bit integer written as digits.
 * A patient subscribes by writing (or tapping subscribe); only subscribed patients can be written to.
 */

export interface ViberAccountInput {
  authToken: string;
  name?: string;
  /** Where Viber delivers; set later by `set_webhook` when absent. */
  webhookUrl?: string;
}

/** An answer as viber.routes.ts sends it: always HTTP 200 on Viber, with a JSON text (64-bit tokens). */
export interface ViberAnswer {
  httpStatus: number;
  json: string;
}

interface Sent {
  side: 'patient' | 'bot';
  token: string;
  at: string;
  message: Record<string, unknown>;
  status?: 'delivered' | 'seen';
}

interface ViberUser {
  id: string;
  name: string;
  subscribed: boolean;
  messages: Sent[];
}

interface ViberAccount {
  id: string;
  uri: string;
  name: string;
  token: string;
  webhookUrl: string | null;
  eventTypes: string[];
  users: Map<string, ViberUser>;
  deliveries: WebhookDeliveryRecord[];
}

export const viberPatientInputSchema = z.object({
  person: z.object({ key: z.string().min(1).max(100), name: z.string().min(1).max(100).optional() }),
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string().min(1).max(7000) }),
    z.object({
      type: z.literal('picture'),
      bytes: z.string().max(14_000_000).describe('base64'),
      mimeType: z.string().max(100).optional(),
      caption: z.string().max(512).optional(),
    }),
    z.object({ type: z.literal('tap'), actionBody: z.string().min(1).max(4096) }),
    z.object({ type: z.literal('conversation_started'), context: z.string().max(256).optional() }),
    z.object({ type: z.literal('subscribe') }),
    z.object({ type: z.literal('unsubscribe') }),
    z.object({ type: z.literal('seen') }),
  ]),
});
export type ViberPatientInput = z.infer<typeof viberPatientInputSchema>;

export interface ViberPatientActResult {
  messageToken: string;
  httpStatus: number | null;
}

const MEDIA_PATH = '/viber/media/';

/** A stand-in for the Viber REST Bot API. Knows nothing of Fastify; viber.routes.ts adapts it. */
export class ViberStandIn {
  readonly #now: () => Date;
  readonly #random: RandomSource;
  readonly #dispatcher: WebhookDispatcher;
  readonly #accounts = new Map<string, ViberAccount>();
  readonly #persons = new Map<string, string>();
  readonly #media = new Map<string, { bytes: Buffer; mimeType: string }>();
  #nextToken = 5_741_311_803_571_000_000n;

  constructor(options: { now: () => Date; random: RandomSource; dispatcher: WebhookDispatcher }) {
    this.#now = options.now;
    this.#random = options.random;
    this.#dispatcher = options.dispatcher;
  }

  /** Adds a bot account; the same auth token again renames it. */
  registerAccount(input: ViberAccountInput): PhoneAppAccount {
    if (!/^[A-Za-z0-9._-]{16,256}$/.test(input.authToken))
      throw new SimulatorError('invalid_input', 'authToken', 'not a Viber auth token');
    const existing = this.#byToken(input.authToken);
    if (existing) {
      existing.name = input.name ?? existing.name;
      if (input.webhookUrl) existing.webhookUrl = input.webhookUrl;
      return accountView(existing);
    }
    const digits = (BigInt(`0x${this.#hex(15)}`) % 10n ** 19n).toString().padStart(19, '1');
    const account: ViberAccount = {
      id: `pa:${digits}`,
      uri: `careline${this.#hex(6)}`,
      name: input.name ?? 'Careline clinic',
      token: input.authToken,
      webhookUrl: input.webhookUrl ?? null,
      eventTypes: [],
      users: new Map(),
      deliveries: [],
    };
    this.#accounts.set(account.id, account);
    return accountView(account);
  }

  accounts(): PhoneAppAccount[] {
    return [...this.#accounts.values()].map(accountView);
  }

  /** One REST Bot API call (`POST /pa/<method>`), as viber.routes.ts received it. */
  async handle(call: { method: string; authToken: string | undefined; body: unknown }): Promise<ViberAnswer> {
    const account = call.authToken === undefined ? undefined : this.#byToken(call.authToken);
    if (!account) return status(2, 'invalidAuthToken');
    if (typeof call.body !== 'object' || call.body === null) return status(3, 'badData');
    switch (call.method) {
      case 'get_account_info':
        return answer({
          status: 0,
          status_message: 'ok',
          id: account.id,
          name: account.name,
          uri: account.uri,
          category: 'Health',
          webhook: account.webhookUrl ?? '',
          event_types: account.eventTypes,
          subscribers_count: [...account.users.values()].filter((user) => user.subscribed).length,
          members: [],
        });
      case 'set_webhook':
        return this.#setWebhook(account, call.body);
      case 'send_message':
        return this.#sendMessage(account, call.body);
      default:
        return status(3, 'badData');
    }
  }

  /** A patient's file, at the public URL its message named (Viber's media host: no token). */
  media(id: string): { bytes: Buffer; mimeType: string } | undefined {
    return this.#media.get(id);
  }

  /** The conversation of a person with an account: what each side sent, oldest first. */
  conversation(accountId: string, personKey: string): Sent[] {
    const userId = this.#persons.get(personKey);
    return (userId ? this.#account(accountId).users.get(userId)?.messages : undefined) ?? [];
  }

  userIdOf(personKey: string): string | undefined {
    return this.#persons.get(personKey);
  }

  deliveries(accountId: string): WebhookDeliveryRecord[] {
    return this.#account(accountId).deliveries;
  }

  /** The simulated patient does something in the Viber app; the callback goes to the account's webhook. */
  async patientActs(
    accountId: string,
    input: ViberPatientInput,
    baseUrl: string,
  ): Promise<ViberPatientActResult> {
    const parsed = viberPatientInputSchema.safeParse(input);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    const { person, action } = parsed.data;
    const account = this.#account(accountId);
    const user = this.#user(account, person.key, person.name);
    const profile = {
      id: user.id,
      name: user.name,
      avatar: null,
      language: 'fr',
      country: 'FR',
      api_version: 10,
    };
    switch (action.type) {
      case 'conversation_started':
        return this.#deliver(account, {
          event: 'conversation_started',
          type: 'open',
          context: action.context ?? '',
          user: profile,
          subscribed: user.subscribed,
        });
      case 'subscribe':
      case 'unsubscribe':
        user.subscribed = action.type === 'subscribe';
        return this.#deliver(
          account,
          action.type === 'subscribe'
            ? { event: 'subscribed', user: profile }
            : { event: 'unsubscribed', user_id: user.id },
        );
      case 'seen': {
        const last = user.messages.filter((sent) => sent.side === 'bot').at(-1);
        if (!last)
          throw new SimulatorError('conflict', 'action', 'the account sent this person nothing to see');
        last.status = 'seen';
        return this.#deliver(account, { event: 'seen', user_id: user.id }, last.token);
      }
      default:
        break;
    }
    // Writing to a bot subscribes to it.
    user.subscribed = true;
    const trackingData = user.messages.filter((sent) => sent.side === 'bot').at(-1)?.message.tracking_data;
    let message: Record<string, unknown>;
    if (action.type === 'text') message = { type: 'text', text: action.text };
    else if (action.type === 'tap') message = { type: 'text', text: action.actionBody };
    else {
      const id = this.#hex(24);
      this.#media.set(id, {
        bytes: Buffer.from(action.bytes, 'base64'),
        mimeType: action.mimeType ?? 'image/jpeg',
      });
      message = {
        type: 'picture',
        media: `${baseUrl}${MEDIA_PATH}${id}`,
        thumbnail: `${baseUrl}${MEDIA_PATH}${id}`,
        ...(action.caption === undefined ? {} : { text: action.caption }),
      };
    }
    if (typeof trackingData === 'string') message.tracking_data = trackingData;
    const token = this.#newToken();
    user.messages.push({ side: 'patient', token, at: this.#now().toISOString(), message });
    return this.#deliver(account, { event: 'message', sender: profile, message, silent: false }, token);
  }

  async #setWebhook(account: ViberAccount, body: object): Promise<ViberAnswer> {
    const request = z
      .object({ url: z.url({ protocol: /^https?$/ }).max(2000), event_types: z.array(z.string()).optional() })
      .safeParse(body);
    if (!request.success) return status(1, 'invalidUrl');
    // Viber checks the URL at once: the webhook is set only when the check is answered 200.
    const check = await this.#post(account, request.data.url, { event: 'webhook' }, this.#newToken());
    if (check.httpStatus !== 200)
      return status(1, `Result[HttpRequest[POST / Http/1.1], HttpResponse[${check.httpStatus ?? 'none'}]]`);
    account.webhookUrl = request.data.url;
    account.eventTypes = request.data.event_types ?? [
      'delivered',
      'seen',
      'failed',
      'subscribed',
      'unsubscribed',
      'conversation_started',
    ];
    return answer({ status: 0, status_message: 'ok', event_types: account.eventTypes });
  }

  #sendMessage(account: ViberAccount, body: object): ViberAnswer {
    if (account.webhookUrl === null) return status(10, 'webhookNotSet');
    const request = z
      .looseObject({
        receiver: z.string().min(1),
        type: z.enum([
          'text',
          'picture',
          'video',
          'file',
          'location',
          'contact',
          'sticker',
          'url',
          'rich_media',
        ]),
        sender: z.looseObject({ name: z.string().min(1).max(28) }),
        text: z.string().max(7000).optional(),
        tracking_data: z.string().max(4096).optional(),
      })
      .safeParse(body);
    if (!request.success) {
      const missing = request.error.issues.some(
        (issue) => issue.code === 'invalid_type' && issue.input === undefined,
      );
      return missing ? status(4, 'missingData') : status(3, 'badData');
    }
    if (request.data.type === 'text' && !request.data.text) return status(4, 'missingData');
    const user = account.users.get(request.data.receiver);
    if (!user) return status(5, 'receiverNotRegistered');
    if (!user.subscribed) return status(6, 'notSubscribed');
    const token = this.#newToken();
    user.messages.push({ side: 'bot', token, at: this.#now().toISOString(), message: { ...request.data } });
    // Delivered to the patient's phone at once; the callback follows the answer.
    void this.#deliver(account, { event: 'delivered', user_id: user.id }, token).catch(() => undefined);
    return {
      httpStatus: 200,
      json: withToken(
        { status: 0, status_message: 'ok', chat_hostname: 'SN-CHAT-05_', billing_status: 1 },
        token,
      ),
    };
  }

  async #deliver(
    account: ViberAccount,
    content: Record<string, unknown>,
    token = this.#newToken(),
  ): Promise<ViberPatientActResult> {
    if (!account.webhookUrl) return { messageToken: token, httpStatus: null };
    const { httpStatus } = await this.#post(account, account.webhookUrl, content, token);
    return { messageToken: token, httpStatus };
  }

  async #post(
    account: ViberAccount,
    url: string,
    content: Record<string, unknown>,
    token: string,
  ): Promise<{ httpStatus: number | null }> {
    const body = withToken(
      { ...content, timestamp: this.#now().getTime(), chat_hostname: 'SN-CHAT-05_' },
      token,
    );
    const { record, settled } = this.#dispatcher.deliver({
      phoneNumberId: account.id,
      url,
      body,
      signature: '',
      headers: {
        'x-viber-content-signature': createHmac('sha256', account.token).update(body).digest('hex'),
      },
      event: { kind: 'viber_event', messageToken: token, event: String(content.event) },
      duplicate: false,
      badSignature: false,
    });
    account.deliveries.push(record);
    const final = await settled;
    return { httpStatus: final.attempts.at(-1)?.httpStatus ?? null };
  }

  #user(account: ViberAccount, personKey: string, name: string | undefined): ViberUser {
    let userId = this.#persons.get(personKey);
    if (!userId) {
      userId = `${this.#random.bytes(16).toString('base64')}`;
      this.#persons.set(personKey, userId);
    }
    let user = account.users.get(userId);
    if (!user) {
      user = { id: userId, name: name ?? 'Patient', subscribed: false, messages: [] };
      account.users.set(userId, user);
    }
    return user;
  }

  #account(accountId: string): ViberAccount {
    const account = this.#accounts.get(accountId);
    if (!account)
      throw new SimulatorError('unknown_number', 'accountId', `no simulated Viber account '${accountId}'`);
    return account;
  }

  #byToken(token: string): ViberAccount | undefined {
    for (const account of this.#accounts.values()) if (account.token === token) return account;
    return undefined;
  }

  #newToken(): string {
    this.#nextToken += 1n + BigInt(this.#random.below(1000));
    return String(this.#nextToken);
  }

  #hex(length: number): string {
    return this.#random
      .bytes(Math.ceil(length / 2))
      .toString('hex')
      .slice(0, length);
  }
}

export const VIBER_MEDIA_PATH = MEDIA_PATH;

/** A JSON text with `message_token` written as the 64-bit integer it is (JSON.stringify writes no bigint). */
function withToken(json: Record<string, unknown>, token: string): string {
  const text = JSON.stringify(json);
  return `${text.slice(0, -1)}${text === '{}' ? '' : ','}"message_token":${token}}`;
}

function answer(json: Record<string, unknown>): ViberAnswer {
  return { httpStatus: 200, json: JSON.stringify(json) };
}

function status(code: number, message: string): ViberAnswer {
  return answer({ status: code, status_message: message });
}

function accountView(account: ViberAccount): PhoneAppAccount {
  return { app: 'viber', accountId: account.id, name: account.name, handle: account.uri };
}
