import { type RandomSource, randomDigits } from '../random-source.ts';
import { TokenBuckets } from '../token-buckets.ts';
import type { BotState, ChatState, TelegramFile, TelegramMessage } from './telegram-state.ts';

/**
 * Telegram's flood limits as the FAQ gives them (channels.md §5, verify): about 30 messages a second
 * per bot, and about one a second per chat, bursts tolerated. `perChatBurst` is how many may go at once.
 */
export interface TelegramLimits {
  perBotPerSecond: number;
  perChatPerSecond: number;
  perChatBurst: number;
}

export const DEFAULT_TELEGRAM_LIMITS: TelegramLimits = {
  perBotPerSecond: 30,
  perChatPerSecond: 1,
  perChatBurst: 3,
};

export interface FileInput {
  botId: number;
  folder: string;
  extension: string;
  bytes: Buffer | null;
  url: string | null;
  mimeType: string;
  fileName: string | null;
}

/** Everything the Telegram stand-in knows: bots by token and id, files, and flood buckets. */
export class TelegramWorld {
  readonly bots = new Map<number, BotState>();
  readonly files = new Map<string, TelegramFile>();
  readonly buckets = new TokenBuckets();
  readonly now: () => Date;
  readonly random: RandomSource;
  readonly limits: TelegramLimits;
  #nextFile = 1;

  constructor(now: () => Date, random: RandomSource, limits: TelegramLimits) {
    this.now = now;
    this.random = random;
    this.limits = limits;
  }

  botByToken(token: string): BotState | undefined {
    const id = Number(/^(\d{1,20}):/.exec(token)?.[1]);
    const bot = this.bots.get(id);
    return bot?.token === token ? bot : undefined;
  }

  seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  addFile(input: FileInput): TelegramFile {
    const number = this.#nextFile++;
    const file: TelegramFile = {
      fileId: `BQACAgQAAxkBAA${this.random.bytes(27).toString('base64url')}`,
      fileUniqueId: `AgAD${this.random.bytes(9).toString('base64url')}`,
      botId: input.botId,
      filePath: `${input.folder}/file_${number}${input.extension ? `.${input.extension}` : ''}`,
      bytes: input.bytes,
      url: input.url,
      mimeType: input.mimeType,
      fileName: input.fileName,
    };
    this.files.set(file.fileId, file);
    return file;
  }

  /** A file the bot may use by id (file ids are per bot); a photo's small size resolves to the photo. */
  fileOf(botId: number, fileId: string): TelegramFile | undefined {
    const file = this.files.get(fileId) ?? this.files.get(fileId.replace(/-s$/, ''));
    return file?.botId === botId ? file : undefined;
  }

  /** Seconds to wait before this chat may get another message, or 0 (and the send is counted). */
  floodWait(bot: BotState, chat: ChatState): number {
    const { perBotPerSecond, perChatPerSecond, perChatBurst } = this.limits;
    const now = this.now();
    const botWait = this.buckets.waitMs(`bot:${bot.user.id}`, perBotPerSecond, perBotPerSecond / 1000, now);
    if (botWait > 0) return Math.ceil(botWait / 1000);
    const chatWait = this.buckets.waitMs(
      `chat:${bot.user.id}:${chat.user.id}`,
      perChatBurst,
      perChatPerSecond / 1000,
      now,
    );
    return chatWait > 0 ? Math.ceil(chatWait / 1000) : 0;
  }

  newCallbackQueryId(): string {
    return randomDigits(this.random, 19);
  }

  newUserId(): number {
    return Number(randomDigits(this.random, 10));
  }
}

/** A message the chat holds, by its id. */
export function messageIn(chat: ChatState, messageId: number): TelegramMessage | undefined {
  return chat.messages.find((entry) => entry.message.message_id === messageId)?.message;
}

export function chatView(chat: ChatState): TelegramMessage['chat'] {
  return {
    id: chat.user.id,
    type: 'private',
    first_name: chat.user.first_name,
    ...(chat.user.last_name ? { last_name: chat.user.last_name } : {}),
    ...(chat.user.username ? { username: chat.user.username } : {}),
  };
}
