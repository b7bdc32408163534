/**
 * What a file is, read from its first bytes (magic numbers), never from what the sender declared: a
 * page of HTML called `photo.png` and sent as `image/png` is still HTML. Only the formats messaging
 * channels carry are recognised; anything else answers `null`. The declared type and the file name only
 * choose within a family the bytes cannot tell apart (a ZIP that is a .docx or a .xlsx, an MP4 that is
 * a voice note or a video).
 *
 * By hand rather than with a library: the formats are few, their signatures are short and published,
 * and `file-type` (the usual choice) is not among our dependencies.
 */
export function sniffMediaType(head: Uint8Array, hint: SniffHint = {}): string | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const chosen = hintedTypes(hint);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp') return isoMediaType(ascii(bytes, 8, 12), chosen);
  if (ascii(bytes, 0, 4) === 'OggS') {
    // WhatsApp carries Ogg with the Opus codec only; its first page names the codec at byte 28.
    return ascii(bytes, 28, 36) === 'OpusHead' ? 'audio/ogg' : 'application/ogg';
  }
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg';
  const frame = bytes.length >= 2 && bytes[0] === 0xff ? (bytes[1] ?? 0) : 0;
  // An MPEG audio frame header (11 sync bits); layer bits 00 there mean an ADTS (AAC) frame instead.
  if ((frame & 0xe0) === 0xe0 && (frame & 0x06) !== 0) return 'audio/mpeg';
  if ((frame & 0xf6) === 0xf0) return 'audio/aac';
  if (ascii(bytes, 0, 5) === '#!AMR') return 'audio/amr';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return chosen.find((type) => LEGACY_OFFICE.includes(type)) ?? 'application/x-ole-storage';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return chosen.find((type) => OPEN_XML_OFFICE.includes(type)) ?? 'application/zip';
  }
  return textType(bytes, chosen);
}

export interface SniffHint {
  /** The MIME type the sender declared (multipart part, provider metadata, what was stored). */
  declaredType?: string | null | undefined;
  fileName?: string | null | undefined;
}

/** Enough of a file to recognise it: every signature above, and a text's first lines. */
export const SNIFF_BYTES = 4096;

/** The MIME type without parameters, lower case: `audio/ogg; codecs=opus` is `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

const LEGACY_OFFICE = ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'];
const OPEN_XML_OFFICE = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

const MARKUP: Record<string, string> = { '?xml': 'application/xml', svg: 'image/svg+xml' };

const BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  txt: 'text/plain',
  ics: 'text/calendar',
};

/** The types the sender's words point to, declared type first. */
function hintedTypes(hint: SniffHint): string[] {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(hint.fileName ?? '')?.[1]?.toLowerCase();
  const fromName = extension ? BY_EXTENSION[extension] : undefined;
  return [hint.declaredType ? baseMimeType(hint.declaredType) : '', fromName ?? ''].filter(Boolean);
}

/** ISO base media (MP4, M4A, 3GP): the major brand, then what the sender said, tell sound from video. */
function isoMediaType(brand: string, chosen: string[]): string {
  if (brand.startsWith('3g')) return 'video/3gpp';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  return chosen.find((type) => type === 'audio/mp4' || type === 'video/mp4') ?? 'video/mp4';
}

/**
 * Plain text: valid UTF-8 without control characters. Text that opens with markup (`<html`, `<svg`,
 * `<?xml`, `<!--`) is what a browser would sniff as a page; it is reported as such, whatever it claims.
 */
function textType(bytes: Buffer, chosen: string[]): string | null {
  if (bytes.length === 0 || bytes.some(isControl)) return null;
  let text: string;
  try {
    // `stream: true` lets the head end inside a character.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
  const markup = /^\uFEFF?\s*<(\?xml|svg)?/i.exec(text);
  if (markup) return MARKUP[markup[1]?.toLowerCase() ?? ''] ?? 'text/html';
  return chosen.includes('text/calendar') && /^\uFEFF?BEGIN:VCALENDAR/.test(text)
    ? 'text/calendar'
    : 'text/plain';
}

/** Control bytes no text file holds (tab, line feed, form feed and carriage return are text). */
function isControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;
}

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.length >= end ? bytes.toString('latin1', start, end) : '';
}
