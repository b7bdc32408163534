import type { ChannelCapabilities, WindowPolicy } from '../channel-adapter.ts';
import { WHATSAPP_MEDIA_TYPES } from './whatsapp-media-types.ts';

/**
 * What a WhatsApp message may hold (channels.md §1.7), in code points as Meta counts them: the one
 * source for the checks before a send (whatsapp-limits.ts) and for the composer (`GET /api/v1/limits`).
 */
export const WHATSAPP_LIMITS = {
  textLength: 4096,
  captionLength: 1024,
  interactive: { bodyLength: 1024, footerLength: 60, headerTextLength: 60 },
  buttons: { min: 1, max: 3, titleLength: 20, idLength: 256 },
  list: {
    buttonLabelLength: 20,
    sections: 10,
    rows: 10,
    sectionTitleLength: 24,
    rowIdLength: 200,
    rowTitleLength: 24,
    rowDescriptionLength: 72,
  },
  // Not in §1.7, but the Cloud API simulator refuses longer labels, like reply-button titles (verify).
  ctaDisplayTextLength: 20,
  templateButtonIndexMax: 9,
  media: WHATSAPP_MEDIA_TYPES,
} as const;

export type WhatsAppLimits = typeof WHATSAPP_LIMITS;

/** The same limits as the channel port states them for every channel (channel-adapter.ts). */
export const WHATSAPP_CAPABILITIES: ChannelCapabilities = {
  textLength: WHATSAPP_LIMITS.textLength,
  captionLength: WHATSAPP_LIMITS.captionLength,
  buttons: {
    max: WHATSAPP_LIMITS.buttons.max,
    titleLength: WHATSAPP_LIMITS.buttons.titleLength,
    idLength: WHATSAPP_LIMITS.buttons.idLength,
  },
  list: {
    sections: WHATSAPP_LIMITS.list.sections,
    rows: WHATSAPP_LIMITS.list.rows,
    rowTitleLength: WHATSAPP_LIMITS.list.rowTitleLength,
    rowDescriptionLength: WHATSAPP_LIMITS.list.rowDescriptionLength,
  },
  quickReplies: null,
  carousel: false,
  media: WHATSAPP_MEDIA_TYPES,
  reactions: true,
  readReceipts: true,
  edits: false,
  templates: true,
  outboundTypes: [
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
    'template',
  ],
};

/** Anything for 24 hours after the patient's last message; then approved templates only. */
export const WHATSAPP_WINDOW: WindowPolicy = { kind: 'session', hours: 24, after: 'templates' };
