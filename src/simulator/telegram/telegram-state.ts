import type { WebhookDeliveryRecord } from '../webhook-dispatcher.ts';

/** A Bot API `User` (field names as Telegram spells them). */
export interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** A Bot API `Message`, as the stand-in builds it: the common keys typed, the content keys loose. */
export type TelegramMessage = {
  message_id: number;
  from: TelegramUser;
  chat: { id: number; type: 'private'; first_name: string; last_name?: string; username?: string };
  date: number;
} & Record<string, unknown>;

/** One message of a chat, with what happened to it since. */
export interface ChatMessage {
  side: 'bot' | 'patient';
  message: TelegramMessage;
  /** The Bot API method that sent it (bot messages). */
  method?: string;
  /** The bot's reaction to a patient's message (setMessageReaction), or the patient's to a bot's. */
  reaction: string | null;
  edited: boolean;
}

export interface ChatState {
  user: TelegramUser;
  personKey: string;
  /** In a private chat, both sides' messages share one counter. */
  nextMessageId: number;
  blocked: boolean;
  messages: ChatMessage[];
  /** Callback queries the bot was sent, and whether it answered them (answerCallbackQuery). */
  callbackQueries: Map<string, { answered: boolean; text: string | null }>;
}

export interface BotState {
  user: TelegramUser & { is_bot: true; username: string };
  token: string;
  webhook: { url: string; secretToken: string | null } | null;
  nextUpdateId: number;
  chats: Map<number, ChatState>;
  /** Updates made while no webhook was set: Telegram keeps them until one is (or they are dropped). */
  pendingUpdates: PendingUpdate[];
  deliveries: WebhookDeliveryRecord[];
}

/** A file Telegram holds: one the bot uploaded or a patient sent (bytes), or one given by URL. */
export interface TelegramFile {
  fileId: string;
  fileUniqueId: string;
  botId: number;
  filePath: string;
  bytes: Buffer | null;
  url: string | null;
  mimeType: string;
  fileName: string | null;
}

export interface PendingUpdate {
  updateId: number;
  kind: string;
  update: Record<string, unknown>;
}
