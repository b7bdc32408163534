import type { MediaFile } from '../channel-adapter.ts';
import type { TelegramCall } from './build-telegram-request.ts';

export type TelegramBody = { kind: 'json'; json: string } | { kind: 'multipart'; form: FormData };

/**
 * A call's parameters as the Bot API takes them: JSON, or multipart/form-data when a file is uploaded
 * (then every other parameter is a form field, objects JSON-encoded, as the Bot API documents).
 */
export function encodeTelegramBody(params: TelegramCall['params']): TelegramBody {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined);
  if (!entries.some(([, value]) => isMediaFile(value))) return { kind: 'json', json: JSON.stringify(params) };
  const form = new FormData();
  for (const [name, value] of entries) {
    if (isMediaFile(value)) {
      const blob = new Blob([new Uint8Array(value.bytes)], { type: value.mimeType });
      form.append(name, blob, value.fileName ?? `${name}${extensionFor(value.mimeType)}`);
    } else {
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return { kind: 'multipart', form };
}

export function isMediaFile(value: unknown): value is MediaFile {
  return typeof value === 'object' && value !== null && 'bytes' in value && Buffer.isBuffer(value.bytes);
}

/**
 * Telegram decides how to show an upload partly by its file name (a `.ogg` voice note, a `.webp`
 * sticker), so a file without one is named after its type.
 */
function extensionFor(mimeType: string): string {
  const type = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return EXTENSIONS[type] ?? '';
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'application/pdf': '.pdf',
};
