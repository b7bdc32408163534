import {
  WHATSAPP_MEDIA_TYPES,
  type WhatsAppMediaKind,
} from '../../channels/whatsapp/whatsapp-media-types.ts';
import { baseMimeType, type SniffHint, sniffMediaType } from '../../platform/media/sniff-media-type.ts';

export type MediaKind = WhatsAppMediaKind;

export interface AcceptedType {
  mimeType: string;
  kind: MediaKind;
  maxBytes: number;
}

/** The largest file any channel takes (a WhatsApp document). */
export const MAX_UPLOAD_BYTES = Math.max(
  ...Object.values(WHATSAPP_MEDIA_TYPES).map((entry) => entry.maxBytes),
);

/** What to send instead, for a person who sent something else. */
export const ACCEPTED_TYPES_TEXT =
  'JPEG or PNG photos, WebP stickers, MP4 or 3GP videos, AAC, AMR, MP3, M4A or Opus audio, and PDF, ' +
  'plain text, Word, Excel or PowerPoint documents';

/** A type a channel carries (WhatsApp's list today), with its kind and size limit; else undefined. */
export function acceptedType(mimeType: string): AcceptedType | undefined {
  const base = baseMimeType(mimeType);
  for (const kind of KINDS) {
    const entry = WHATSAPP_MEDIA_TYPES[kind];
    if (entry.mimeTypes.includes(base)) return { mimeType: base, kind, maxBytes: entry.maxBytes };
  }
  return undefined;
}

/**
 * The type an upload is, from its first bytes: accepted when those bytes are a type a channel carries,
 * whatever the upload's declared type and name say (they only choose within a family, see
 * {@link sniffMediaType}).
 */
export function identifyUpload(head: Uint8Array, hint: SniffHint): AcceptedType | { refusal: string } {
  const sniffed = sniffMediaType(head, hint);
  const accepted = sniffed ? acceptedType(sniffed) : undefined;
  if (accepted) return accepted;
  const what = sniffed
    ? (DESCRIPTIONS[sniffed] ?? `a file of type ${sniffed}`)
    : 'not a type Careline recognises';
  return {
    refusal: `the file is ${what}, whatever its name or declared type says: send ${ACCEPTED_TYPES_TEXT}`,
  };
}

/**
 * The type a stored file really is: its recorded type when its first bytes agree and it is a type
 * Careline serves, else null. Checked on every download, so a file stored before these checks, or a
 * patient's "PDF" that is really a web page, is never handed to a browser as what it claims.
 */
export function confirmedType(
  recorded: string | null,
  head: Uint8Array,
  fileName: string | null,
): string | null {
  if (!recorded) return null;
  const sniffed = sniffMediaType(head, { declaredType: recorded, fileName });
  if (sniffed === null || sniffed !== baseMimeType(recorded)) return null;
  return acceptedType(sniffed) || CARELINE_MADE.includes(sniffed) ? sniffed : null;
}

/** The Content-Type a stored file is served with: its confirmed type, else `application/octet-stream`. */
export function servedType(recorded: string | null, head: Uint8Array, fileName: string | null): string {
  const type = confirmedType(recorded, head, fileName);
  if (!type) return 'application/octet-stream';
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}

/** Pictures, sound and video: what the web app shows in the page. Documents are only downloaded. */
export function showsInline(contentType: string): boolean {
  const kind = acceptedType(contentType)?.kind;
  return kind === 'image' || kind === 'sticker' || kind === 'audio' || kind === 'video';
}

/** `5 MB`, `500 KB`: a limit as people read it. */
export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/** Files Careline writes itself and serves as they are (an appointment's .ics). */
const CARELINE_MADE = ['text/calendar'];

const KINDS: readonly MediaKind[] = ['image', 'sticker', 'audio', 'video', 'document'];

const DESCRIPTIONS: Record<string, string> = {
  'text/html': 'an HTML page',
  'image/svg+xml': 'an SVG image',
  'application/xml': 'an XML document',
  'application/zip': 'a ZIP archive',
  'application/ogg': 'Ogg audio not encoded with Opus',
  'application/x-ole-storage': 'an Office file of unknown kind (name it .doc, .xls or .ppt)',
};
