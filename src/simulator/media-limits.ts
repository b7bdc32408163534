import type { MediaType } from './outbound-message.schema.ts';

export interface MediaLimit {
  /** Accepted MIME types, compared without parameters (`audio/ogg; codecs=opus` is `audio/ogg`). */
  mimeTypes: string[];
  maxBytes: number;
}

const MB = 1024 * 1024;

/** §1.8 of channels.md. Stickers: 500 KB (the animated limit; static ones are 100 KB at Meta). */
export const DEFAULT_MEDIA_LIMITS: Record<MediaType, MediaLimit> = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
  audio: {
    mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
    maxBytes: 16 * MB,
  },
  document: {
    mimeTypes: [
      'application/pdf',
      'text/plain',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * MB,
  },
  sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
};

export type MediaLimits = Record<MediaType, MediaLimit>;

/** The media kind a MIME type belongs to, or why it is refused (naming the accepted types and limit). */
export function classifyMedia(
  mimeType: string,
  size: number,
  limits: MediaLimits,
): { kind: MediaType } | { refusal: string } {
  const base = baseMimeType(mimeType);
  const entry = Object.entries(limits).find(([, limit]) => limit.mimeTypes.includes(base));
  if (!entry) {
    const accepted = Object.values(limits).flatMap((limit) => limit.mimeTypes);
    return {
      refusal: `Param file has unsupported MIME type ${mimeType}. Use one of ${accepted.join(', ')}.`,
    };
  }
  const [kind, limit] = entry;
  if (size > limit.maxBytes) {
    return {
      refusal: `Param file is ${size} bytes; ${kind} files must be at most ${limit.maxBytes} bytes.`,
    };
  }
  if (size === 0) return { refusal: 'Param file must not be empty.' };
  return { kind: mediaType(kind) };
}

export function baseMimeType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

function mediaType(kind: string): MediaType {
  switch (kind) {
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return kind;
    default:
      throw new Error(`not a media kind: ${kind}`);
  }
}
