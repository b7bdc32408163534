import type { Conversation, Sender } from '../inbound-event.ts';
import type { TelegramChat, TelegramUser } from './telegram-update.schema.ts';

/**
 * A Telegram user as a sender. Telegram never gives a phone number with a message (only a shared contact
 * card carries one), so `phone` is null; BSUIDs are WhatsApp's.
 */
export function senderOfUser(user: TelegramUser): Sender {
  return {
    id: String(user.id),
    phone: null,
    bsuid: null,
    parentBsuid: null,
    name: joinedName(user.first_name, user.last_name),
    username: user.username,
  };
}

/**
 * A chat as a sender: anonymous group admins and channels write as `sender_chat`, anonymous reactions
 * come from `actor_chat`. The chat's title is its name (a private chat has a person's names instead).
 */
export function senderOfChat(chat: TelegramChat): Sender {
  return {
    id: String(chat.id),
    phone: null,
    bsuid: null,
    parentBsuid: null,
    name: chat.title ?? joinedName(chat.first_name, chat.last_name),
    username: chat.username,
  };
}

export function conversationOf(chat: TelegramChat): Conversation {
  return { type: chat.type, id: String(chat.id) };
}

/** `first_name + " " + last_name`, as the corpus specifies; either may be missing. */
export function joinedName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter((part) => part !== null && part.trim() !== '').join(' ');
  return name === '' ? null : name;
}
