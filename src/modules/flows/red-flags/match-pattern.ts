import {
  type Atom,
  type CompiledLexicon,
  type CompiledPattern,
  isKnownWord,
  type LexiconWords,
  type PatternElement,
} from './compile-lexicon.ts';
import { isTypoOf, squeezeDoubles, startsWithTypoOf } from './fuzzy-match.ts';
import type { Token } from './tokenise.ts';

/** Where a pattern matched: the tokens its elements matched, in text order. */
export interface PatternMatch {
  tokenIndexes: number[];
}

/** A gap, however made of filler words, never spans more tokens than this. */
const MAX_GAP_TOKENS = 8;

const UNKNOWN = 0;
const NO = 1;
const YES = 2;

/** One message's tokens, read with one lexicon; remembers which token matched which atom. */
export class MessageMatcher {
  readonly words: LexiconWords;
  readonly #atomCount: number;
  readonly #elementCount: number;
  /** Per token and atom, per token and element: UNKNOWN, NO or YES. */
  readonly #atomSeen: Uint8Array;
  readonly #elementSeen: Uint8Array;
  readonly #known = new Map<string, boolean>();

  readonly tokens: readonly Token[];

  constructor(tokens: readonly Token[], lexicon: CompiledLexicon) {
    this.tokens = tokens;
    this.words = lexicon.words;
    this.#atomCount = lexicon.atomCount;
    this.#elementCount = lexicon.elementCount;
    this.#atomSeen = new Uint8Array(tokens.length * lexicon.atomCount);
    this.#elementSeen = new Uint8Array(tokens.length * lexicon.elementCount);
  }

  /** Every place the pattern matches, at most one per starting token, in text order. */
  matches(pattern: CompiledPattern): PatternMatch[] {
    const orders = pattern.anyOrder ? permutations(pattern.elements) : [pattern.elements];
    const found = new Map<string, PatternMatch>();
    for (const elements of orders) {
      const [first] = elements;
      if (first === undefined) continue;
      for (let start = 0; start < this.tokens.length; start += 1) {
        if (!this.#elementMatches(first, start)) continue;
        const picked = this.#extend(elements, 1, start, pattern.maxGap);
        if (picked === null) continue;
        const tokenIndexes = [start, ...picked].sort((a, b) => a - b);
        found.set(tokenIndexes.join(','), { tokenIndexes });
      }
    }
    return [...found.values()].sort((a, b) => (a.tokenIndexes[0] ?? 0) - (b.tokenIndexes[0] ?? 0));
  }

  /**
   * Finds the rest of the elements after `previous`, each within a gap of filler words and at most
   * `maxGap` other words. A gap stops at a clause break and at a negation: in « poitrine pas
   * douloureuse » the words around « pas » are not a finding.
   */
  #extend(
    elements: readonly PatternElement[],
    next: number,
    previous: number,
    maxGap: number,
  ): number[] | null {
    const element = elements[next];
    if (element === undefined) return [];
    let otherWords = 0;
    let sawNe = false;
    for (let at = previous + 1; at < this.tokens.length && at <= previous + 1 + MAX_GAP_TOKENS; at += 1) {
      const token = this.tokens[at];
      if (token === undefined || token.kind === 'break' || this.words.clauseBreakers.has(token.text)) break;
      if (this.#elementMatches(element, at)) {
        const rest = this.#extend(elements, next + 1, at, maxGap);
        if (rest !== null) return [at, ...rest];
      }
      if (this.words.negators.has(token.text)) break;
      if (sawNe && this.words.negatorsAfterNe.has(token.text)) break;
      sawNe ||= token.text === 'ne';
      if (!this.words.fillers.has(token.text)) {
        otherWords += 1;
        if (otherWords > maxGap) break;
      }
    }
    return null;
  }

  #elementMatches(element: PatternElement, at: number): boolean {
    const slot = at * this.#elementCount + element.id;
    if (this.#elementSeen[slot] === UNKNOWN) {
      const token = this.tokens[at];
      const matched = token !== undefined && element.atoms.some((atom) => this.#atomMatches(atom, token, at));
      this.#elementSeen[slot] = matched ? YES : NO;
    }
    return this.#elementSeen[slot] === YES;
  }

  #atomMatches(atom: Atom, token: Token, at: number): boolean {
    const slot = at * this.#atomCount + atom.id;
    if (this.#atomSeen[slot] === UNKNOWN) {
      this.#atomSeen[slot] = atomMatches(atom, token, this.words, (word) => this.#isKnown(word)) ? YES : NO;
    }
    return this.#atomSeen[slot] === YES;
  }

  #isKnown(word: string): boolean {
    let known = this.#known.get(word);
    if (known === undefined) {
      known = isKnownWord(this.words, word);
      this.#known.set(word, known);
    }
    return known;
  }
}

/**
 * Whether a token is this atom: the same word, or the word mistyped when the token is no word we know
 * (so « conscient » is never read as a typo of « inconscient »), or, for French, the word glued to an
 * elided « j' », « n' », « s' » typed without its apostrophe (« sarrete », « mevanoui »).
 */
export function atomMatches(
  atom: Atom,
  token: Token,
  words: LexiconWords,
  isKnown: (word: string) => boolean = (word) => isKnownWord(words, word),
): boolean {
  if (atom.kind === 'number') {
    if (atom.decimal && !token.text.includes('.')) return false;
    const value = token.kind === 'number' ? Number(token.text) : words.numbers.get(token.text);
    return value !== undefined && value >= atom.min && value <= atom.max;
  }
  if (token.kind !== 'word') return false;
  const typed = token.text;
  if (spelledAs(atom, typed)) return true;
  // Without its apostrophe an elided French word is glued on; that form is taken as typed, not corrected.
  const unglued =
    atom.language === 'fr' ? /^(?:qu|[jnlsdmtc])(?=[aeiouyh])(.{4,})$/.exec(typed)?.[1] : undefined;
  // A typo is never on the first letter (fuzzy-match.ts): most pairs stop here, before costlier checks.
  const mayBeTypo = typed[0] === atom.text[0];
  if (atom.exact || (!mayBeTypo && unglued === undefined) || isKnown(typed)) return false;
  if (mayBeTypo && (atom.kind === 'word' ? isTypoOf(typed, atom.text) : startsWithTypoOf(typed, atom.text))) {
    return true;
  }
  if (unglued === undefined) return false;
  return (
    spelledAs(atom, unglued) ||
    (atom.kind === 'word' && squeezeDoubles(unglued) === squeezeDoubles(atom.text))
  );
}

function spelledAs(atom: Atom & { kind: 'word' | 'stem' }, text: string): boolean {
  return atom.kind === 'word' ? text === atom.text : text.startsWith(atom.text);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
