import type { InlineKeyboardMarkup, Opts, ReplyParameters } from '@grammyjs/types';
import type { AdapterSendOptions, MediaFile } from '../channel-adapter.ts';
import type { LimitViolation, MediaRef, OutboundMessage } from '../outbound-message.ts';
import { checkTelegramLimits } from './check-telegram-limits.ts';
import { TELEGRAM_CAPABILITIES, TELEGRAM_LIMITS } from './telegram-capabilities.ts';
import {
  buttonsKeyboard,
  composeInteractiveText,
  linkKeyboard,
  listKeyboard,
  vcardOf,
} from './telegram-message-parts.ts';
import { telegramReactionEmoji } from './telegram-reaction-emoji.ts';

/** The Bot API methods Careline sends with. */
export type TelegramSendMethod =
  | 'sendMessage'
  | 'sendPhoto'
  | 'sendVideo'
  | 'sendAudio'
  | 'sendVoice'
  | 'sendDocument'
  | 'sendSticker'
  | 'sendLocation'
  | 'sendVenue'
  | 'sendContact'
  | 'setMessageReaction';

/**
 * One Bot API call, its parameters typed by @grammyjs/types. A file to upload stands where the Bot API
 * takes "InputFile or String" (`photo`, `document`...): `encodeTelegramBody` then sends the call as
 * multipart/form-data; otherwise it is JSON.
 */
export type TelegramCall = {
  [M in TelegramSendMethod]: { method: M; params: Opts<MediaFile>[M] };
}[TelegramSendMethod];

export type TelegramBuild = { ok: true; call: TelegramCall } | { ok: false; violations: LimitViolation[] };

type Message<T extends OutboundMessage['type']> = Extract<OutboundMessage, { type: T }>;
type BuildOptions = Pick<AdapterSendOptions, 'replyToExternalId' | 'loadMedia'>;

/**
 * The Bot API call that sends `message` to `chatId`, or what Telegram would refuse in it, by field.
 * `{url}` media are passed as the URL (Telegram fetches it), `{providerMediaId}` as the Telegram file id
 * of a file it already has, and a Careline `{mediaId}` is loaded and uploaded.
 */
export async function buildTelegramRequest(
  chatId: string,
  message: OutboundMessage,
  options: BuildOptions,
): Promise<TelegramBuild> {
  const violations = checkTelegramLimits(message);
  if (violations.length > 0) return { ok: false, violations };
  const reply = replyParameters(options.replyToExternalId);
  const media = (ref: MediaRef, kind: UploadKind) => resolveMedia(ref, kind, options);
  switch (message.type) {
    case 'text':
      return built({
        method: 'sendMessage',
        params: {
          chat_id: chatId,
          text: message.text,
          // Like WhatsApp's `preview_url`, a link preview is shown only when asked for.
          ...(message.previewUrl === true ? {} : { link_preview_options: { is_disabled: true } }),
          ...reply,
        },
      });
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'sticker':
      return buildMedia(chatId, message, reply, media);
    case 'location':
      return built(locationCall(chatId, message, reply));
    case 'contacts':
      return buildContact(chatId, message, reply);
    case 'reaction':
      return buildReaction(chatId, message);
    case 'buttons':
      return buildInteractive(chatId, message, buttonsKeyboard(message), reply, media);
    case 'list':
      return buildInteractive(chatId, message, listKeyboard(message), reply, media);
    case 'ctaUrl':
      return buildInteractive(chatId, message, linkKeyboard(message), reply, media);
    case 'template':
      // checkTelegramLimits refuses templates; this keeps the switch exhaustive.
      return { ok: false, violations: [{ field: 'type', limit: 'Telegram has no message templates' }] };
  }
}

function built(call: TelegramCall): TelegramBuild {
  return { ok: true, call };
}

/**
 * Quotes the message by its Telegram id. A quote that is gone (deleted since) must not lose the
 * message, hence `allow_sending_without_reply`; an id that is not Telegram's is not quoted at all.
 */
function replyParameters(externalId: string | null): { reply_parameters?: ReplyParameters } {
  const messageId = externalId === null ? null : telegramMessageId(externalId);
  if (messageId === null) return {};
  return { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}

/**
 * Telegram's message id in the id Careline stores: `<chat id>:<message id>` (message ids are unique
 * only within a chat, see qualified-external-id.ts), or the bare message id. Null when it is neither.
 */
export function telegramMessageId(externalId: string): number | null {
  const match = /^(?:-?\d{1,20}:)?(\d{1,15})$/.exec(externalId);
  return match?.[1] === undefined ? null : Number(match[1]);
}

type UploadKind = 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker';
type Resolved = { ok: true; value: MediaFile | string } | { ok: false; violations: LimitViolation[] };
type MediaResolver = (ref: MediaRef, kind: UploadKind) => Promise<Resolved>;

async function resolveMedia(ref: MediaRef, kind: UploadKind, options: BuildOptions): Promise<Resolved> {
  if ('url' in ref) return { ok: true, value: ref.url };
  if (ref.providerMediaId !== undefined) return { ok: true, value: ref.providerMediaId };
  const file = await options.loadMedia(ref.mediaId);
  const rule = TELEGRAM_CAPABILITIES.media[kind];
  const maxBytes = kind === 'image' ? TELEGRAM_LIMITS.uploadBytes.photo : TELEGRAM_LIMITS.uploadBytes.other;
  if (file.bytes.length > maxBytes) {
    const limit = `Telegram takes uploads of at most ${maxBytes / (1024 * 1024)} MB for this kind`;
    return { ok: false, violations: [{ field: 'media', limit, actual: file.bytes.length }] };
  }
  const mimeType = file.mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (rule?.mimeTypes && !rule.mimeTypes.includes(mimeType)) {
    const limit = `Telegram plays a ${kind} only as ${rule.mimeTypes.join(', ')}`;
    return { ok: false, violations: [{ field: 'media', limit, actual: file.mimeType }] };
  }
  return { ok: true, value: file };
}

async function buildMedia(
  chatId: string,
  message: Message<'image' | 'video' | 'document' | 'audio' | 'sticker'>,
  reply: { reply_parameters?: ReplyParameters },
  media: MediaResolver,
): Promise<TelegramBuild> {
  const kind: UploadKind = message.type === 'audio' && message.voice === true ? 'voice' : message.type;
  const resolved = await media(message.media, kind);
  if (!resolved.ok) return resolved;
  const file = resolved.value;
  const base = { chat_id: chatId, ...reply };
  switch (message.type) {
    case 'image':
      return built({ method: 'sendPhoto', params: { ...base, photo: file, ...caption(message.caption) } });
    case 'video':
      return built({ method: 'sendVideo', params: { ...base, video: file, ...caption(message.caption) } });
    case 'document':
      return built({
        method: 'sendDocument',
        params: { ...base, document: named(file, message.fileName), ...caption(message.caption) },
      });
    case 'audio':
      return built(
        message.voice === true
          ? { method: 'sendVoice', params: { ...base, voice: file } }
          : { method: 'sendAudio', params: { ...base, audio: file } },
      );
    case 'sticker':
      return built({ method: 'sendSticker', params: { ...base, sticker: file } });
  }
}

function caption(text: string | undefined): { caption?: string } {
  return text === undefined ? {} : { caption: text };
}

/** An uploaded document keeps the name the message gives it (Telegram shows it); a URL's is Telegram's. */
function named(file: MediaFile | string, fileName: string | undefined): MediaFile | string {
  return typeof file === 'string' || fileName === undefined ? file : { ...file, fileName };
}

/**
 * A place with a name or an address is a venue (Telegram shows both, and needs both): the one given
 * stands in for the other.
 */
function locationCall(
  chatId: string,
  message: Message<'location'>,
  reply: { reply_parameters?: ReplyParameters },
): TelegramCall {
  const { latitude, longitude, name, address } = message;
  const title = name ?? address;
  if (title === undefined) {
    return { method: 'sendLocation', params: { chat_id: chatId, latitude, longitude, ...reply } };
  }
  return {
    method: 'sendVenue',
    params: { chat_id: chatId, latitude, longitude, title, address: address ?? title, ...reply },
  };
}

function buildContact(
  chatId: string,
  message: Message<'contacts'>,
  reply: { reply_parameters?: ReplyParameters },
): TelegramBuild {
  const card = message.contacts[0];
  const phone = card?.phones?.[0]?.phone;
  // checkTelegramLimits already requires one card with a phone; this keeps the types honest.
  if (card === undefined || phone === undefined) {
    return {
      ok: false,
      violations: [{ field: 'contacts[0].phones', limit: 'Telegram needs a phone number' }],
    };
  }
  const vcard = vcardOf(card);
  return built({
    method: 'sendContact',
    params: {
      chat_id: chatId,
      phone_number: phone,
      first_name: card.name.firstName ?? card.name.formattedName,
      ...(card.name.lastName === undefined ? {} : { last_name: card.name.lastName }),
      ...(vcard === null ? {} : { vcard }),
      ...reply,
    },
  });
}

function buildReaction(chatId: string, message: Message<'reaction'>): TelegramBuild {
  const target = message.targetExternalId === undefined ? null : telegramMessageId(message.targetExternalId);
  if (target === null) {
    return {
      ok: false,
      violations: [{ field: 'targetExternalId', limit: 'Telegram needs the id of the message reacted to' }],
    };
  }
  const emoji = message.emoji === '' ? null : telegramReactionEmoji(message.emoji);
  return built({
    method: 'setMessageReaction',
    params: {
      chat_id: chatId,
      message_id: target,
      // An empty list removes the bot's reaction, as an empty emoji does on WhatsApp.
      reaction: emoji === null ? [] : [{ type: 'emoji', emoji }],
    },
  });
}

async function buildInteractive(
  chatId: string,
  message: Message<'buttons' | 'list' | 'ctaUrl'>,
  keyboard: InlineKeyboardMarkup,
  reply: { reply_parameters?: ReplyParameters },
  media: MediaResolver,
): Promise<TelegramBuild> {
  const text = composeInteractiveText(message);
  const header = message.header;
  const base = { chat_id: chatId, reply_markup: keyboard, ...reply };
  if (header === undefined || header.type === 'text') {
    return built({ method: 'sendMessage', params: { ...base, text } });
  }
  const resolved = await media('url' in header ? { url: header.url } : mediaIdRef(header), header.type);
  if (!resolved.ok) return { ok: false, violations: resolved.violations.map(underHeader) };
  const file = resolved.value;
  switch (header.type) {
    case 'image':
      return built({ method: 'sendPhoto', params: { ...base, photo: file, caption: text } });
    case 'video':
      return built({ method: 'sendVideo', params: { ...base, video: file, caption: text } });
    case 'document':
      return built({ method: 'sendDocument', params: { ...base, document: file, caption: text } });
  }
}

function mediaIdRef(header: { mediaId: string; providerMediaId?: string | undefined }): MediaRef {
  return header.providerMediaId === undefined
    ? { mediaId: header.mediaId }
    : { mediaId: header.mediaId, providerMediaId: header.providerMediaId };
}

function underHeader(violation: LimitViolation): LimitViolation {
  return { ...violation, field: `header.${violation.field}` };
}
