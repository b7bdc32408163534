import { PieceScanner } from './piece-scanner.ts';
import {
  ENGLISH_CLITICS,
  ENGLISH_ONLY_CONTRACTIONS,
  FRENCH_ELISIONS,
  IRREGULAR_NEGATIONS,
  PRONOUN_IS,
  SMS_CONTRACTIONS,
} from './sms-contractions.ts';
import { WordMemory } from './word-memory.ts';

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

/**
 * Splits a patient's message into normalised tokens: lowercase, accents and repeated letters removed
 * ("douuuleur" → "douleur"), French elisions and English contractions spelled out ("j'arrive" →
 * "je arrive", "can't" → "can not"), common SMS spellings expanded ("ds" → "dans", "jpeux" → "je peux").
 */
export function tokenise(text: string, options: TokeniseOptions = {}): Token[] {
  const tokens: Token[] = [];
  const pieces = new PieceScanner(text);
  while (pieces.next()) {
    const { kind, start, end } = pieces;
    if (kind === 'break') {
      if (tokens.at(-1)?.kind !== 'break') tokens.push({ kind: 'break', text: '|', start, end });
    } else if (kind === 'number') {
      tokens.push({ kind: 'number', text: text.slice(start, end).replace(/[,°]/, '.'), start, end });
    } else if (kind === 'degree') {
      tokens.push({ kind: 'word', text: 'degres', start, end });
    } else {
      const words = wordsOf(text.slice(start, end), options);
      // By index: a `for … of` here made an iterator and its results for every word of every message.
      for (let i = 0; i < words.length; i += 1) {
        tokens.push({ kind: 'word', text: spokenPlus(words[i] ?? '', tokens.at(-1)), start, end });
      }
    }
  }
  return tokens;
}

/** Words before which « pu » is the participle of pouvoir (« j'ai pu dormir », « pas pu »), not « plus ». */
const BEFORE_PARTICIPLE_PU: ReadonlySet<string> = new Set(
  'ai as a avons avez ont avais avait avions aviez avaient aurai auras aura aurais aurait aurions auriez auraient eu pas jamais'.split(
    ' ',
  ),
);

/** « pu » typed as « plus » is said (« jpeux pu respirer », « il bouge pu »), unless avoir comes before it. */
function spokenPlus(word: string, previous: Token | undefined): string {
  return word === 'pu' && !BEFORE_PARTICIPLE_PU.has(previous?.text ?? '') ? 'plus' : word;
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
  const lower = word.toLowerCase();
  // Most typed words are plain letters already: skip the rewriting below.
  if (PLAIN_WORD.test(lower) && !TRIPLED_LETTER.test(lower)) return lower;
  return lower
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´]/g, "'")
    .replace(/(\p{L})\1{2,}/gu, '$1');
}

// Maps, not the records themselves: looking up a never-seen word as an object key interns the string.
const IRREGULAR = new Map(Object.entries({ ...IRREGULAR_NEGATIONS, ...PRONOUN_IS }));
const ELISIONS = new Map(Object.entries(FRENCH_ELISIONS));
const CLITICS = new Map(Object.entries(ENGLISH_CLITICS));
const CONTRACTIONS = new Map(Object.entries(SMS_CONTRACTIONS));
const ENGLISH_CONTRACTIONS = new Map(Object.entries(ENGLISH_ONLY_CONTRACTIONS));

const PLAIN_WORD = /^[a-z]+$/;
const TRIPLED_LETTER = /(.)\1\1/;

/** Patients reuse few words: each typed word is normalised once (`WordMemory`, this many per generation). */
const REMEMBERED_WORDS = 4_000;
const remembered = {
  fr: new WordMemory<readonly string[]>(REMEMBERED_WORDS),
  en: new WordMemory<readonly string[]>(REMEMBERED_WORDS),
  any: new WordMemory<readonly string[]>(REMEMBERED_WORDS),
};

function wordsOf(typed: string, options: TokeniseOptions): readonly string[] {
  const memory = remembered[options.language ?? 'any'];
  let words = memory.get(typed);
  if (words === undefined) {
    words = expandWord(normaliseWord(typed), options);
    memory.set(typed, words);
  }
  return words;
}

function expandWord(word: string, options: TokeniseOptions): string[] {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular.split(' ');
  if (word.endsWith("n't")) return [...expandWord(word.slice(0, -3), options), 'not'];
  if (!word.includes("'")) return expandBare(word, options);
  const parts = word.split("'");
  if (parts.length > 1) return parts.flatMap((part, i) => expandPart(part, i, parts.length, options));
  return expandBare(word, options);
}

/** A piece of an apostrophe word: a French elision before it, an English clitic after it. */
function expandPart(part: string, index: number, count: number, options: TokeniseOptions): string[] {
  if (index < count - 1) {
    const elided = ELISIONS.get(part);
    if (elided !== undefined) return [elided];
  }
  if (index > 0) {
    const clitic = CLITICS.get(part);
    if (clitic !== undefined) return clitic === '' ? [] : [clitic];
  }
  return expandBare(part, options);
}

/**
 * Whether `tokenise` with these options reads every message as it does without them: only English
 * spells some words otherwise (`expandBare`), so a French hint changes nothing.
 */
export function readsAsWithoutHint(options: TokeniseOptions): boolean {
  return options.language !== 'en';
}

function expandBare(word: string, options: TokeniseOptions): string[] {
  const expanded =
    CONTRACTIONS.get(word) ?? (options.language === 'en' ? ENGLISH_CONTRACTIONS.get(word) : undefined);
  if (expanded !== undefined) return expanded.split(' ');
  // No French word starts with j and a consonant: "jpeux", "jsuis", "jme" are « je » glued to the verb.
  const glued = word.startsWith('j') ? /^j([bcdfghklmnpqrstvwxz][a-z]+)$/.exec(word) : null;
  if (glued?.[1] !== undefined) return ['je', ...expandBare(glued[1], options)];
  return word === '' ? [] : [word];
}
