import type { z } from 'zod';
import type { MediaKind, MediaRef, MessageContent, MessageType } from '../inbound-event.ts';
import { type attachmentSchema, type messageSchema, wireName } from './messenger-wire.schema.ts';

type WireMessage = z.output<typeof messageSchema>;
type WireAttachment = z.output<typeof attachmentSchema>;

/**
 * Messenger's attachment types that carry a file, as Careline's media kinds (`file` is a document). A
 * Map: a type read from the body must not find what every object inherits (`constructor`, `__proto__`).
 */
const MEDIA_KINDS: ReadonlyMap<string, MediaKind> = new Map([
  ['image', 'image'],
  ['video', 'video'],
  ['audio', 'audio'],
  ['file', 'document'],
]);

/**
 * What a Messenger or Instagram `message` says, in the neutral shape. A message carries text, or
 * attachments (Messenger may send several images in one message), or a tapped quick reply with its
 * visible text. Shares, story mentions, reels, templates and unknown attachment types are `unsupported`:
 * the patient sent something, an operator still sees that they did.
 */
export function parseMessageContent(message: WireMessage): MessageContent {
  if (message.is_unsupported === true) return unsupported('message/unsupported', message.text);
  const choice = message.quick_reply?.payload ?? null;
  if (choice !== null) {
    return {
      type: 'button_reply',
      rawType: 'message/quick_reply',
      text: message.text,
      media: [],
      reply: { id: choice, title: message.text, description: null },
    };
  }
  const first = message.attachments[0];
  if (first !== undefined) return attachmentsContent(first, message.attachments, message.text);
  if (message.text !== null) return { type: 'text', rawType: 'message/text', text: message.text, media: [] };
  return unsupported('message/empty', null);
}

function attachmentsContent(
  first: WireAttachment,
  attachments: readonly WireAttachment[],
  text: string | null,
): MessageContent {
  const rawType = `message/${wireName(first.type) ?? 'unknown'}`;
  if (first.type === 'location') {
    const coordinates = first.payload?.coordinates ?? null;
    if (coordinates === null) return unsupported(rawType, text);
    return {
      type: 'location',
      rawType,
      text,
      media: [],
      location: {
        latitude: coordinates.lat,
        longitude: coordinates.long,
        name: first.payload?.title ?? null,
        address: null,
        url: first.payload?.url ?? null,
      },
    };
  }
  const media = attachments.flatMap((attachment) => {
    const ref = mediaRefOf(attachment);
    return ref === null ? [] : [ref];
  });
  const firstMedia = media[0];
  if (firstMedia === undefined) return unsupported(rawType, text);
  const type: MessageType = firstMedia.kind;
  return { type, rawType, text, media };
}

function mediaRefOf(attachment: WireAttachment): MediaRef | null {
  const kind = MEDIA_KINDS.get(attachment.type);
  // Messenger gives no media id: the URL (a signed CDN link that expires) is the only way to the file,
  // and a medium without one could never be shown (with none left, the message reads as unsupported).
  const url = attachment.payload?.url ?? '';
  if (kind === undefined || url === '') return null;
  // Messenger's thumbs-up and stickers arrive as images with a sticker id.
  const sticker = kind === 'image' && (attachment.payload?.sticker_id ?? null) !== null;
  return {
    kind: sticker ? 'sticker' : kind,
    id: null,
    url,
    mimeType: null,
    sha256: null,
    fileName: null,
  };
}

function unsupported(rawType: string, text: string | null): MessageContent {
  return { type: 'unsupported', rawType, text, media: [] };
}
