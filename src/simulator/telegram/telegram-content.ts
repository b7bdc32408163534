import {
  arrayParam,
  badRequest,
  numberParam,
  objectParam,
  stringParam,
  type TelegramAnswer,
} from './telegram-answers.ts';
import type { TelegramFile } from './telegram-state.ts';

/** What a send method puts in its Message, or Telegram's refusal. */
export type ContentResult =
  | { ok: true; content: Record<string, unknown> }
  | { ok: false; answer: TelegramAnswer };

/** Resolves a file parameter (an upload, a file id the bot may use, or an HTTP URL) to a stored file. */
export type FileResolver = (
  field: string,
  defaults: { mimeType: string; extension: string; folder: string },
) => TelegramFile | TelegramAnswer;

const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
/** callback_data is 1–64 bytes (Bot API, InlineKeyboardButton). */
const CALLBACK_DATA_MAX_BYTES = 64;

/** The content keys of the Message a send method creates, checked as Telegram checks them. */
export function sendContent(
  method: string,
  params: Record<string, unknown>,
  resolveFile: FileResolver,
): ContentResult {
  const caption = captionOf(params);
  if (!caption.ok) return caption;
  const withFile = (
    key: string,
    defaults: { mimeType: string; extension: string; folder: string },
    shape: (file: TelegramFile) => Record<string, unknown>,
  ): ContentResult => {
    const file = resolveFile(key, defaults);
    if ('httpStatus' in file) return { ok: false, answer: file };
    return { ok: true, content: { [key]: shape(file), ...caption.content } };
  };
  switch (method) {
    case 'sendmessage': {
      const text = stringParam(params.text) ?? '';
      if (text.trim() === '') return refuse('message text is empty');
      if (text.length > TEXT_MAX) return refuse('message is too long');
      return { ok: true, content: { text } };
    }
    case 'sendphoto': {
      const file = resolveFile('photo', { mimeType: 'image/jpeg', extension: 'jpg', folder: 'photos' });
      if ('httpStatus' in file) return { ok: false, answer: file };
      return { ok: true, content: { photo: photoSizes(file), ...caption.content } };
    }
    case 'senddocument':
      return withFile(
        'document',
        { mimeType: 'application/octet-stream', extension: '', folder: 'documents' },
        (file) => ({
          ...fileFields(file),
          file_name: file.fileName ?? file.filePath.split('/').pop(),
          mime_type: file.mimeType,
        }),
      );
    case 'sendvoice':
      return withFile('voice', { mimeType: 'audio/ogg', extension: 'oga', folder: 'voice' }, (file) => ({
        ...fileFields(file),
        duration: durationOf(params),
        mime_type: file.mimeType,
      }));
    case 'sendaudio':
      return withFile('audio', { mimeType: 'audio/mpeg', extension: 'mp3', folder: 'music' }, (file) => ({
        ...fileFields(file),
        duration: durationOf(params),
        mime_type: file.mimeType,
        ...(file.fileName ? { file_name: file.fileName } : {}),
      }));
    case 'sendvideo':
      return withFile('video', { mimeType: 'video/mp4', extension: 'mp4', folder: 'videos' }, (file) => ({
        ...fileFields(file),
        width: 640,
        height: 360,
        duration: durationOf(params),
        mime_type: file.mimeType,
      }));
    case 'sendsticker':
      return withFile(
        'sticker',
        { mimeType: 'image/webp', extension: 'webp', folder: 'stickers' },
        (file) => ({
          ...fileFields(file),
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        }),
      );
    case 'sendlocation': {
      const location = locationOf(params);
      return location ? { ok: true, content: { location } } : refuse('wrong latitude or longitude');
    }
    case 'sendvenue': {
      const location = locationOf(params);
      if (!location) return refuse('wrong latitude or longitude');
      const title = stringParam(params.title) ?? '';
      const address = stringParam(params.address) ?? '';
      if (title === '' || address === '') return refuse('VENUE_TITLE_INVALID');
      return { ok: true, content: { location, venue: { location, title, address } } };
    }
    case 'sendcontact': {
      const phone = stringParam(params.phone_number) ?? '';
      const firstName = stringParam(params.first_name) ?? '';
      if (phone === '') return refuse('CONTACT_PHONE_INVALID');
      if (firstName === '') return refuse('CONTACT_NAME_INVALID');
      const lastName = stringParam(params.last_name);
      const vcard = stringParam(params.vcard);
      return {
        ok: true,
        content: {
          contact: {
            phone_number: phone,
            first_name: firstName,
            ...(lastName ? { last_name: lastName } : {}),
            ...(vcard ? { vcard } : {}),
          },
        },
      };
    }
    default:
      return refuse('method not supported by the stand-in');
  }
}

/**
 * The inline keyboard of `reply_markup`, as the Message will carry it; reply keyboards and their
 * removal are accepted and not shown under the message (they live in the app's input area).
 */
export function inlineKeyboardOf(
  params: Record<string, unknown>,
): { ok: true; keyboard: Record<string, unknown> | null } | { ok: false; answer: TelegramAnswer } {
  if (params.reply_markup === undefined) return { ok: true, keyboard: null };
  const markup = objectParam(params.reply_markup);
  if (!markup) return { ok: false, answer: badRequest("can't parse reply keyboard markup JSON object") };
  if (markup.inline_keyboard === undefined) return { ok: true, keyboard: null };
  const rows = arrayParam(markup.inline_keyboard);
  if (!rows)
    return {
      ok: false,
      answer: badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays'),
    };
  const checked: Record<string, unknown>[][] = [];
  for (const row of rows) {
    if (!Array.isArray(row))
      return {
        ok: false,
        answer: badRequest(
          'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
        ),
      };
    const buttons: Record<string, unknown>[] = [];
    for (const raw of row) {
      const button = objectParam(raw);
      const text = stringParam(button?.text);
      if (!button || !text)
        return {
          ok: false,
          answer: badRequest(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
          ),
        };
      const data = stringParam(button.callback_data);
      const url = stringParam(button.url);
      if (data !== undefined) {
        const bytes = Buffer.byteLength(data, 'utf8');
        if (bytes === 0 || bytes > CALLBACK_DATA_MAX_BYTES)
          return { ok: false, answer: badRequest('BUTTON_DATA_INVALID') };
        buttons.push({ text, callback_data: data });
      } else if (url !== undefined) {
        if (!/^(https?|tg):\/\//i.test(url)) return { ok: false, answer: badRequest('BUTTON_URL_INVALID') };
        buttons.push({ text, url });
      } else {
        return {
          ok: false,
          answer: badRequest(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
          ),
        };
      }
    }
    checked.push(buttons);
  }
  return { ok: true, keyboard: { inline_keyboard: checked } };
}

function captionOf(
  params: Record<string, unknown>,
): { ok: true; content: Record<string, unknown> } | { ok: false; answer: TelegramAnswer } {
  const caption = stringParam(params.caption);
  if (caption === undefined || caption === '') return { ok: true, content: {} };
  if (caption.length > CAPTION_MAX) return { ok: false, answer: badRequest('message caption is too long') };
  return { ok: true, content: { caption } };
}

/** Telegram keeps several sizes of a photo; a stand-in's thumbnail and full size are the same bytes. */
function photoSizes(file: TelegramFile): Record<string, unknown>[] {
  const size = file.bytes?.length ?? 0;
  return [
    {
      file_id: `${file.fileId}-s`,
      file_unique_id: `${file.fileUniqueId}s`,
      file_size: size,
      width: 90,
      height: 90,
    },
    { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: size, width: 800, height: 800 },
  ];
}

function fileFields(file: TelegramFile): Record<string, unknown> {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    ...(file.bytes ? { file_size: file.bytes.length } : {}),
  };
}

function durationOf(params: Record<string, unknown>): number {
  return Math.max(0, Math.round(numberParam(params.duration) ?? 1));
}

function locationOf(params: Record<string, unknown>): { latitude: number; longitude: number } | null {
  const latitude = numberParam(params.latitude);
  const longitude = numberParam(params.longitude);
  if (latitude === undefined || longitude === undefined) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

function refuse(detail: string): ContentResult {
  return { ok: false, answer: badRequest(detail) };
}

/** The photo sizes a patient's photo arrives with (the same shape as the bot's). */
export { photoSizes };
