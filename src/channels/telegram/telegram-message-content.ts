import type { MediaKind, MediaRef, MessageContent } from '../inbound-event.ts';
import type { TelegramMessage } from './telegram-update.schema.ts';

type FileFields = { file_id: string; mime_type?: string | null; file_name?: string | null };

/**
 * What a Telegram message holds, as channel-neutral content. Telegram marks the kind by which field is
 * present; the order below matters where Telegram sets two: an `animation` also carries a `document`
 * (for old clients) and a `venue` also carries a `location`.
 */
export function telegramMessageContent(message: TelegramMessage): MessageContent {
  const caption = message.caption ?? null;
  if (message.text !== undefined) return { type: 'text', rawType: 'text', text: message.text, media: [] };
  if (message.photo !== undefined) {
    return { type: 'image', rawType: 'photo', text: caption, media: [largestPhoto(message.photo)] };
  }
  if (message.animation) return fileContent('video', 'animation', message.animation, caption);
  if (message.video) return fileContent('video', 'video', message.video, caption);
  if (message.video_note) return fileContent('video', 'video_note', message.video_note, caption);
  if (message.voice) return fileContent('voice', 'voice', message.voice, caption);
  if (message.audio) return fileContent('audio', 'audio', message.audio, caption);
  if (message.document) return fileContent('document', 'document', message.document, caption);
  if (message.sticker) {
    const animated = message.sticker.is_animated === true || message.sticker.is_video === true;
    const media: MediaRef = { ...mediaRef('sticker', message.sticker), animated };
    return { type: 'sticker', rawType: 'sticker', text: null, media: [media] };
  }
  if (message.venue) {
    const { location, title, address } = message.venue;
    return {
      type: 'location',
      rawType: 'venue',
      text: null,
      media: [],
      location: {
        latitude: location.latitude,
        longitude: location.longitude,
        name: title,
        address,
        url: null,
      },
    };
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    return {
      type: 'location',
      rawType: 'location',
      text: null,
      media: [],
      location: { latitude, longitude, name: null, address: null, url: null },
    };
  }
  if (message.contact) {
    const { first_name, last_name, phone_number } = message.contact;
    const name = [first_name, last_name].filter((part) => part !== null).join(' ') || null;
    return {
      type: 'contacts',
      rawType: 'contact',
      text: null,
      media: [],
      contacts: [{ name, phones: [{ phone: phone_number, waId: null, type: null }] }],
    };
  }
  // Dice, stories, polls, games, invoices, service messages...: shown as "unsupported", named.
  return { type: 'unsupported', rawType: unsupportedKind(message), text: caption, media: [] };
}

/**
 * Telegram sends a photo in several sizes, smallest first; the largest is the one to keep (by area, the
 * later one winning a tie, so it is the last when Telegram orders them as documented).
 */
function largestPhoto(sizes: NonNullable<TelegramMessage['photo']>): MediaRef {
  // The schema requires at least one size, so `reduce` always has a first one to start from.
  const largest = sizes.reduce((kept, size) => (area(size) >= area(kept) ? size : kept));
  const ref: MediaRef = mediaRef('image', largest);
  if (typeof largest.width === 'number') ref.width = largest.width;
  if (typeof largest.height === 'number') ref.height = largest.height;
  return ref;
}

function area(size: { width?: number | null; height?: number | null }): number {
  return (size.width ?? 0) * (size.height ?? 0);
}

function fileContent(
  type: MediaKind,
  rawType: string,
  file: FileFields,
  caption: string | null,
): MessageContent {
  return { type, rawType, text: caption, media: [mediaRef(type, file)] };
}

/** Telegram media are fetched by `file_id` (getFile); there is no URL nor checksum in an update. */
function mediaRef(kind: MediaKind, file: FileFields): MediaRef {
  return {
    kind,
    id: file.file_id,
    url: null,
    mimeType: file.mime_type ?? null,
    sha256: null,
    fileName: file.file_name ?? null,
  };
}

/** Fields every message has: what is left names the content (`dice`, `story`, `poll`...). */
const ENVELOPE_FIELDS: ReadonlySet<string> = new Set([
  'message_id',
  'message_thread_id',
  'date',
  'edit_date',
  'chat',
  'from',
  'sender_chat',
  'sender_boost_count',
  'sender_business_bot',
  'business_connection_id',
  'is_topic_message',
  'is_automatic_forward',
  'is_from_offline',
  'has_protected_content',
  'reply_to_message',
  'external_reply',
  'quote',
  'reply_to_story',
  'via_bot',
  'author_signature',
  'media_group_id',
  'forward_origin',
  'forward_from',
  'forward_from_chat',
  'forward_from_message_id',
  'forward_signature',
  'forward_sender_name',
  'forward_date',
  'caption',
  'caption_entities',
  'show_caption_above_media',
  'has_media_spoiler',
  'entities',
  'link_preview_options',
  'reply_markup',
  'effect_id',
]);

function unsupportedKind(message: TelegramMessage): string {
  const kind = Object.keys(message).find((key) => !ENVELOPE_FIELDS.has(key));
  // A key is the sender's own text in effect: bounded, and only a plain field name is passed on.
  return kind !== undefined && /^[a-z_]{1,64}$/.test(kind) ? kind : 'unknown';
}
