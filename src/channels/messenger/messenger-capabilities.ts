import type { ChannelCapabilities, WindowPolicy } from '../channel-adapter.ts';
import type { OutboundMessageType } from '../outbound-message.ts';
import type { MetaMessagingChannel } from './meta-messaging-channel.ts';

const MB = 1024 * 1024;

/** Meta's largest attachment, for every kind on Messenger and all but images on Instagram. */
export const MAX_ATTACHMENT_BYTES = 25 * MB;

/** Instagram takes images of at most 8 MB (png, jpeg, gif), per its Send a Message page. */
const INSTAGRAM_MAX_IMAGE_BYTES = 8 * MB;

/**
 * What a Messenger Send API message may hold, in characters (code points). Text: 2,000 on Messenger,
 * 1,000 on Instagram. A button template holds a text of at most 640 characters and 1 to 3 buttons with
 * 20-character titles; quick replies are at most 13, titles 20; a postback or quick-reply payload is at
 * most 1,000 characters. A generic-template carousel holds up to 10 cards (no outbound type uses it yet).
 */
export const MESSENGER_LIMITS = {
  textLength: { messenger: 2000, instagram: 1000 },
  buttonTemplateTextLength: 640,
  buttons: { max: 3, titleLength: 20, idLength: 1000 },
  quickReplies: { max: 13, titleLength: 20, idLength: 1000 },
  carouselCards: 10,
} as const;

const BASE_TYPES: readonly OutboundMessageType[] = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'buttons',
  'list',
  'ctaUrl',
];

/**
 * What each channel can show. Not here on purpose: locations, contact cards and stickers (the Send API
 * has no such messages), captions (an attachment carries no text: send the text as its own message),
 * edits (a sent message cannot be changed) and templates — Messenger's utility templates exist, but
 * Careline does not register them yet, so `templates` is false and the window's end is the tag's end.
 * Reactions: Instagram lets a business react to a message; Messenger only reports the patient's.
 */
export function messengerCapabilities(channel: MetaMessagingChannel): ChannelCapabilities {
  const anyType = null;
  return {
    textLength: MESSENGER_LIMITS.textLength[channel],
    captionLength: 0,
    buttons: MESSENGER_LIMITS.buttons,
    list: null,
    quickReplies: MESSENGER_LIMITS.quickReplies,
    carousel: true,
    media: {
      image: {
        maxBytes: channel === 'instagram' ? INSTAGRAM_MAX_IMAGE_BYTES : MAX_ATTACHMENT_BYTES,
        mimeTypes: channel === 'instagram' ? ['image/png', 'image/jpeg', 'image/gif'] : anyType,
      },
      video: { maxBytes: MAX_ATTACHMENT_BYTES, mimeTypes: anyType },
      audio: { maxBytes: MAX_ATTACHMENT_BYTES, mimeTypes: anyType },
      document: { maxBytes: MAX_ATTACHMENT_BYTES, mimeTypes: anyType },
    },
    reactions: channel === 'instagram',
    readReceipts: true,
    edits: false,
    templates: false,
    outboundTypes: channel === 'instagram' ? [...BASE_TYPES, 'reaction'] : BASE_TYPES,
  };
}

/**
 * Free-form messages for 24 hours after the patient's last message; after that only a person's reply
 * tagged `HUMAN_AGENT`, for 7 days (168 hours), and nothing automated.
 */
export const MESSENGER_WINDOW: WindowPolicy = {
  kind: 'session',
  hours: 24,
  after: 'human_agent_tag',
  tagHours: 168,
};
