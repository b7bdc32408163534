import type { ChannelCapabilities, WindowPolicy } from '../channel-adapter.ts';
import type { OutboundMessageType } from '../outbound-message.ts';

const MB = 1024 * 1024;

/**
 * What a Telegram message may hold (Bot API docs). Lengths are counted in UTF-16 code units, which is
 * what Telegram counts entity offsets in and never less than its "characters": a text that passes here
 * is never refused for its length.
 */
export const TELEGRAM_LIMITS = {
  /** sendMessage `text`: 1–4096 characters after entity parsing (we send no parse_mode). */
  textLength: 4096,
  /** sendPhoto/Video/Document/Audio/Voice `caption`: 0–1024 characters. */
  captionLength: 1024,
  /**
   * Inline keyboard. `callback_data` is 1–64 **bytes** (UTF-8), so a button's id is counted in bytes.
   * Telegram documents no limit for a button's text; 64 characters is Careline's choice (longer titles
   * are cut on phones), as is at most 8 buttons per message (one per row, they must fit on a screen).
   */
  buttons: { max: 8, titleLength: 64, idLengthBytes: 64 },
  /**
   * A list is sent as an inline keyboard, one row per option (Telegram has no list picker): the list's
   * button label and row descriptions have nowhere to go and are not shown. Telegram takes at most 100
   * buttons in a keyboard.
   */
  listRows: 100,
  /** sendContact: one card per message; `vcard` 0–2048 bytes. */
  vcardBytes: 2048,
  /**
   * Uploads (multipart): photos up to 10 MB, any other file up to 50 MB. By URL Telegram fetches at most
   * 5 MB for photos and 20 MB for other files, which we cannot check before it tries.
   */
  uploadBytes: { photo: 10 * MB, other: 50 * MB },
  /** getFile serves files up to 20 MB; a larger one a patient sent cannot be downloaded by a bot. */
  downloadBytes: 20 * MB,
} as const;

const OUTBOUND_TYPES: readonly OutboundMessageType[] = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'reaction',
  'buttons',
  'list',
  'ctaUrl',
];

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  textLength: TELEGRAM_LIMITS.textLength,
  captionLength: TELEGRAM_LIMITS.captionLength,
  buttons: {
    max: TELEGRAM_LIMITS.buttons.max,
    titleLength: TELEGRAM_LIMITS.buttons.titleLength,
    // In bytes, not characters: `callback_data` is limited in UTF-8 bytes.
    idLength: TELEGRAM_LIMITS.buttons.idLengthBytes,
  },
  // No native list: `list` messages are still sent (see TELEGRAM_LIMITS.listRows), as keyboard rows.
  list: null,
  quickReplies: null,
  carousel: false,
  media: {
    image: { maxBytes: TELEGRAM_LIMITS.uploadBytes.photo, mimeTypes: null },
    video: { maxBytes: TELEGRAM_LIMITS.uploadBytes.other, mimeTypes: null },
    audio: { maxBytes: TELEGRAM_LIMITS.uploadBytes.other, mimeTypes: null },
    // sendVoice plays OGG/Opus, MP3 and M4A as a voice note; anything else arrives as a file.
    voice: {
      maxBytes: TELEGRAM_LIMITS.uploadBytes.other,
      mimeTypes: ['audio/ogg', 'audio/mpeg', 'audio/mp4'],
    },
    document: { maxBytes: TELEGRAM_LIMITS.uploadBytes.other, mimeTypes: null },
    sticker: { maxBytes: TELEGRAM_LIMITS.uploadBytes.other, mimeTypes: ['image/webp', 'video/webm'] },
  },
  reactions: true,
  readReceipts: false,
  edits: true,
  templates: false,
  outboundTypes: OUTBOUND_TYPES,
};

/** A bot may write whenever the user has started it (and not blocked it): no customer-service window. */
export const TELEGRAM_WINDOW: WindowPolicy = { kind: 'none' };
