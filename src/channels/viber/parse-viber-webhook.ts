import { findUnstorableText } from '../../platform/text/storable-text.ts';
import type {
  InboundEvent,
  LifecycleEvent,
  MediaKind,
  MessageContent,
  OtherEvent,
  StatusEvent,
} from '../inbound-event.ts';
import { describeIssues } from '../schema-issues.ts';
import { buttonIdsOf } from './viber-tracking-data.ts';
import {
  messageSchema,
  optMessageToken,
  optUnixMillis,
  userSchema,
  type ViberMessage,
  type ViberUser,
  viberId,
} from './viber-webhook.schema.ts';

/** `conversation_started` also says what opened the chat (`context`) and whether the user subscribed. */
export type ViberLifecycleEvent = LifecycleEvent & { context?: string | null; subscribed?: boolean | null };

/**
 * A Viber callback body (read by readViberJson, untrusted) as channel-neutral events: one callback is
 * one event. It never throws: a body it cannot read, or an event it does not act on (the `webhook`
 * check set_webhook triggers, `client_status`, a name Viber adds later), is an `other` event saying why.
 * Viber names no account in its callbacks: the account is the one whose URL received it.
 */
export function parseViberWebhook(body: unknown): InboundEvent[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return [other(null, 'not a Viber callback: not an object')];
  return [refuseUnstorable(parseEvent(body))];
}

function parseEvent(body: object): InboundEvent {
  const event = Reflect.get(body, 'event');
  // A name, never free text: it is logged and shown to operators.
  const name = typeof event === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(event) ? event : null;
  const externalId = optMessageToken.parse(Reflect.get(body, 'message_token'));
  const timestamp = optUnixMillis.parse(Reflect.get(body, 'timestamp'));
  const field = (key: string): unknown => Reflect.get(body, key);
  switch (name) {
    case 'message':
      return parseMessage(field, externalId, timestamp);
    case 'subscribed':
    case 'conversation_started':
      return parseUserEvent(name, field, externalId, timestamp);
    case 'unsubscribed': {
      const userId = viberId.safeParse(field('user_id'));
      if (!userId.success)
        return otherOf(name, `user_id: ${describeIssues(userId.error)}`, externalId, timestamp);
      return lifecycle('unsubscribe', { id: userId.data }, externalId, timestamp);
    }
    case 'delivered':
    case 'seen':
    case 'failed':
      return parseStatus(name, field, externalId, timestamp);
    default:
      // `webhook` (the check set_webhook triggers), `client_status`, `action`, names Viber adds later.
      return otherOf(
        name,
        name === 'webhook' ? 'the webhook check of set_webhook' : 'event not handled',
        externalId,
        timestamp,
      );
  }
}

type Field = (key: string) => unknown;

function parseMessage(field: Field, externalId: string | null, timestamp: string | null): InboundEvent {
  const sender = userSchema.safeParse(field('sender'));
  if (!sender.success)
    return otherOf('message', `sender: ${describeIssues(sender.error)}`, externalId, timestamp, true);
  const message = messageSchema.safeParse(field('message'));
  if (!message.success)
    return otherOf('message', `message: ${describeIssues(message.error)}`, externalId, timestamp, true);
  if (externalId === null || timestamp === null)
    return otherOf('message', 'message without a message_token or a timestamp', externalId, timestamp, true);
  return {
    kind: 'message',
    channel: 'viber',
    accountId: null,
    externalId,
    timestamp,
    from: {
      id: sender.data.id,
      phone: null,
      bsuid: null,
      parentBsuid: null,
      name: sender.data.name,
      username: null,
    },
    ...contentOf(message.data),
    replyTo: null,
    forwarded: null,
    errors: [],
    trackingData: message.data.tracking_data,
  };
}

const MEDIA_KINDS: Readonly<Record<string, MediaKind>> = {
  picture: 'image',
  video: 'video',
  file: 'document',
};

function contentOf(message: ViberMessage): MessageContent {
  const none = { text: null, media: [] };
  const text = message.text ?? null;
  const mediaKind = Object.hasOwn(MEDIA_KINDS, message.type) ? MEDIA_KINDS[message.type] : undefined;
  if (mediaKind !== undefined) {
    if (message.media === null) return { type: 'unsupported', rawType: message.type, ...none };
    return {
      type: mediaKind,
      rawType: message.type,
      // A picture's or a video's caption.
      text: mediaKind === 'document' ? null : text,
      media: [
        {
          kind: mediaKind,
          // Viber gives no id: the file is fetched from the URL it gave, while that URL lasts.
          id: null,
          url: message.media,
          mimeType: null,
          sha256: null,
          fileName: message.file_name,
          ...(message.thumbnail !== null ? { thumbnail: message.thumbnail } : {}),
        },
      ],
    };
  }
  switch (message.type) {
    case 'text': {
      if (text === null) return { type: 'unsupported', rawType: 'text', ...none };
      // A tap on a keyboard Careline sent: the button's id comes back as the text.
      const buttons = buttonIdsOf(message.tracking_data);
      if (buttons.includes(text))
        return {
          type: 'button_reply',
          rawType: 'text',
          text: null,
          media: [],
          reply: { id: text, title: null, description: null },
        };
      return { type: 'text', rawType: 'text', text, media: [] };
    }
    case 'url':
      if (message.media === null) return { type: 'unsupported', rawType: 'url', ...none };
      return { type: 'text', rawType: 'url', text: message.media, media: [] };
    case 'sticker':
      if (message.sticker_id === undefined) return { type: 'unsupported', rawType: 'sticker', ...none };
      return {
        type: 'sticker',
        rawType: 'sticker',
        text: null,
        media: [
          {
            kind: 'sticker',
            id: String(message.sticker_id),
            url: message.media,
            mimeType: null,
            sha256: null,
            fileName: null,
          },
        ],
      };
    case 'location':
      if (message.location === undefined) return { type: 'unsupported', rawType: 'location', ...none };
      return {
        type: 'location',
        rawType: 'location',
        ...none,
        location: {
          latitude: message.location.lat,
          longitude: message.location.lon,
          name: null,
          address: text,
          url: null,
        },
      };
    case 'contact':
      if (message.contact === undefined) return { type: 'unsupported', rawType: 'contact', ...none };
      return {
        type: 'contacts',
        rawType: 'contact',
        ...none,
        contacts: [
          {
            name: message.contact.name,
            phones: [{ phone: message.contact.phone_number, waId: null, type: null }],
          },
        ],
      };
    default:
      return { type: 'unsupported', rawType: message.type, ...none };
  }
}

function parseUserEvent(
  name: 'subscribed' | 'conversation_started',
  field: Field,
  externalId: string | null,
  timestamp: string | null,
): InboundEvent {
  const user = userSchema.safeParse(field('user'));
  if (!user.success) return otherOf(name, `user: ${describeIssues(user.error)}`, externalId, timestamp);
  if (name === 'subscribed') return lifecycle('subscribe', userOf(user.data), externalId, timestamp);
  const context = field('context');
  const subscribed = field('subscribed');
  const started: ViberLifecycleEvent = {
    ...lifecycle('conversation_started', userOf(user.data), externalId, timestamp),
    context: typeof context === 'string' && context.length <= 1024 ? context : null,
    subscribed: typeof subscribed === 'boolean' ? subscribed : null,
  };
  return started;
}

function userOf(user: ViberUser): LifecycleEvent['user'] {
  return { id: user.id, name: user.name, country: user.country, language: user.language };
}

function lifecycle(
  event: 'subscribe' | 'unsubscribe' | 'conversation_started',
  user: LifecycleEvent['user'],
  externalId: string | null,
  timestamp: string | null,
): LifecycleEvent {
  return { kind: 'lifecycle', channel: 'viber', accountId: null, event, user, externalId, timestamp };
}

const STATUSES = { delivered: 'delivered', seen: 'read', failed: 'failed' } as const;

function parseStatus(
  name: keyof typeof STATUSES,
  field: Field,
  externalId: string | null,
  timestamp: string | null,
): InboundEvent {
  const userId = viberId.safeParse(field('user_id'));
  if (!userId.success)
    return otherOf(name, `user_id: ${describeIssues(userId.error)}`, externalId, timestamp);
  if (externalId === null || timestamp === null)
    return otherOf(name, 'status without a message_token or a timestamp', externalId, timestamp);
  const desc = field('desc');
  const status: StatusEvent = {
    kind: 'status',
    channel: 'viber',
    accountId: null,
    externalId,
    recipient: { id: userId.data, phone: null, bsuid: null },
    status: STATUSES[name],
    timestamp,
    errorCode: null,
    errors: [],
    conversation: null,
    pricing: null,
    bizOpaqueCallbackData: null,
    errorDescription: name === 'failed' && typeof desc === 'string' ? desc.slice(0, 1024) : null,
  };
  return status;
}

function other(rawType: string | null, reason: string): OtherEvent {
  return { kind: 'other', channel: 'viber', accountId: null, rawType, reason };
}

function otherOf(
  rawType: string | null,
  reason: string,
  externalId: string | null,
  timestamp: string | null,
  fromPatient = false,
): OtherEvent {
  return {
    ...other(rawType, reason),
    externalId,
    timestamp,
    ...(fromPatient ? { fromPatient } : {}),
  };
}

/** The last line behind the schemas: an event that still carries what PostgreSQL cannot store is refused. */
function refuseUnstorable(event: InboundEvent): InboundEvent {
  const where = findUnstorableText(event, event.kind);
  if (where === null) return event;
  return {
    ...other(event.kind, `unstorable characters in ${where}`),
    ...(event.kind === 'other' ? {} : { fromPatient: true }),
  };
}
