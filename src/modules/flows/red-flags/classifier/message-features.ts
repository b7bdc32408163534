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
  let denied = 0;
  for (const token of tokens) {
    if (token.kind === 'break') {
      previous = null;
      denied = 0;
      continue;
    }
    const word = token.kind === 'number' ? numberFeature(token.text) : token.text;
    if (GRAMMAR_WORDS.has(word)) continue;
    if (DENIAL_ENDS.has(word)) denied = 0;
    const feature = denied > 0 ? `~${word}` : word;
    if (denied > 0) denied--;
    if (DENIALS.has(word)) denied = DENIAL_REACH;
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

/** A figure by its order of magnitude: "38.9" and "39.4" are both a temperature, 20 and 30 both a count. */
function numberFeature(text: string): string {
  const value = Number(text);
  if (!Number.isFinite(value)) return '#';
  if (value >= 35 && value < 43 && text.includes('.')) return '#temperature';
  return `#${Math.min(Math.trunc(value), 1000).toString().length}`;
}
