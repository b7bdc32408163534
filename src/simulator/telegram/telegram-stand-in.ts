import type { PhoneAppAccount, PhoneAppItem } from '../phone-app-view.ts';
import type { RandomSource } from '../random-source.ts';
import { SimulatorError } from '../simulator-error.ts';
import type { WebhookDeliveryRecord, WebhookDispatcher } from '../webhook-dispatcher.ts';
import type { TelegramAnswer } from './telegram-answers.ts';
import { answerBotApiCall, type BotApiCall } from './telegram-bot-api.ts';
import { photoSizes } from './telegram-content.ts';
import { telegramConversationView } from './telegram-conversation-view.ts';
import {
  type PatientActResult,
  type Person,
  splitName,
  type TelegramPatientInput,
  telegramPatientInputSchema,
} from './telegram-patient.ts';
import type { BotState, ChatState, TelegramMessage, TelegramUser } from './telegram-state.ts';
import { chatView, DEFAULT_TELEGRAM_LIMITS, type TelegramLimits, TelegramWorld } from './telegram-world.ts';

export interface TelegramStandInOptions {
  now: () => Date;
  random: RandomSource;
  dispatcher: WebhookDispatcher;
  limits?: Partial<TelegramLimits>;
}

export interface TelegramBotInput {
  /** BotFather's token: the bot id, a colon, then 20 or more of A–Z a–z 0–9 _ -. */
  token: string;
  name?: string;
  username?: string;
}

const BOT_TOKEN = /^(\d{1,20}):[A-Za-z0-9_-]{20,100}$/;

/**
 * Plays Telegram's Bot API for Careline's bots: the methods Careline calls, files, setWebhook, and the
 * patients' side (messages, button taps, edits, blocking) delivered as Updates to the bot's webhook with
 * its secret token, retried until acknowledged. Knows nothing of Fastify; telegram.routes.ts adapts it.
 */
export class TelegramStandIn {
  readonly #world: TelegramWorld;
  readonly #dispatcher: WebhookDispatcher;
  readonly #persons = new Map<string, TelegramUser>();

  constructor(options: TelegramStandInOptions) {
    this.#world = new TelegramWorld(options.now, options.random, {
      ...DEFAULT_TELEGRAM_LIMITS,
      ...options.limits,
    });
    this.#dispatcher = options.dispatcher;
  }

  /** Adds a bot, or renames it (keeping its chats and webhook) when its token is known. */
  registerBot(input: TelegramBotInput): PhoneAppAccount {
    const match = BOT_TOKEN.exec(input.token);
    if (!match?.[1])
      throw new SimulatorError(
        'invalid_input',
        'token',
        'a bot token looks like 123456:ABC-DEF… (20+ characters after the colon)',
      );
    const id = Number(match[1]);
    const name = input.name ?? 'Careline bot';
    const username = input.username ?? `careline_${id}_bot`;
    const existing = this.#world.bots.get(id);
    if (existing) {
      existing.token = input.token;
      existing.user = { ...existing.user, first_name: name, username };
      return accountView(existing);
    }
    const bot: BotState = {
      user: { id, is_bot: true, first_name: name, username },
      token: input.token,
      webhook: null,
      nextUpdateId: 100_000_000 + this.#world.random.below(800_000_000),
      chats: new Map(),
      pendingUpdates: [],
      deliveries: [],
    };
    this.#world.bots.set(id, bot);
    return accountView(bot);
  }

  bots(): PhoneAppAccount[] {
    return [...this.#world.bots.values()].map(accountView);
  }

  /** `POST /bot<token>/<method>`. */
  handleMethod(call: BotApiCall): TelegramAnswer {
    return answerBotApiCall(this.#world, call, (bot) => this.#flushPending(bot));
  }

  /** `GET /file/bot<token>/<file_path>`: the bytes, labelled as Telegram's file server labels them. */
  downloadFile(token: string, filePath: string): { httpStatus: number; bytes?: Buffer } {
    const bot = this.#world.botByToken(token);
    if (!bot) return { httpStatus: 401 };
    for (const file of this.#world.files.values()) {
      if (file.botId === bot.user.id && file.filePath === filePath && file.bytes)
        return { httpStatus: 200, bytes: file.bytes };
    }
    return { httpStatus: 404 };
  }

  /** The chat of a person with a bot, as the demo phone shows it ([] before they first write). */
  conversation(botId: string, personKey: string): PhoneAppItem[] {
    const bot = this.#bot(botId);
    const user = this.#persons.get(personKey);
    const chat = user ? bot.chats.get(user.id) : undefined;
    return chat ? telegramConversationView(chat.messages) : [];
  }

  /** The chat's messages as Telegram's Message objects (tests, and the control API's raw view). */
  messages(botId: string, personKey: string): TelegramMessage[] {
    const bot = this.#bot(botId);
    const user = this.#persons.get(personKey);
    return (user ? (bot.chats.get(user.id)?.messages ?? []) : []).map((entry) => entry.message);
  }

  /** The person's Telegram user (their id is the chat id the bot sends to), once they wrote. */
  userOf(personKey: string): TelegramUser | undefined {
    return this.#persons.get(personKey);
  }

  deliveries(botId: string): WebhookDeliveryRecord[] {
    return this.#bot(botId).deliveries;
  }

  /** Whether the bot answered the callback query (Telegram shows a spinner on the button until it does). */
  callbackAnswered(botId: string, queryId: string): boolean | undefined {
    for (const chat of this.#bot(botId).chats.values()) {
      const query = chat.callbackQueries.get(queryId);
      if (query) return query.answered;
    }
    return undefined;
  }

  /** The simulated patient does something in the Telegram app; Updates go to the bot's webhook. */
  async patientActs(botId: string, input: TelegramPatientInput): Promise<PatientActResult> {
    const parsed = telegramPatientInputSchema.safeParse(input);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    const { person, action, start } = parsed.data;
    const bot = this.#bot(botId);
    const user = this.#personUser(person);
    let chat = bot.chats.get(user.id);
    if (!chat) {
      chat = {
        user,
        personKey: person.key,
        nextMessageId: 1,
        blocked: false,
        messages: [],
        callbackQueries: new Map(),
      };
      bot.chats.set(user.id, chat);
      if (start !== false && action.type !== 'block') {
        await this.#deliver(
          bot,
          'message',
          this.#patientMessage(chat, {
            text: '/start',
            entities: [{ type: 'bot_command', offset: 0, length: 6 }],
          }),
        );
      }
    }
    switch (action.type) {
      case 'text':
        return this.#deliver(bot, 'message', this.#patientMessage(chat, { text: action.text }));
      case 'photo': {
        const file = this.#world.addFile({
          botId: bot.user.id,
          folder: 'photos',
          extension: 'jpg',
          bytes: Buffer.from(action.bytes, 'base64'),
          url: null,
          mimeType: action.mimeType ?? 'image/jpeg',
          fileName: null,
        });
        return this.#deliver(
          bot,
          'message',
          this.#patientMessage(chat, {
            photo: photoSizes(file),
            ...(action.caption ? { caption: action.caption } : {}),
          }),
        );
      }
      case 'voice': {
        const bytes = Buffer.from(action.bytes, 'base64');
        const file = this.#world.addFile({
          botId: bot.user.id,
          folder: 'voice',
          extension: 'oga',
          bytes,
          url: null,
          mimeType: action.mimeType ?? 'audio/ogg',
          fileName: null,
        });
        const voice = {
          file_id: file.fileId,
          file_unique_id: file.fileUniqueId,
          duration: action.duration ?? 1,
          mime_type: file.mimeType,
          file_size: bytes.length,
        };
        return this.#deliver(bot, 'message', this.#patientMessage(chat, { voice }));
      }
      case 'location':
        return this.#deliver(
          bot,
          'message',
          this.#patientMessage(chat, {
            location: { latitude: action.latitude, longitude: action.longitude },
          }),
        );
      case 'tap':
        return this.#tap(bot, chat, Number(action.messageId), action.buttonId);
      case 'edit':
        return this.#edit(bot, chat, Number(action.messageId), action.text);
      case 'block':
      case 'unblock':
        return this.#setBlocked(bot, chat, action.type === 'block');
    }
  }

  #tap(bot: BotState, chat: ChatState, messageId: number, data: string): Promise<PatientActResult> {
    const entry = chat.messages.find(
      (candidate) => candidate.side === 'bot' && candidate.message.message_id === messageId,
    );
    if (!entry)
      throw new SimulatorError(
        'unknown_message',
        'messageId',
        `no message ${messageId} of the bot in this chat`,
      );
    if (!hasButton(entry.message.reply_markup, data))
      throw new SimulatorError(
        'invalid_input',
        'buttonId',
        'no button with this callback_data under the message',
      );
    const id = this.#world.newCallbackQueryId();
    chat.callbackQueries.set(id, { answered: false, text: null });
    const callback_query = {
      id,
      from: chat.user,
      message: entry.message,
      chat_instance: `${bot.user.id}${chat.user.id}`.slice(0, 19),
      data,
    };
    return this.#deliver(bot, 'callback_query', callback_query, String(messageId));
  }

  #edit(bot: BotState, chat: ChatState, messageId: number, text: string): Promise<PatientActResult> {
    const entry = chat.messages.find(
      (candidate) => candidate.side === 'patient' && candidate.message.message_id === messageId,
    );
    if (!entry || typeof entry.message.text !== 'string')
      throw new SimulatorError(
        'unknown_message',
        'messageId',
        `no text message ${messageId} of the patient in this chat`,
      );
    entry.message = { ...entry.message, text, edit_date: this.#world.seconds() };
    entry.edited = true;
    return this.#deliver(bot, 'edited_message', entry.message, String(messageId));
  }

  #setBlocked(bot: BotState, chat: ChatState, blocked: boolean): Promise<PatientActResult> {
    const before = chat.blocked ? 'kicked' : 'member';
    chat.blocked = blocked;
    const after = blocked ? 'kicked' : 'member';
    const my_chat_member = {
      chat: chatView(chat),
      from: chat.user,
      date: this.#world.seconds(),
      old_chat_member: { user: bot.user, status: before, ...(before === 'kicked' ? { until_date: 0 } : {}) },
      new_chat_member: { user: bot.user, status: after, ...(after === 'kicked' ? { until_date: 0 } : {}) },
    };
    return this.#deliver(bot, 'my_chat_member', my_chat_member);
  }

  #patientMessage(chat: ChatState, content: Record<string, unknown>): TelegramMessage {
    const message: TelegramMessage = {
      message_id: chat.nextMessageId++,
      from: chat.user,
      chat: chatView(chat),
      date: this.#world.seconds(),
      ...content,
    };
    chat.messages.push({ side: 'patient', message, reaction: null, edited: false });
    return message;
  }

  /** Posts one Update (or keeps it while no webhook is set) and waits for Careline's last answer. */
  async #deliver(bot: BotState, kind: string, value: unknown, messageId?: string): Promise<PatientActResult> {
    const updateId = bot.nextUpdateId++;
    const update = { update_id: updateId, [kind]: value };
    const id = messageId ?? (isMessage(value) ? String(value.message_id) : null);
    if (!bot.webhook) {
      bot.pendingUpdates.push({ updateId, kind, update });
      return { updateId, messageId: id, httpStatus: null };
    }
    const record = await this.#post(bot, update, kind, updateId);
    return { updateId, messageId: id, httpStatus: record.attempts.at(-1)?.httpStatus ?? null };
  }

  #post(bot: BotState, update: unknown, kind: string, updateId: number): Promise<WebhookDeliveryRecord> {
    const webhook = bot.webhook;
    if (!webhook) throw new SimulatorError('conflict', 'webhook', 'the bot has no webhook');
    const { record, settled } = this.#dispatcher.deliver({
      phoneNumberId: String(bot.user.id),
      url: webhook.url,
      body: JSON.stringify(update),
      signature: '',
      headers: webhook.secretToken === null ? {} : { 'x-telegram-bot-api-secret-token': webhook.secretToken },
      event: { kind: 'telegram_update', updateId, updateKind: kind },
      duplicate: false,
      badSignature: false,
      onAnswer: (answer) => this.#runAnswerMethod(bot, answer),
    });
    bot.deliveries.push(record);
    return settled;
  }

  /**
   * Telegram runs the Bot API method a webhook's answer names in `method`, with the answer's other fields
   * as its parameters; it reports no result, so neither does this.
   */
  #runAnswerMethod(bot: BotState, answer: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
    const { method, ...params } = parsed as Record<string, unknown>;
    if (typeof method !== 'string') return;
    answerBotApiCall(this.#world, { token: bot.token, method, params, uploads: new Map() }, (set) =>
      this.#flushPending(set),
    );
  }

  /** Telegram keeps updates while no webhook is set and sends them once one is. */
  #flushPending(bot: BotState): void {
    const pending = bot.pendingUpdates;
    bot.pendingUpdates = [];
    for (const { update, kind, updateId } of pending) void this.#post(bot, update, kind, updateId);
  }

  #personUser(person: Person): TelegramUser {
    const known = this.#persons.get(person.key);
    const { first, last } = splitName(person.name);
    const user: TelegramUser = {
      id: known?.id ?? this.#world.newUserId(),
      is_bot: false,
      first_name: first,
      ...(last ? { last_name: last } : {}),
      language_code: 'fr',
    };
    this.#persons.set(person.key, user);
    return user;
  }

  #bot(botId: string): BotState {
    const bot = this.#world.bots.get(Number(botId));
    if (!bot || !/^\d{1,20}$/.test(botId))
      throw new SimulatorError('unknown_number', 'botId', `no simulated Telegram bot '${botId}'`);
    return bot;
  }
}

function accountView(bot: BotState): PhoneAppAccount {
  return {
    app: 'telegram',
    accountId: String(bot.user.id),
    name: bot.user.first_name,
    handle: `@${bot.user.username}`,
  };
}

function hasButton(markup: unknown, data: string): boolean {
  if (typeof markup !== 'object' || markup === null || !('inline_keyboard' in markup)) return false;
  const rows = markup.inline_keyboard;
  return (
    Array.isArray(rows) &&
    rows.some(
      (row) =>
        Array.isArray(row) &&
        row.some(
          (button) =>
            typeof button === 'object' &&
            button !== null &&
            'callback_data' in button &&
            button.callback_data === data,
        ),
    )
  );
}

function isMessage(value: unknown): value is { message_id: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'message_id' in value &&
    typeof value.message_id === 'number'
  );
}
