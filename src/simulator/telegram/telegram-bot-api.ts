import {
  arrayParam,
  badRequest,
  forbidden,
  notFound,
  numberParam,
  objectParam,
  ok,
  stringParam,
  type TelegramAnswer,
  tooManyRequests,
  unauthorized,
} from './telegram-answers.ts';
import { type FileResolver, inlineKeyboardOf, sendContent } from './telegram-content.ts';
import type { BotState, ChatState, TelegramFile } from './telegram-state.ts';
import { chatView, messageIn, type TelegramWorld } from './telegram-world.ts';

/** A file part of a multipart call. */
export interface TelegramUpload {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
}

export interface BotApiCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
  uploads: ReadonlyMap<string, TelegramUpload>;
}

const SEND_METHODS = new Set([
  'sendmessage',
  'sendphoto',
  'senddocument',
  'sendvoice',
  'sendaudio',
  'sendvideo',
  'sendsticker',
  'sendlocation',
  'sendvenue',
  'sendcontact',
]);

const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Answers one Bot API call as Telegram does. Method names are case-insensitive; `onWebhookSet` is told
 * when a webhook is set, so updates kept meanwhile go out.
 */
export function answerBotApiCall(
  world: TelegramWorld,
  call: BotApiCall,
  onWebhookSet: (bot: BotState) => void,
): TelegramAnswer {
  const bot = world.botByToken(call.token);
  if (!bot) return unauthorized();
  const method = call.method.toLowerCase();
  const { params } = call;
  if (SEND_METHODS.has(method)) return send(world, bot, method, call);
  switch (method) {
    case 'getme':
      return ok({
        ...bot.user,
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      });
    case 'setwebhook':
      return setWebhook(bot, params, onWebhookSet);
    case 'deletewebhook': {
      const had = bot.webhook !== null;
      bot.webhook = null;
      if (params.drop_pending_updates === true || params.drop_pending_updates === 'true')
        bot.pendingUpdates = [];
      return ok(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
    }
    case 'getwebhookinfo':
      return ok({
        url: bot.webhook?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: bot.pendingUpdates.length,
        ...(bot.webhook ? { max_connections: 40 } : {}),
      });
    case 'getfile':
      return getFile(world, bot, params);
    case 'answercallbackquery':
      return answerCallbackQuery(bot, params);
    case 'setmessagereaction':
      return setMessageReaction(bot, params);
    default:
      return notFound();
  }
}

function send(world: TelegramWorld, bot: BotState, method: string, call: BotApiCall): TelegramAnswer {
  const { params } = call;
  const chat = chatOf(bot, params.chat_id);
  if ('httpStatus' in chat) return chat;
  if (chat.blocked) return forbidden('bot was blocked by the user');
  const keyboard = inlineKeyboardOf(params);
  if (!keyboard.ok) return keyboard.answer;
  const reply = replyOf(chat, params);
  if (!reply.ok) return reply.answer;
  const content = sendContent(method, params, fileResolver(world, bot, call));
  if (!content.ok) return content.answer;
  const wait = world.floodWait(bot, chat);
  if (wait > 0) return tooManyRequests(wait);
  const message = {
    message_id: chat.nextMessageId++,
    from: bot.user,
    chat: chatView(chat),
    date: world.seconds(),
    ...reply.fields,
    ...content.content,
    ...(keyboard.keyboard ? { reply_markup: keyboard.keyboard } : {}),
  };
  chat.messages.push({ side: 'bot', message, method, reaction: null, edited: false });
  return ok(message);
}

function chatOf(bot: BotState, value: unknown): ChatState | TelegramAnswer {
  const raw = stringParam(value);
  if (raw === undefined || raw === '') return badRequest('chat_id is empty');
  const chat = /^-?\d{1,20}$/.test(raw) ? bot.chats.get(Number(raw)) : undefined;
  // A bot cannot start a chat: until the person writes to it, Telegram knows no chat between them.
  return chat ?? badRequest('chat not found');
}

/** `reply_parameters` (or the older `reply_to_message_id`): the quoted message, as Telegram nests it. */
function replyOf(
  chat: ChatState,
  params: Record<string, unknown>,
): { ok: true; fields: Record<string, unknown> } | { ok: false; answer: TelegramAnswer } {
  const parameters = objectParam(params.reply_parameters);
  const messageId = numberParam(parameters?.message_id ?? params.reply_to_message_id);
  if (messageId === undefined) return { ok: true, fields: {} };
  const quoted = messageIn(chat, messageId);
  if (quoted) {
    const { reply_to_message: _nested, ...plain } = quoted;
    return { ok: true, fields: { reply_to_message: plain } };
  }
  const allow = parameters?.allow_sending_without_reply ?? params.allow_sending_without_reply;
  return allow === true || allow === 'true'
    ? { ok: true, fields: {} }
    : { ok: false, answer: badRequest('message to be replied not found') };
}

function fileResolver(world: TelegramWorld, bot: BotState, call: BotApiCall): FileResolver {
  return (field, defaults) => {
    const given = stringParam(call.params[field]);
    const attached = given?.startsWith('attach://')
      ? call.uploads.get(given.slice('attach://'.length))
      : undefined;
    const upload = call.uploads.get(field) ?? attached;
    if (upload) {
      const extension = upload.fileName.includes('.')
        ? (upload.fileName.split('.').pop() ?? '')
        : defaults.extension;
      return world.addFile({
        botId: bot.user.id,
        folder: defaults.folder,
        extension,
        bytes: upload.bytes,
        url: null,
        mimeType:
          upload.mimeType && upload.mimeType !== 'application/octet-stream'
            ? upload.mimeType
            : defaults.mimeType,
        fileName: upload.fileName,
      });
    }
    if (given === undefined || given === '') return badRequest(`there is no ${field} in the request`);
    const known = world.fileOf(bot.user.id, given);
    if (known) return known;
    if (/^https?:\/\/[^\s]+$/i.test(given)) {
      // Telegram fetches the URL itself; the stand-in keeps the link, not the bytes.
      const name = new URL(given).pathname.split('/').pop() || null;
      return world.addFile({ ...defaults, botId: bot.user.id, bytes: null, url: given, fileName: name });
    }
    return badRequest('wrong file identifier/HTTP URL specified');
  };
}

function setWebhook(
  bot: BotState,
  params: Record<string, unknown>,
  onWebhookSet: (bot: BotState) => void,
): TelegramAnswer {
  const url = stringParam(params.url) ?? '';
  if (url === '') {
    bot.webhook = null;
    return ok(true, 'Webhook was deleted');
  }
  // Telegram wants HTTPS on ports 443/80/88/8443; the stand-in also takes plain http, for a Careline on this machine.
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  }
  const secret = stringParam(params.secret_token);
  if (secret !== undefined && !SECRET_TOKEN.test(secret))
    return badRequest('secret token contains unallowed characters');
  if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') bot.pendingUpdates = [];
  const wasSet = bot.webhook?.url === url && bot.webhook.secretToken === (secret ?? null);
  bot.webhook = { url, secretToken: secret ?? null };
  onWebhookSet(bot);
  return ok(true, wasSet ? 'Webhook is already set' : 'Webhook was set');
}

function getFile(world: TelegramWorld, bot: BotState, params: Record<string, unknown>): TelegramAnswer {
  const file: TelegramFile | undefined = world.fileOf(bot.user.id, stringParam(params.file_id) ?? '');
  if (!file) return badRequest('invalid file_id');
  return ok({
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    ...(file.bytes ? { file_size: file.bytes.length } : {}),
    file_path: file.filePath,
  });
}

function answerCallbackQuery(bot: BotState, params: Record<string, unknown>): TelegramAnswer {
  const id = stringParam(params.callback_query_id) ?? '';
  for (const chat of bot.chats.values()) {
    const query = chat.callbackQueries.get(id);
    if (!query) continue;
    if (query.answered) break;
    query.answered = true;
    query.text = stringParam(params.text) ?? null;
    return ok(true);
  }
  return badRequest('query is too old and response timeout expired or query ID is invalid');
}

function setMessageReaction(bot: BotState, params: Record<string, unknown>): TelegramAnswer {
  const chat = chatOf(bot, params.chat_id);
  if ('httpStatus' in chat) return chat;
  const messageId = numberParam(params.message_id);
  const entry = chat.messages.find((candidate) => candidate.message.message_id === messageId);
  if (!entry) return badRequest('message to react not found');
  const reactions = params.reaction === undefined ? [] : arrayParam(params.reaction);
  if (!reactions) return badRequest("can't parse reaction types JSON object");
  const first = objectParam(reactions[0]);
  if (first !== undefined && (first.type !== 'emoji' || typeof first.emoji !== 'string')) {
    return badRequest('REACTION_INVALID');
  }
  entry.reaction = typeof first?.emoji === 'string' ? first.emoji : null;
  return ok(true);
}
