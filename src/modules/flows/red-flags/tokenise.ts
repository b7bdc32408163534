import {
  ENGLISH_CLITICS,
  ENGLISH_ONLY_CONTRACTIONS,
  FRENCH_ELISIONS,
  IRREGULAR_NEGATIONS,
  SMS_CONTRACTIONS,
} from './sms-contractions.ts';

/**
 * One unit of a patient's message, normalised, with where it came from so that a finding can quote the
 * patient's own words. A `break` is punctuation that ends a clause: phrases never match across it.
 */
export interface Token {
  kind: 'word' | 'number' | 'break';
  /** Normalised: lowercase, no accents, SMS spelling expanded; a number in decimal point notation. */
  text: string;
  /** Offsets in the original text; the words one typed word expands to share them. */
  start: number;
  end: number;
}

export interface TokeniseOptions {
  /** Only decides spellings that differ by language: "dont" is "do not" only in English. */
  language?: 'fr' | 'en';
}

// Order matters: `w/o` before words, numbers (38,5 or 38°5, the French way to write 38.5) before breaks.
const PIECE =
  /(?<slash>[wW]\/[oO]?(?!\p{L}))|(?<word>[\p{L}\p{M}]+(?:['’‘`´][\p{L}\p{M}]+)*)|(?<number>\d+(?:[.,°]\d+)?)|(?<degree>°)|(?<break>[.!?;:,()[\]\n\r]+|\s[-–—]+\s)/gu;

/**
 * Splits a patient's message into normalised tokens: lowercase, accents and repeated letters removed
 * ("douuuleur" → "douleur"), French elisions and English contractions spelled out ("j'arrive" →
 * "je arrive", "can't" → "can not"), common SMS spellings expanded ("ds" → "dans", "jpeux" → "je peux").
 */
export function tokenise(text: string, options: TokeniseOptions = {}): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(PIECE)) {
    const start = match.index;
    const end = start + match[0].length;
    const groups = match.groups ?? {};
    if (groups.break !== undefined) {
      if (tokens.at(-1)?.kind !== 'break') tokens.push({ kind: 'break', text: '|', start, end });
    } else if (groups.number !== undefined) {
      tokens.push({ kind: 'number', text: groups.number.replace(/[,°]/, '.'), start, end });
    } else if (groups.degree !== undefined) {
      tokens.push({ kind: 'word', text: 'degres', start, end });
    } else {
      for (const word of expandWord(normaliseWord(match[0]), options)) {
        tokens.push({ kind: 'word', text: word, start, end });
      }
    }
  }
  return tokens;
}

/** The normalised message as one readable string, clause breaks shown as `|` (for tests). */
export function normaliseText(text: string, options: TokeniseOptions = {}): string {
  return tokenise(text, options)
    .map((token) => token.text)
    .join(' ');
}

/**
 * Lowercase, without diacritics or ligatures, a run of three or more identical letters squeezed to one
 * ("aaaide", "mallll"), and any apostrophe written as '.
 */
export function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´]/g, "'")
    .replace(/(\p{L})\1{2,}/gu, '$1');
}

function expandWord(word: string, options: TokeniseOptions): string[] {
  const irregular = IRREGULAR_NEGATIONS[word];
  if (irregular !== undefined) return irregular.split(' ');
  if (word.endsWith("n't")) return [...expandWord(word.slice(0, -3), options), 'not'];
  const parts = word.split("'");
  if (parts.length > 1) return parts.flatMap((part, i) => expandPart(part, i, parts.length, options));
  return expandBare(word, options);
}

/** A piece of an apostrophe word: a French elision before it, an English clitic after it. */
function expandPart(part: string, index: number, count: number, options: TokeniseOptions): string[] {
  if (index < count - 1) {
    const elided = FRENCH_ELISIONS[part];
    if (elided !== undefined) return [elided];
  }
  if (index > 0) {
    const clitic = ENGLISH_CLITICS[part];
    if (clitic !== undefined) return clitic === '' ? [] : [clitic];
  }
  return expandBare(part, options);
}

function expandBare(word: string, options: TokeniseOptions): string[] {
  const expanded =
    SMS_CONTRACTIONS[word] ?? (options.language === 'en' ? ENGLISH_ONLY_CONTRACTIONS[word] : undefined);
  if (expanded !== undefined) return expanded.split(' ');
  // No French word starts with j and a consonant: "jpeux", "jsuis", "jme" are « je » glued to the verb.
  const glued = /^j([bcdfghklmnpqrstvwxz][a-z]+)$/.exec(word);
  if (glued?.[1] !== undefined) return ['je', ...expandBare(glued[1], options)];
  return word === '' ? [] : [word];
}
