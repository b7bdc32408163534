import type { z } from 'zod';
import type {
  InboundEvent,
  InboundMessageEvent,
  MessageDeletedEvent,
  MessageEchoEvent,
  MessageEditedEvent,
  ReactionEvent,
} from '../inbound-event.ts';
import { eventBase, type MessagingFrame, senderOf } from './messaging-frame.ts';
import { describeIssues, type EntryScope, otherEvent, refusedPatientItem } from './messenger-other-event.ts';
import {
  messageEditSchema,
  messageSchema,
  messagingFrameSchema,
  postbackSchema,
  reactionSchema,
  wireName,
} from './messenger-wire.schema.ts';
import { parseMessageContent } from './parse-message-content.ts';
import { parseLifecycle, parseStatus } from './parse-receipts-and-lifecycle.ts';

type EventParser = (value: unknown, frame: MessagingFrame, scope: EntryScope) => InboundEvent;

/**
 * The event keys of a `messaging[]` item, in the order they are looked for. Meta sends exactly one per
 * item; should one ever carry two, the patient's own words (message, tap) win over receipts.
 */
const EVENT_PARSERS: ReadonlyArray<readonly [string, EventParser]> = [
  ['message', parseMessage],
  ['message_edit', parseMessageEdit],
  ['postback', parsePostback],
  ['reaction', parseReaction],
  ['delivery', (value, frame, scope) => parseStatus('delivery', value, frame, scope)],
  ['read', (value, frame, scope) => parseStatus('read', value, frame, scope)],
  ['optin', (value, frame, scope) => parseLifecycle('optin', value, frame, scope)],
  ['referral', (value, frame, scope) => parseLifecycle('referral', value, frame, scope)],
  ['account_linking', (value, frame, scope) => parseLifecycle('account_linking', value, frame, scope)],
];

const FRAME_KEYS: ReadonlySet<string> = new Set(['sender', 'recipient', 'timestamp']);

/** One `messaging[]` (or `standby[]`) item as one event; anything unreadable is an `other` event. */
export function parseMessagingItem(raw: unknown, scope: EntryScope): InboundEvent {
  const frame = messagingFrameSchema.safeParse(raw);
  if (!frame.success) return otherEvent(scope, 'messaging', `malformed item: ${describeIssues(frame.error)}`);
  for (const [key, parse] of EVENT_PARSERS) {
    const value = frame.data[key];
    if (value !== undefined) return parse(value, frame.data, scope);
  }
  const unknownKey = Object.keys(frame.data).find((key) => !FRAME_KEYS.has(key));
  return otherEvent(scope, wireName(unknownKey) ?? 'messaging', 'messaging event not handled', {
    timestamp: frame.data.timestamp,
  });
}

function parseMessage(value: unknown, frame: MessagingFrame, scope: EntryScope): InboundEvent {
  const parsed = messageSchema.safeParse(value);
  if (!parsed.success) {
    return refusedPatientItem(scope, 'message', `malformed message: ${describeIssues(parsed.error)}`);
  }
  const message = parsed.data;
  const timestamp = frame.timestamp ?? scope.time;
  if (message.is_echo === true) return parseEcho(message, frame, scope, timestamp);
  const from = senderOf(frame);
  const refusal = { externalId: message.mid, timestamp };
  if (from === null) return refusedPatientItem(scope, 'message', 'message names no sender', refusal);
  if (timestamp === null) return refusedPatientItem(scope, 'message', 'message has no time', refusal);
  if (message.is_deleted === true) {
    if (message.mid === null) return otherEvent(scope, 'message/deleted', 'deletion names no message');
    const event: MessageDeletedEvent = {
      kind: 'message_deleted',
      ...eventBase(scope),
      externalId: null,
      timestamp,
      from,
      originalId: message.mid,
    };
    return event;
  }
  const event: InboundMessageEvent = {
    kind: 'message',
    ...eventBase(scope),
    externalId: message.mid,
    timestamp,
    from,
    ...parseMessageContent(message),
    replyTo: message.reply_to?.mid ?? null,
    forwarded: null,
    errors: [],
  };
  return event;
}

/** A copy of what the Page or account sent from another app (Meta Business Suite, the Instagram app). */
function parseEcho(
  message: z.output<typeof messageSchema>,
  frame: MessagingFrame,
  scope: EntryScope,
  timestamp: string | null,
): InboundEvent {
  const to = frame.recipient?.id ?? null;
  if (to === null || timestamp === null) {
    return otherEvent(scope, 'message/echo', 'echo names no recipient or time', { externalId: message.mid });
  }
  const event: MessageEchoEvent = {
    kind: 'message_echo',
    ...eventBase(scope),
    externalId: message.mid,
    timestamp,
    to: { id: to, phone: null, bsuid: null },
    ...parseMessageContent(message),
  };
  return event;
}

function parseMessageEdit(value: unknown, frame: MessagingFrame, scope: EntryScope): InboundEvent {
  const parsed = messageEditSchema.safeParse(value);
  const from = senderOf(frame);
  const timestamp = frame.timestamp ?? scope.time;
  if (!parsed.success || from === null || timestamp === null) {
    const why = parsed.success ? 'edit names no sender or time' : describeIssues(parsed.error);
    return refusedPatientItem(scope, 'message_edit', `malformed edit: ${why}`, { timestamp });
  }
  const event: MessageEditedEvent = {
    kind: 'message_edited',
    ...eventBase(scope),
    // Meta gives an edit no id of its own: the message keeps its mid.
    externalId: null,
    timestamp,
    from,
    originalId: parsed.data.mid,
    type: 'text',
    rawType: 'message_edit',
    text: parsed.data.text,
    media: [],
  };
  return event;
}

/** A tapped postback button (button template, Get Started, persistent menu, Instagram ice breakers). */
function parsePostback(value: unknown, frame: MessagingFrame, scope: EntryScope): InboundEvent {
  const parsed = postbackSchema.safeParse(value);
  const from = senderOf(frame);
  const timestamp = frame.timestamp ?? scope.time;
  if (!parsed.success || from === null || timestamp === null) {
    const why = parsed.success ? 'postback names no sender or time' : describeIssues(parsed.error);
    return refusedPatientItem(scope, 'postback', `malformed postback: ${why}`, { timestamp });
  }
  const { mid, title, payload } = parsed.data;
  const event: InboundMessageEvent = {
    kind: 'message',
    ...eventBase(scope),
    externalId: mid,
    timestamp,
    from,
    type: 'button_reply',
    rawType: 'postback',
    text: title,
    media: [],
    reply: { id: payload, title, description: null },
    replyTo: null,
    forwarded: null,
    errors: [],
  };
  return event;
}

/**
 * Meta's reaction names, for the rare payload that gives the name without the emoji. A Map: a name
 * read from the body must not find what every object inherits (`constructor`, `__proto__`).
 */
const REACTION_EMOJI: ReadonlyMap<string, string> = new Map([
  ['love', '❤️'],
  ['like', '👍'],
  ['smile', '😆'],
  ['wow', '😮'],
  ['sad', '😢'],
  ['angry', '😠'],
  ['dislike', '👎'],
]);

function parseReaction(value: unknown, frame: MessagingFrame, scope: EntryScope): InboundEvent {
  const parsed = reactionSchema.safeParse(value);
  const from = senderOf(frame);
  const timestamp = frame.timestamp ?? scope.time;
  if (!parsed.success || from === null || timestamp === null) {
    const why = parsed.success ? 'reaction names no sender or time' : describeIssues(parsed.error);
    return refusedPatientItem(scope, 'reaction', `malformed reaction: ${why}`, { timestamp });
  }
  const { mid, action } = parsed.data;
  // An empty emoji or name (or one that was only NULs) says nothing: as if absent, never a blank reaction.
  const emoji = parsed.data.emoji === '' ? null : parsed.data.emoji;
  const reaction = parsed.data.reaction === '' ? null : parsed.data.reaction;
  const removed = action === 'unreact';
  const event: ReactionEvent = {
    kind: 'reaction',
    ...eventBase(scope),
    // A Messenger reaction has no id of its own.
    externalId: null,
    timestamp,
    from,
    targetId: mid,
    emoji: removed
      ? null
      : (emoji ?? (reaction === null ? null : (REACTION_EMOJI.get(reaction) ?? reaction))),
  };
  return event;
}
