import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { PhoneAppAccount } from '../phone-app-view.ts';
import type { RandomSource } from '../random-source.ts';
import { SimulatorError } from '../simulator-error.ts';
import type { WebhookDeliveryRecord, WebhookDispatcher } from '../webhook-dispatcher.ts';
import { lineActionsOf, type Sent } from './line-phone-view.ts';

/*
 * LINE's Messaging API as Careline's LINE channels meet it, after the API reference
 * (developers.line.biz/en/reference/messaging-api/, channels.md §3): the reply and push endpoints with
 * the channel access token as a bearer token, single-use reply tokens that expire, the content endpoint
 * for what patients sent, `/v2/bot/info`, the webhook endpoint setting; and the patients' side (texts,
 * images, button taps, adding and blocking the bot) delivered to the webhook as LINE sends it, signed
 * with `X-Line-Signature` (base64 HMAC-SHA256 of the body with the channel secret).
 *
 * Errors are LINE's bodies, `{message, details[]}`, with its statuses: 401 for a token it does not know,
 * 400 "Invalid reply token" for a token used, expired or unknown, 400 with `details` for a field it
 * refuses, 409 for a push whose `X-Line-Retry-Key` it accepted before, 404 for content it does not hold,
 * 429 "You have reached your monthly limit." for a push past the plan's monthly quota (which
 * `GET /v2/bot/message/quota` and `/quota/consumption` report).
 */

/** The free plan's push messages a month (LINE Official Account plans in Japan, channels.md §3: verify). */
export const DEFAULT_MONTHLY_QUOTA = 200;

/** How long a reply token is good for: LINE documents about a minute (channels.md §3, verify). */
export const LINE_REPLY_TOKEN_TTL_MS = 60_000;

export interface LineChannelInput {
  channelSecret: string;
  channelAccessToken: string;
  name?: string;
  /** Where LINE delivers; set later by `PUT /v2/bot/channel/webhook/endpoint` when absent. */
  webhookUrl?: string;
  /** The plan's push messages a month (the free plan's 200 by default); null: no limit. */
  monthlyQuota?: number | null;
  /** The bot's user id (`U` and 32 hex digits), as a demo clinic stored it; a new one when absent. */
  userId?: string;
}

export interface LineAnswer {
  httpStatus: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface LineUser {
  userId: string;
  blocked: boolean;
  messages: Sent[];
}

interface LineChannel {
  userId: string;
  basicId: string;
  name: string;
  secret: string;
  token: string;
  webhookUrl: string | null;
  users: Map<string, LineUser>;
  replyTokens: Map<string, { userId: string; expiresAt: number; used: boolean }>;
  retryKeys: Map<string, string>;
  content: Map<string, { bytes: Buffer; mimeType: string }>;
  deliveries: WebhookDeliveryRecord[];
  pushes: number;
  monthlyQuota: number | null;
}

export const linePatientInputSchema = z.object({
  person: z.object({ key: z.string().min(1).max(100) }),
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string().min(1).max(5000) }),
    z.object({
      type: z.literal('image'),
      bytes: z.string().max(14_000_000).describe('base64'),
      mimeType: z.string().max(100).optional(),
    }),
    z.object({
      type: z.literal('postback'),
      data: z.string().min(1).max(300),
      displayText: z.string().min(1).max(300).optional(),
    }),
    // The demo phone's tap on a button the bot sent: LINE sends what the button's action says.
    z.object({
      type: z.literal('tap'),
      messageId: z.string().min(1).max(40),
      buttonId: z.string().min(1).max(300),
    }),
    z.object({ type: z.literal('follow') }),
    z.object({ type: z.literal('unfollow') }),
  ]),
});
export type LinePatientInput = z.infer<typeof linePatientInputSchema>;

export interface LinePatientActResult {
  webhookEventId: string;
  messageId: string | null;
  replyToken: string | null;
  httpStatus: number | null;
}

const messageObject = z.looseObject({ type: z.string() });

/** A stand-in for the LINE Messaging API. Knows nothing of Fastify; line.routes.ts adapts it. */
export class LineStandIn {
  readonly #now: () => Date;
  readonly #random: RandomSource;
  readonly #dispatcher: WebhookDispatcher;
  readonly #channels = new Map<string, LineChannel>();
  readonly #persons = new Map<string, string>();
  #nextMessageId = 540_000_000_000_000_000n;

  constructor(options: { now: () => Date; random: RandomSource; dispatcher: WebhookDispatcher }) {
    this.#now = options.now;
    this.#random = options.random;
    this.#dispatcher = options.dispatcher;
  }

  /** Adds a channel (a LINE Official Account's bot); the same access token again renames it. */
  registerChannel(input: LineChannelInput): PhoneAppAccount {
    if (!/^[A-Za-z0-9]{16,128}$/.test(input.channelSecret))
      throw new SimulatorError('invalid_input', 'channelSecret', 'a channel secret is 32 letters and digits');
    if (!/^[A-Za-z0-9+/=._-]{16,2048}$/.test(input.channelAccessToken))
      throw new SimulatorError('invalid_input', 'channelAccessToken', 'not a channel access token');
    const existing = this.#byToken(input.channelAccessToken);
    if (existing) {
      existing.name = input.name ?? existing.name;
      existing.secret = input.channelSecret;
      if (input.webhookUrl) existing.webhookUrl = input.webhookUrl;
      if (input.monthlyQuota !== undefined) existing.monthlyQuota = input.monthlyQuota;
      return accountView(existing);
    }
    if (input.userId !== undefined && !/^U[0-9a-f]{32}$/.test(input.userId))
      throw new SimulatorError('invalid_input', 'userId', 'a bot user id is U and 32 hex digits');
    const channel: LineChannel = {
      userId: input.userId ?? `U${this.#hex(32)}`,
      basicId: `@${this.#hex(8)}`,
      name: input.name ?? 'Careline clinic',
      secret: input.channelSecret,
      token: input.channelAccessToken,
      webhookUrl: input.webhookUrl ?? null,
      users: new Map(),
      replyTokens: new Map(),
      retryKeys: new Map(),
      content: new Map(),
      deliveries: [],
      pushes: 0,
      monthlyQuota: input.monthlyQuota === undefined ? DEFAULT_MONTHLY_QUOTA : input.monthlyQuota,
    };
    this.#channels.set(channel.userId, channel);
    return accountView(channel);
  }

  channels(): PhoneAppAccount[] {
    return [...this.#channels.values()].map(accountView);
  }

  /** One Messaging API call, as line.routes.ts received it. */
  handle(call: {
    method: string;
    path: string;
    authorization: string | undefined;
    retryKey: string | undefined;
    body: unknown;
  }): LineAnswer {
    const token = /^Bearer (\S+)$/.exec(call.authorization ?? '')?.[1];
    const channel = token === undefined ? undefined : this.#byToken(token);
    if (!channel)
      return error(
        401,
        'Authentication failed. Confirm that the access token in the authorization header is valid.',
      );
    if (call.method === 'GET' && call.path === '/v2/bot/info')
      return {
        httpStatus: 200,
        body: {
          userId: channel.userId,
          basicId: channel.basicId,
          displayName: channel.name,
          chatMode: 'bot',
          markAsReadMode: 'auto',
        },
      };
    if (call.method === 'PUT' && call.path === '/v2/bot/channel/webhook/endpoint') {
      const endpoint = z.object({ endpoint: z.url({ protocol: /^https?$/ }).max(500) }).safeParse(call.body);
      if (!endpoint.success) return invalid([{ message: 'Must be a valid HTTPS URL', property: 'endpoint' }]);
      channel.webhookUrl = endpoint.data.endpoint;
      return { httpStatus: 200, body: {} };
    }
    if (call.method === 'GET' && call.path === '/v2/bot/message/quota')
      return {
        httpStatus: 200,
        body:
          channel.monthlyQuota === null ? { type: 'none' } : { type: 'limited', value: channel.monthlyQuota },
      };
    if (call.method === 'GET' && call.path === '/v2/bot/message/quota/consumption')
      return { httpStatus: 200, body: { totalUsage: channel.pushes } };
    if (call.method === 'POST' && call.path === '/v2/bot/message/reply')
      return this.#reply(channel, call.body);
    if (call.method === 'POST' && call.path === '/v2/bot/message/push')
      return this.#push(channel, call.body, call.retryKey);
    return error(404, 'Not found');
  }

  /** `GET /v2/bot/message/{messageId}/content`: what a patient sent, by its message id. */
  content(
    authorization: string | undefined,
    messageId: string,
  ): LineAnswer & { bytes?: Buffer; mimeType?: string } {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const channel = token === undefined ? undefined : this.#byToken(token);
    if (!channel)
      return error(
        401,
        'Authentication failed. Confirm that the access token in the authorization header is valid.',
      );
    const file = channel.content.get(messageId);
    if (!file) return error(404, 'Not found');
    return { httpStatus: 200, body: null, bytes: file.bytes, mimeType: file.mimeType };
  }

  /** The conversation of a person with a channel: what each side sent, oldest first. */
  conversation(channelId: string, personKey: string): Sent[] {
    const userId = this.#persons.get(personKey);
    return (userId ? this.#channel(channelId).users.get(userId)?.messages : undefined) ?? [];
  }

  /** How many push messages the channel sent (they count against the plan's monthly quota). */
  pushCount(channelId: string): number {
    return this.#channel(channelId).pushes;
  }

  userIdOf(personKey: string): string | undefined {
    return this.#persons.get(personKey);
  }

  deliveries(channelId: string): WebhookDeliveryRecord[] {
    return this.#channel(channelId).deliveries;
  }

  /** The simulated patient does something in the LINE app; the event goes to the channel's webhook. */
  async patientActs(channelId: string, input: LinePatientInput): Promise<LinePatientActResult> {
    const parsed = linePatientInputSchema.safeParse(input);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    const { person, action } = parsed.data;
    const channel = this.#channel(channelId);
    const user = this.#user(channel, person.key);
    if (action.type === 'follow' || action.type === 'unfollow') {
      user.blocked = action.type === 'unfollow';
      return this.#deliver(channel, user, { type: action.type }, action.type === 'follow', null);
    }
    if (user.blocked) throw new SimulatorError('conflict', 'person', 'the person blocked this LINE account');
    if (action.type === 'tap') {
      const tapped = tappedAction(user.messages, action.messageId, action.buttonId);
      if (!tapped)
        throw new SimulatorError('invalid_input', 'action.buttonId', 'no such button on that message');
      return this.patientActs(channelId, {
        person,
        action:
          tapped.type === 'postback'
            ? { type: 'postback', data: tapped.data, ...(tapped.label ? { displayText: tapped.label } : {}) }
            : { type: 'text', text: tapped.text },
      });
    }
    if (action.type === 'postback') {
      // The app shows the action's displayText as the person's message; the webhook carries only the data.
      if (action.displayText)
        user.messages.push({
          side: 'patient',
          id: this.#newMessageId(),
          at: this.#now().toISOString(),
          message: { type: 'postback', data: action.data, displayText: action.displayText },
        });
      return this.#deliver(channel, user, { type: 'postback', postback: { data: action.data } }, true, null);
    }
    const id = this.#newMessageId();
    let message: Record<string, unknown>;
    if (action.type === 'text') {
      message = { id, type: 'text', quoteToken: this.#hex(24), text: action.text };
    } else {
      channel.content.set(id, {
        bytes: Buffer.from(action.bytes, 'base64'),
        mimeType: action.mimeType ?? 'image/jpeg',
      });
      message = { id, type: 'image', quoteToken: this.#hex(24), contentProvider: { type: 'line' } };
    }
    user.messages.push({ side: 'patient', id, at: this.#now().toISOString(), message });
    return this.#deliver(channel, user, { type: 'message', message }, true, id);
  }

  #reply(channel: LineChannel, body: unknown): LineAnswer {
    const request = z.object({ replyToken: z.string(), messages: z.array(z.unknown()) }).safeParse(body);
    if (!request.success) return invalid([{ message: 'Must not be empty', property: 'replyToken' }]);
    const held = channel.replyTokens.get(request.data.replyToken);
    if (!held || held.used || held.expiresAt <= this.#now().getTime())
      return error(400, 'Invalid reply token');
    const refused = checkMessages(request.data.messages);
    if (refused) return refused;
    held.used = true;
    return {
      httpStatus: 200,
      body: { sentMessages: this.#send(channel, held.userId, request.data.messages, 'reply') },
    };
  }

  #push(channel: LineChannel, body: unknown, retryKey: string | undefined): LineAnswer {
    if (
      retryKey !== undefined &&
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(retryKey)
    )
      return error(400, "The value for the 'X-Line-Retry-Key' header is invalid");
    const accepted = retryKey === undefined ? undefined : channel.retryKeys.get(retryKey);
    if (accepted !== undefined)
      return {
        httpStatus: 409,
        body: { message: 'The retry key is already accepted' },
        headers: { 'x-line-accepted-request-id': accepted },
      };
    const request = z.object({ to: z.string(), messages: z.array(z.unknown()) }).safeParse(body);
    if (!request.success) return invalid([{ message: 'Must not be empty', property: 'to' }]);
    const user = channel.users.get(request.data.to);
    if (!user) return invalid([{ message: 'Invalid user id', property: 'to' }]);
    const refused = checkMessages(request.data.messages);
    if (refused) return refused;
    if (channel.monthlyQuota !== null && channel.pushes + request.data.messages.length > channel.monthlyQuota)
      return error(429, 'You have reached your monthly limit.');
    // LINE accepts a push to a person who blocked the account, and delivers nothing.
    const sentMessages = user.blocked ? [] : this.#send(channel, user.userId, request.data.messages, 'push');
    channel.pushes += request.data.messages.length;
    if (retryKey !== undefined) channel.retryKeys.set(retryKey, this.#hex(32));
    return { httpStatus: 200, body: { sentMessages } };
  }

  #send(channel: LineChannel, userId: string, messages: unknown[], via: 'reply' | 'push') {
    const user = channel.users.get(userId);
    return messages.map((message) => {
      const id = this.#newMessageId();
      user?.messages.push({
        side: 'bot',
        id,
        at: this.#now().toISOString(),
        message: message as Record<string, unknown>,
        via,
      });
      return { id, quoteToken: this.#hex(24) };
    });
  }

  async #deliver(
    channel: LineChannel,
    user: LineUser,
    content: Record<string, unknown>,
    replyable: boolean,
    messageId: string | null,
  ): Promise<LinePatientActResult> {
    const webhookEventId = this.#ulid();
    const replyToken = replyable ? this.#hex(32) : null;
    if (replyToken)
      channel.replyTokens.set(replyToken, {
        userId: user.userId,
        expiresAt: this.#now().getTime() + LINE_REPLY_TOKEN_TTL_MS,
        used: false,
      });
    const event = {
      ...content,
      mode: 'active',
      timestamp: this.#now().getTime(),
      source: { type: 'user', userId: user.userId },
      webhookEventId,
      deliveryContext: { isRedelivery: false },
      ...(replyToken ? { replyToken } : {}),
    };
    const result = { webhookEventId, messageId, replyToken };
    if (!channel.webhookUrl) return { ...result, httpStatus: null };
    const body = JSON.stringify({ destination: channel.userId, events: [event] });
    const { record, settled } = this.#dispatcher.deliver({
      phoneNumberId: channel.userId,
      url: channel.webhookUrl,
      body,
      signature: '',
      headers: { 'x-line-signature': createHmac('sha256', channel.secret).update(body).digest('base64') },
      event: { kind: 'line_event', webhookEventId, eventType: String(content.type) },
      duplicate: false,
      badSignature: false,
    });
    channel.deliveries.push(record);
    const final = await settled;
    return { ...result, httpStatus: final.attempts.at(-1)?.httpStatus ?? null };
  }

  #user(channel: LineChannel, personKey: string): LineUser {
    let userId = this.#persons.get(personKey);
    if (!userId) {
      userId = `U${this.#hex(32)}`;
      this.#persons.set(personKey, userId);
    }
    let user = channel.users.get(userId);
    if (!user) {
      user = { userId, blocked: false, messages: [] };
      channel.users.set(userId, user);
    }
    return user;
  }

  #channel(channelId: string): LineChannel {
    const channel = this.#channels.get(channelId);
    if (!channel)
      throw new SimulatorError('unknown_number', 'channelId', `no simulated LINE channel '${channelId}'`);
    return channel;
  }

  #byToken(token: string): LineChannel | undefined {
    for (const channel of this.#channels.values()) if (channel.token === token) return channel;
    return undefined;
  }

  #newMessageId(): string {
    this.#nextMessageId += 1n + BigInt(this.#random.below(1000));
    return String(this.#nextMessageId);
  }

  #hex(length: number): string {
    return this.#random
      .bytes(Math.ceil(length / 2))
      .toString('hex')
      .slice(0, length);
  }

  /** A ULID-shaped id (Crockford base32), as LINE's webhookEventId. */
  #ulid(): string {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    return Array.from(this.#random.bytes(26), (byte) => alphabet[byte % 32]).join('');
  }
}

/** What LINE checks of the message objects themselves: 1 to 5, a known type, a text of 1–5,000 characters. */
function checkMessages(messages: unknown[]): LineAnswer | null {
  if (messages.length === 0 || messages.length > 5)
    return invalid([{ message: 'Size must be between 1 and 5', property: 'messages' }]);
  const details: Array<{ message: string; property: string }> = [];
  messages.forEach((item, i) => {
    const message = messageObject.safeParse(item);
    if (!message.success || !MESSAGE_TYPES.has(message.data.type)) {
      details.push({
        message: `Must be one of the following values: [${[...MESSAGE_TYPES].join(', ')}]`,
        property: `messages[${i}].type`,
      });
      return;
    }
    const text = message.data.text;
    if (message.data.type === 'text' && (typeof text !== 'string' || text.length === 0 || text.length > 5000))
      details.push({ message: 'Length must be between 1 and 5000', property: `messages[${i}].text` });
    const items = (message.data.quickReply as { items?: unknown } | undefined)?.items;
    if (Array.isArray(items) && items.length > 13)
      details.push({ message: 'Size must be between 1 and 13', property: `messages[${i}].quickReply.items` });
  });
  return details.length === 0 ? null : invalid(details);
}

const MESSAGE_TYPES = new Set([
  'text',
  'sticker',
  'image',
  'video',
  'audio',
  'location',
  'imagemap',
  'template',
  'flex',
]);

function error(status: number, message: string): LineAnswer {
  return { httpStatus: status, body: { message } };
}

function invalid(details: Array<{ message: string; property: string }>): LineAnswer {
  return {
    httpStatus: 400,
    body: { message: `The request body has ${details.length} error(s)`, details },
  };
}

/** The action of a button the bot sent (a template's or a quick reply's), by message id and button id. */
function tappedAction(
  messages: readonly Sent[],
  messageId: string,
  buttonId: string,
): { type: 'postback'; data: string; label: string | null } | { type: 'message'; text: string } | undefined {
  const sent = messages.find((m) => m.side === 'bot' && m.id === messageId);
  if (!sent) return undefined;
  for (const action of lineActionsOf(sent.message)) {
    if (action.type === 'postback' && action.data === buttonId)
      return { type: 'postback', data: action.data, label: action.displayText ?? action.label ?? null };
    if (action.type === 'message' && action.text === buttonId) return { type: 'message', text: action.text };
  }
  return undefined;
}

function accountView(channel: LineChannel): PhoneAppAccount {
  return { app: 'line', accountId: channel.userId, name: channel.name, handle: channel.basicId };
}
