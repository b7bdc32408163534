/**
 * How many SMS a text is billed and carried as (3GPP TS 23.038 and 23.040, as Twilio counts): a text
 * written only with the GSM 03.38 alphabet goes as GSM-7, where the extension table's characters
 * (`^ { } \ [ ~ ] | €` and the form feed) take two septets; any other character makes the whole text
 * UCS-2, counted in UTF-16 code units. A single SMS holds 160 septets or 70 units; a longer text is cut
 * into parts of 153 or 67, the rest of each part being the concatenation header.
 */
export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  segments: number;
  /** What one part holds in this encoding: 160/153 or 70/67. */
  perSegment: number;
  /** Room left in the last part before another is needed. */
  remaining: number;
  /** The characters that forced UCS-2 (each once, in order of appearance); [] for GSM-7. */
  nonGsm: string[];
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export const SMS_SEGMENT_SIZES = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

export function countSmsSegments(text: string): SmsSegments {
  let septets = 0;
  const nonGsm: string[] = [];
  for (const character of text) {
    if (BASIC.has(character)) septets += 1;
    else if (EXTENDED.has(character)) septets += 2;
    else if (!nonGsm.includes(character)) nonGsm.push(character);
  }
  const encoding = nonGsm.length === 0 ? 'GSM-7' : 'UCS-2';
  const units = encoding === 'GSM-7' ? septets : text.length;
  const sizes = SMS_SEGMENT_SIZES[encoding];
  if (units <= sizes.single) {
    const segments = units === 0 ? 0 : 1;
    return { encoding, units, segments, perSegment: sizes.single, remaining: sizes.single - units, nonGsm };
  }
  const segments = encoding === 'GSM-7' ? gsmParts(text, sizes.multi) : ucsParts(text, sizes.multi);
  return {
    encoding,
    units,
    segments,
    perSegment: sizes.multi,
    remaining: segments * sizes.multi - units,
    nonGsm,
  };
}

/** An extension character's two septets are never split across two parts. */
function gsmParts(text: string, size: number): number {
  let parts = 1;
  let used = 0;
  for (const character of text) {
    const cost = EXTENDED.has(character) ? 2 : 1;
    if (used + cost > size) {
      parts += 1;
      used = 0;
    }
    used += cost;
  }
  return parts;
}

/** A surrogate pair (an emoji) is never split across two parts. */
function ucsParts(text: string, size: number): number {
  let parts = 1;
  let used = 0;
  for (const character of text) {
    const cost = character.length;
    if (used + cost > size) {
      parts += 1;
      used = 0;
    }
    used += cost;
  }
  return parts;
}
