import { type Token, tokenise } from '../tokenise.ts';

/**
 * Words that deny what follows in their clause: « je n'ai pas mal », "no chest pain". Only unambiguous
 * ones: « plus » is left out, since « j'ai plus mal » is "it hurts more" as often as "it no longer hurts".
 */
const DENIALS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'without',
  'none',
  'nothing',
  'nor',
  'ne',
  'pas',
  'jamais',
  'sans',
  'aucun',
  'aucune',
  'ni',
  'rien',
]);
/**
 * Words that carry no sign, only grammar: left out, and the words on each side of them paired instead
 * (« fièvre et toux » gives "fievre toux"). Kept in, the model learnt "and the" or « et » as signs of an
 * emergency, because emergencies are told in longer sentences.
 */
const GRAMMAR_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  's',
  'so',
  'also',
  'about',
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'des',
  'de',
  'du',
  'd',
  'et',
  'ou',
  'au',
  'aux',
  'en',
  'dans',
  'sur',
  'pour',
  'par',
  'avec',
  'ce',
  'cet',
  'cette',
  'ces',
  'qui',
  'que',
  'qu',
  'aussi',
  'donc',
]);
/** Words that end a denial before the clause does: « pas de fièvre mais une raideur de la nuque ». */
const DENIAL_ENDS: ReadonlySet<string> = new Set(['but', 'however', 'mais', 'sauf', 'except', 'although']);
/** A denial reaches this many words at most: past them the clause has moved on. */
const DENIAL_REACH = 6;

type Role = 'grammar' | 'denial' | 'denial end';
/** The three lists above as one map: one lookup per word of every message the classifier reads. */
const ROLES: ReadonlyMap<string, Role> = new Map([
  ...[...GRAMMAR_WORDS].map((word) => [word, 'grammar'] as const),
  ...[...DENIALS].map((word) => [word, 'denial'] as const),
  ...[...DENIAL_ENDS].map((word) => [word, 'denial end'] as const),
]);
if (ROLES.size !== GRAMMAR_WORDS.size + DENIALS.size + DENIAL_ENDS.size) {
  throw new Error('message-features: a word has two roles');
}

/**
 * What the classifier reads of a message (given a model's vocabulary, only what it could weigh): its normalised words (the screener's own tokeniser: no accents,
 * SMS spellings expanded) and each pair of neighbouring words within a clause, since "chest pain" says more
 * than "chest" and "pain". A word a denial reaches is a different feature (`~pain`): "no chest pain" must
 * not weigh like "chest pain".
 */
export function messageFeatures(text: string, vocabulary?: ReadonlySet<string>): string[] {
  return tokenFeatures(tokenise(text), vocabulary);
}

/** `messageFeatures` of a message already tokenised (`tokenise` without a language hint). */
export function tokenFeatures(tokens: readonly Token[], vocabulary?: ReadonlySet<string>): string[] {
  const features = new Set<string>();
  let previous: string | null = null;
  const words = new FeatureWords(tokens);
  while (words.next()) {
    const { word } = words;
    if (words.afterBreak) previous = null;
    const feature = words.denied ? `~${word}` : word;
    // A word no known feature holds: neither it nor a pair with it can weigh (a message of never-seen
    // words would otherwise build hundreds of strings for nothing).
    if (vocabulary !== undefined && !vocabulary.has(word)) {
      previous = null;
      continue;
    }
    // The word itself too: what a denial covers is learnt from both, not from the denial alone (which
    // would make every « ne … pas » weigh like the « je ne veux plus » of suicidal thoughts).
    features.add(word);
    features.add(feature);
    if (previous !== null) features.add(`${previous} ${feature}`);
    previous = feature;
  }
  return [...features];
}

/**
 * Walks the words the classifier reads in a message, in order: each with whether a denial reaches it,
 * and whether a clause ended before it (its pair with the word before does not count). Grammar words
 * are passed over: the words on each side of one are neighbours.
 */
export class FeatureWords {
  word = '';
  denied = false;
  afterBreak = false;
  readonly #tokens: readonly Token[];
  #at = 0;
  /** How many more words the last denial reaches. */
  #reach = 0;

  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  next(): boolean {
    this.afterBreak = false;
    while (this.#at < this.#tokens.length) {
      const token = this.#tokens[this.#at];
      this.#at += 1;
      if (token === undefined) continue;
      if (token.kind === 'break') {
        this.afterBreak = true;
        this.#reach = 0;
        continue;
      }
      const word = token.kind === 'number' ? numberFeature(token.text) : token.text;
      const role = ROLES.get(word);
      if (role === 'grammar') continue;
      if (role === 'denial end') this.#reach = 0;
      this.denied = this.#reach > 0;
      if (this.#reach > 0) this.#reach--;
      if (role === 'denial') this.#reach = DENIAL_REACH;
      this.word = word;
      return true;
    }
    return false;
  }
}

/** A figure by its order of magnitude: "38.9" and "39.4" are both a temperature, 20 and 30 both a count. */
function numberFeature(text: string): string {
  const value = Number(text);
  if (!Number.isFinite(value)) return '#';
  if (value >= 35 && value < 43 && text.includes('.')) return '#temperature';
  return `#${Math.min(Math.trunc(value), 1000).toString().length}`;
}
