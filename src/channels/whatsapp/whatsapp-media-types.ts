export type WhatsAppMediaKind = 'image' | 'sticker' | 'audio' | 'video' | 'document';

const MB = 1024 * 1024;

/**
 * The files WhatsApp carries, by kind, and how large (channels.md §1.8). Stickers: 500 KB is the
 * animated limit (static ones are 100 KB at Meta, which only the bytes would tell). Ogg is Opus only.
 */
export const WHATSAPP_MEDIA_TYPES: Record<
  WhatsAppMediaKind,
  { mimeTypes: readonly string[]; maxBytes: number }
> = {
  image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
  audio: { mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * MB },
  video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
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
};
