import { findUnstorableText } from '../../platform/text/storable-text.ts';
import { systemClock } from '../../platform/time/clock.ts';
import type {
  InboundEvent,
  InboundMessageEvent,
  LifecycleEvent,
  LifecycleUser,
  MessageEditedEvent,
  ReactionEvent,
} from '../inbound-event.ts';
import { telegramMessageContent } from './telegram-message-content.ts';
import { describeIssues, otherEvent, refusedPatientItem } from './telegram-other-event.ts';
import { conversationOf, senderOfChat, senderOfUser } from './telegram-people.ts';
import {
  callbackQuerySchema,
  chatMemberUpdatedSchema,
  messageReactionSchema,
  messageSchema,
  type TelegramMessage,
  updateEnvelopeSchema,
} from './telegram-update.schema.ts';

/**
 * A `my_chat_member` change as the corpus spells it: the user with the same keys as a sender, and the
 * bot's old and new membership status (the port's `LifecycleUser` has no username; this adds it).
 */
export interface TelegramLifecycleEvent extends LifecycleEvent {
  user: LifecycleUser & { phone: null; bsuid: null; username: string | null };
  oldStatus: string;
  newStatus: string;
}

/**
 * A Telegram Bot API `Update` (one webhook delivery, already JSON-parsed and untrusted) as channel-neutral
 * events. Telegram sends one update per delivery, so this is at most one event; it never throws: a body
 * it cannot read, or a kind it does not handle, is an `other` event saying why.
 *
 * `receivedAt` dates a button tap: a `callback_query` carries no date of its own, and Telegram delivers
 * it at once, so the moment it is parsed is within seconds of the tap.
 */
export function parseTelegramUpdate(
  body: unknown,
  receivedAt: () => Date = () => systemClock.now(),
): InboundEvent[] {
  const envelope = updateEnvelopeSchema.safeParse(body);
  if (!envelope.success)
    return [otherEvent(null, `not a Telegram update: ${describeIssues(envelope.error)}`)];
  const updateId = envelope.data.update_id;
  const kinds = Object.keys(envelope.data).filter((key) => key !== 'update_id');
  const kind = kinds[0];
  if (kind === undefined) return [otherEvent(null, 'update without content', updateId)];
  if (kinds.length > 1) return [otherEvent(null, 'update with several kinds', updateId)];
  const value = envelope.data[kind];
  return [refuseUnstorable(parseKind(safeKind(kind), value, updateId, receivedAt))];
}

function parseKind(kind: string, value: unknown, updateId: number, receivedAt: () => Date): InboundEvent {
  switch (kind) {
    case 'message':
      return parseMessage(value, updateId);
    case 'edited_message':
      return parseEditedMessage(value, updateId);
    case 'callback_query':
      return parseCallbackQuery(value, updateId, receivedAt);
    case 'message_reaction':
      return parseReaction(value, updateId);
    case 'my_chat_member':
      return parseMyChatMember(value, updateId);
    default:
      // Channel posts, business messages, group member changes, polls, payments...: not a patient's
      // conversation with the clinic's bot, or not handled yet.
      return otherEvent(kind, 'update kind not handled', updateId);
  }
}

function parseMessage(value: unknown, updateId: number): InboundEvent {
  const parsed = messageSchema.safeParse(value);
  if (!parsed.success) return refusedPatientItem('message', describeIssues(parsed.error), updateId);
  const message = parsed.data;
  const event: InboundMessageEvent = {
    kind: 'message',
    channel: 'telegram',
    accountId: null,
    // Unique only within its chat: stored with `conversation.id`.
    externalId: String(message.message_id),
    timestamp: message.date,
    from: senderOf(message),
    conversation: conversationOf(message.chat),
    updateId,
    ...telegramMessageContent(message),
    replyTo: message.reply_to_message ? String(message.reply_to_message.message_id) : null,
    // Telegram says a message was forwarded, never how often: there is no "frequently forwarded".
    forwarded:
      message.forward_origin !== undefined || message.forward_date !== undefined ? 'forwarded' : null,
    errors: [],
  };
  return event;
}

function parseEditedMessage(value: unknown, updateId: number): InboundEvent {
  const parsed = messageSchema.safeParse(value);
  if (!parsed.success) return refusedPatientItem('edited_message', describeIssues(parsed.error), updateId);
  const message = parsed.data;
  const event: MessageEditedEvent = {
    kind: 'message_edited',
    channel: 'telegram',
    accountId: null,
    externalId: String(message.message_id),
    originalId: String(message.message_id),
    timestamp: message.edit_date ?? message.date,
    from: senderOf(message),
    conversation: conversationOf(message.chat),
    updateId,
    ...telegramMessageContent(message),
  };
  return event;
}

/**
 * A tap on an inline-keyboard button: a `button_reply` whose id is the button's `callback_data` and whose
 * title is the button's text, found in the keyboard of the message it was under. A tap has no message id
 * of its own, so `externalId` is the callback query's id (unique across Telegram) and `replyTo` the
 * message that carried the keyboard.
 */
function parseCallbackQuery(value: unknown, updateId: number, receivedAt: () => Date): InboundEvent {
  const parsed = callbackQuerySchema.safeParse(value);
  if (!parsed.success) return refusedPatientItem('callback_query', describeIssues(parsed.error), updateId);
  const query = parsed.data;
  // Game buttons send `game_short_name` instead of data: not something Careline ever sends.
  if (query.data === undefined) return otherEvent('callback_query', 'callback query without data', updateId);
  const keyboardMessage = messageSchema.safeParse(query.message).data;
  const title = keyboardMessage ? buttonTitle(keyboardMessage, query.data) : null;
  const event: InboundMessageEvent = {
    kind: 'message',
    channel: 'telegram',
    accountId: null,
    externalId: query.id,
    timestamp: receivedAt().toISOString(),
    from: senderOfUser(query.from),
    ...(keyboardMessage ? { conversation: conversationOf(keyboardMessage.chat) } : {}),
    updateId,
    type: 'button_reply',
    rawType: 'callback_query',
    text: title,
    media: [],
    reply: { id: query.data, title, description: null },
    replyTo: keyboardMessage ? String(keyboardMessage.message_id) : null,
    forwarded: null,
    errors: [],
  };
  return event;
}

function buttonTitle(message: TelegramMessage, data: string): string | null {
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    for (const button of row) if (button.callback_data === data) return button.text;
  }
  return null;
}

/**
 * A change of a user's reactions to a message. Telegram sends the whole new set (premium users may
 * set several); the emoji that was added is the one reported, an empty set is a removal (`emoji: null`).
 */
function parseReaction(value: unknown, updateId: number): InboundEvent {
  const parsed = messageReactionSchema.safeParse(value);
  if (!parsed.success) return refusedPatientItem('message_reaction', describeIssues(parsed.error), updateId);
  const reaction = parsed.data;
  const emojis = (list: typeof reaction.new_reaction) =>
    list.flatMap((item) => (item.type === 'emoji' && item.emoji !== null ? [item.emoji] : []));
  const before = emojis(reaction.old_reaction);
  const after = emojis(reaction.new_reaction);
  // Custom emoji and paid (star) reactions have no emoji to show.
  if (reaction.new_reaction.length > 0 && after.length === 0) {
    return otherEvent('message_reaction', 'reaction without a standard emoji', updateId);
  }
  const actor = reaction.user
    ? senderOfUser(reaction.user)
    : senderOfChat(reaction.actor_chat ?? reaction.chat);
  const event: ReactionEvent = {
    kind: 'reaction',
    channel: 'telegram',
    accountId: null,
    externalId: null,
    updateId,
    from: actor,
    conversation: conversationOf(reaction.chat),
    timestamp: reaction.date,
    targetId: String(reaction.message_id),
    emoji: after.find((emoji) => !before.includes(emoji)) ?? after[0] ?? null,
  };
  return event;
}

/** The bot's own membership: in a private chat, `kicked` is the user blocking the bot, `member` unblocking. */
const FOLLOWING = new Set(['member', 'administrator', 'creator']);
const NOT_FOLLOWING = new Set(['kicked', 'left']);

function parseMyChatMember(value: unknown, updateId: number): InboundEvent {
  const parsed = chatMemberUpdatedSchema.safeParse(value);
  if (!parsed.success) return otherEvent('my_chat_member', describeIssues(parsed.error), updateId);
  const change = parsed.data;
  const oldStatus = change.old_chat_member.status;
  const newStatus = change.new_chat_member.status;
  const lifecycle =
    NOT_FOLLOWING.has(newStatus) && !NOT_FOLLOWING.has(oldStatus)
      ? 'unfollow'
      : FOLLOWING.has(newStatus) && !FOLLOWING.has(oldStatus)
        ? 'follow'
        : null;
  // Promotions and restrictions change what the bot may do, not whether the user hears from it.
  if (lifecycle === null) return otherEvent('my_chat_member', 'membership change not handled', updateId);
  const sender = senderOfUser(change.from);
  const event: TelegramLifecycleEvent = {
    kind: 'lifecycle',
    channel: 'telegram',
    accountId: null,
    event: lifecycle,
    updateId,
    user: { id: sender.id, phone: null, bsuid: null, name: sender.name, username: sender.username },
    conversation: conversationOf(change.chat),
    oldStatus,
    newStatus,
    timestamp: change.date,
  };
  return event;
}

function senderOf(message: TelegramMessage) {
  // Anonymous admins and channels write as `sender_chat`; `from` then holds a placeholder bot.
  if (message.sender_chat) return senderOfChat(message.sender_chat);
  return message.from ? senderOfUser(message.from) : senderOfChat(message.chat);
}

/** An update kind is a key of the sender's body: only a plain field name is passed on. */
function safeKind(kind: string): string {
  return /^[a-z_]{1,64}$/.test(kind) ? kind : 'unknown';
}

/** What a patient sends: refusing one of these is an operator's business. */
const PATIENT_KINDS: ReadonlySet<InboundEvent['kind']> = new Set(['message', 'reaction', 'message_edited']);

/**
 * The last line behind the schemas, which strip or refuse what PostgreSQL cannot store field by field:
 * an event that still carries such a character is refused, saying where.
 */
function refuseUnstorable(event: InboundEvent): InboundEvent {
  const where = findUnstorableText(event, event.kind);
  if (where === null) return event;
  const updateId = 'updateId' in event && typeof event.updateId === 'number' ? event.updateId : undefined;
  const reason = `unstorable characters in ${where}`;
  if (updateId !== undefined && PATIENT_KINDS.has(event.kind))
    return refusedPatientItem(event.kind, reason, updateId);
  return otherEvent(event.kind, reason, updateId);
}
