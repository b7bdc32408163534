import { findUnstorableText } from '../../platform/text/storable-text.ts';
import type {
  ChannelExtras,
  InboundEvent,
  LifecycleEvent,
  MediaKind,
  MessageContent,
  OtherEvent,
  Sender,
} from '../inbound-event.ts';
import { describeIssues } from '../schema-issues.ts';
import {
  eventEnvelopeSchema,
  followSchema,
  type LineEventEnvelope,
  type LineMessage,
  type LineSource,
  lineId,
  messageSchema,
  postbackSchema,
  unsendSchema,
} from './line-webhook.schema.ts';

/** The chat an event happened in; its id is null when LINE names none Careline can read. */
export interface LineConversation {
  type: string;
  id: string | null;
}

/** What every LINE event carries besides its content (MANIFEST.md: `replyToken`, `webhookEventId`...). */
type LineExtras = Required<Pick<ChannelExtras, 'replyToken' | 'webhookEventId' | 'redelivery' | 'mode'>>;

/** A LINE event Careline does not act on (join, beacon, an unknown type), with the chat it came from. */
export type LineOtherEvent = OtherEvent & LineExtras & { conversation?: LineConversation };

/** `follow` says whether it was an unblock (`follow.isUnblocked`); the port's lifecycle has no such key. */
export type LineLifecycleEvent = LifecycleEvent & { isUnblocked?: boolean };

/**
 * A LINE Messaging API webhook body `{destination, events[]}` (already JSON-parsed and untrusted) as
 * channel-neutral events, one per LINE event in their order. It never throws: a body it cannot read, or
 * an event it does not handle, is an `other` event saying why. `destination` (the bot's user id) is the
 * events' `accountId`; an empty `events` list (the console's "Verify") is no event at all.
 *
 * A message, postback, edit or unsend without a user id (a group member who has not agreed to share it,
 * an unknown source type) names no one Careline could answer: it is an `other` event, not a message.
 */
export function parseLineWebhook(body: unknown): InboundEvent[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return [other(null, null, 'not a LINE webhook body: not an object')];
  const destination = Reflect.get(body, 'destination');
  const accountId = lineId.safeParse(destination).data ?? null;
  const events = Reflect.get(body, 'events');
  if (!Array.isArray(events)) return [other(accountId, null, 'not a LINE webhook body: no events list')];
  return events.map((event) => refuseUnstorable(parseEvent(accountId, event)));
}

function parseEvent(accountId: string | null, value: unknown): InboundEvent {
  const envelope = eventEnvelopeSchema.safeParse(value);
  if (!envelope.success) {
    const type = typeof value === 'object' && value !== null ? Reflect.get(value, 'type') : null;
    const rawType = typeof type === 'string' && /^[A-Za-z]{1,64}$/.test(type) ? type : null;
    return {
      ...other(accountId, rawType, `unreadable event: ${describeIssues(envelope.error)}`),
      ...(rawType !== null && PATIENT_TYPES.has(rawType) ? { fromPatient: true } : {}),
    };
  }
  const event = envelope.data;
  const context = contextOf(accountId, event);
  switch (event.type) {
    case 'message':
      return parseMessage(context, event, value, 'message');
    case 'messageEdited':
      return parseMessage(context, event, value, 'message_edited');
    case 'postback':
      return parsePostback(context, event, value);
    case 'unsend':
      return parseUnsend(context, event, value);
    case 'follow':
    case 'unfollow':
      return parseFollow(context, event, value);
    default:
      // join, leave, memberJoined, memberLeft, beacon, accountLink, videoPlayComplete, module and
      // membership events, and types LINE adds later: not a patient's conversation with the clinic.
      return otherOf(context, event.type, 'event type not handled');
  }
}

/** What every event of one body shares, read once. */
interface EventContext {
  accountId: string | null;
  timestamp: string;
  conversation: LineConversation;
  userId: string | null;
  extras: LineExtras;
}

function contextOf(accountId: string | null, event: LineEventEnvelope): EventContext {
  const source = event.source;
  return {
    accountId,
    timestamp: event.timestamp,
    conversation: conversationOf(source),
    userId: source?.userId ?? null,
    extras: {
      replyToken: event.replyToken,
      webhookEventId: event.webhookEventId,
      redelivery: event.deliveryContext?.isRedelivery ?? null,
      mode: event.mode ?? null,
    },
  };
}

function conversationOf(source: LineSource | undefined): LineConversation {
  if (source === undefined) return { type: 'unknown', id: null };
  const id =
    source.type === 'group'
      ? source.groupId
      : source.type === 'room'
        ? source.roomId
        : source.type === 'user'
          ? source.userId
          : null;
  return { type: source.type, id };
}

function senderOf(userId: string): Sender {
  // LINE webhooks carry no profile: the name comes from the profile API, which Careline does not call.
  return { id: userId, phone: null, bsuid: null, parentBsuid: null, name: null, username: null };
}

/** The chat, where it has an id (the port's `conversation` has one always). */
function knownConversation(conversation: LineConversation): { conversation?: { type: string; id: string } } {
  return conversation.id === null ? {} : { conversation: { type: conversation.type, id: conversation.id } };
}

function parseMessage(
  context: EventContext,
  event: LineEventEnvelope,
  value: unknown,
  kind: 'message' | 'message_edited',
): InboundEvent {
  const parsed = messageSchema.safeParse(Reflect.get(value as object, 'message'));
  if (!parsed.success)
    return refusedPatientItem(context, event.type, `message: ${describeIssues(parsed.error)}`);
  const message = parsed.data;
  if (context.userId === null)
    return otherOf(context, event.type, 'message without a user id', message.id, true);
  const common = {
    channel: 'line' as const,
    accountId: context.accountId,
    externalId: message.id,
    timestamp: context.timestamp,
    from: senderOf(context.userId),
    ...knownConversation(context.conversation),
    ...context.extras,
    ...contentOf(message),
  };
  if (kind === 'message_edited') return { kind, ...common, originalId: message.id };
  return { kind, ...common, replyTo: message.quotedMessageId, forwarded: null, errors: [] };
}

const MEDIA_KINDS: Readonly<Record<string, MediaKind>> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'document',
};

function contentOf(message: LineMessage): MessageContent {
  const none = { text: null, media: [] };
  // An own key only: a type named `constructor` finds nothing here.
  const mediaKind = Object.hasOwn(MEDIA_KINDS, message.type) ? MEDIA_KINDS[message.type] : undefined;
  if (mediaKind !== undefined) {
    const provider = message.contentProvider?.type ?? null;
    return {
      type: mediaKind,
      rawType: message.type,
      text: null,
      media: [
        {
          kind: mediaKind,
          // Content sent through LINE is fetched by the message's id; an external one by its URL.
          id: message.id,
          url: provider === 'external' ? (message.contentProvider?.originalContentUrl ?? null) : null,
          mimeType: null,
          sha256: null,
          fileName: message.fileName,
          provider,
        },
      ],
    };
  }
  switch (message.type) {
    case 'text':
      if (message.text === undefined) return { type: 'unsupported', rawType: 'text', ...none };
      return { type: 'text', rawType: 'text', text: message.text, media: [] };
    case 'sticker':
      if (message.stickerId === null) return { type: 'unsupported', rawType: 'sticker', ...none };
      return {
        type: 'sticker',
        rawType: 'sticker',
        text: message.text ?? null,
        media: [
          {
            kind: 'sticker',
            id: message.stickerId,
            url: null,
            mimeType: null,
            sha256: null,
            fileName: null,
            ...(message.packageId !== null ? { packageId: message.packageId } : {}),
          },
        ],
      };
    case 'location':
      if (message.latitude === undefined || message.longitude === undefined)
        return { type: 'unsupported', rawType: 'location', ...none };
      return {
        type: 'location',
        rawType: 'location',
        ...none,
        location: {
          latitude: message.latitude,
          longitude: message.longitude,
          name: message.title,
          address: message.address,
          url: null,
        },
      };
    default:
      return { type: 'unsupported', rawType: message.type, ...none };
  }
}

/** A tap on a button Careline sent (buttons template, quick reply): `data` is the button's id. */
function parsePostback(context: EventContext, event: LineEventEnvelope, value: unknown): InboundEvent {
  const parsed = postbackSchema.safeParse(Reflect.get(value as object, 'postback'));
  if (!parsed.success)
    return refusedPatientItem(context, event.type, `postback: ${describeIssues(parsed.error)}`);
  if (context.userId === null) return otherOf(context, event.type, 'postback without a user id', null, true);
  return {
    kind: 'message',
    channel: 'line',
    accountId: context.accountId,
    // A postback has no message id: the event's own id (LINE's key to tell redeliveries apart) stands
    // for it, else the ingest gives it one of its own.
    externalId: context.extras.webhookEventId,
    timestamp: context.timestamp,
    from: senderOf(context.userId),
    ...knownConversation(context.conversation),
    ...context.extras,
    type: 'button_reply',
    rawType: 'postback',
    // LINE does not send the button's label back.
    text: null,
    media: [],
    reply: { id: parsed.data.data, title: null, description: null, params: parsed.data.params },
    replyTo: null,
    forwarded: null,
    errors: [],
  };
}

function parseUnsend(context: EventContext, event: LineEventEnvelope, value: unknown): InboundEvent {
  const parsed = unsendSchema.safeParse(Reflect.get(value as object, 'unsend'));
  if (!parsed.success)
    return refusedPatientItem(context, event.type, `unsend: ${describeIssues(parsed.error)}`);
  if (context.userId === null) return otherOf(context, event.type, 'unsend without a user id');
  return {
    kind: 'message_deleted',
    channel: 'line',
    accountId: context.accountId,
    externalId: null,
    timestamp: context.timestamp,
    from: senderOf(context.userId),
    ...knownConversation(context.conversation),
    ...context.extras,
    originalId: parsed.data.messageId,
  };
}

/** Friend added or unblocked (`follow`, which may be answered), blocked (`unfollow`: stop writing). */
function parseFollow(context: EventContext, event: LineEventEnvelope, value: unknown): InboundEvent {
  const detail = followSchema.parse(Reflect.get(value as object, 'follow'));
  const lifecycle: LineLifecycleEvent = {
    kind: 'lifecycle',
    channel: 'line',
    accountId: context.accountId,
    event: event.type === 'follow' ? 'follow' : 'unfollow',
    user: { id: context.userId },
    ...knownConversation(context.conversation),
    timestamp: context.timestamp,
    ...context.extras,
    ...(detail?.isUnblocked !== undefined ? { isUnblocked: detail.isUnblocked } : {}),
  };
  return lifecycle;
}

/** Kinds whose refusal an operator hears of: a patient wrote, tapped or took something back. */
const PATIENT_TYPES: ReadonlySet<string> = new Set(['message', 'messageEdited', 'postback', 'unsend']);

function other(accountId: string | null, rawType: string | null, reason: string): OtherEvent {
  return { kind: 'other', channel: 'line', accountId, rawType, reason };
}

function otherOf(
  context: EventContext,
  rawType: string,
  reason: string,
  externalId: string | null = null,
  fromPatient = false,
): LineOtherEvent {
  return {
    ...other(context.accountId, rawType, reason),
    conversation: context.conversation,
    timestamp: context.timestamp,
    ...context.extras,
    ...(externalId !== null ? { externalId } : {}),
    ...(fromPatient ? { fromPatient } : {}),
  };
}

function refusedPatientItem(context: EventContext, rawType: string, reason: string): LineOtherEvent {
  return otherOf(context, rawType, reason, null, true);
}

/**
 * The last line behind the schemas, which strip or refuse what PostgreSQL cannot store field by field:
 * an event that still carries such a character is refused, saying where.
 */
function refuseUnstorable(event: InboundEvent): InboundEvent {
  const where = findUnstorableText(event, event.kind);
  if (where === null) return event;
  return {
    ...other(event.accountId, event.kind, `unstorable characters in ${where}`),
    ...(event.kind === 'other' ? {} : { fromPatient: true }),
  };
}
