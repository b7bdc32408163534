import type { AtomIndex } from './atom-index.ts';
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

const NO_ELEMENTS: readonly number[] = [];
const NO_MATCHES: readonly PatternMatch[] = [];

/** One message's tokens, read with one lexicon: which pattern elements each token is, found once. */
export class MessageMatcher {
  readonly words: LexiconWords;
  /** Per token, the elements it matches, in ascending order. */
  readonly #elementsAt: Array<readonly number[]>;
  /**
   * Per element, the tokens that match it in text order, as linked lists in typed arrays (one allocation
   * each per message, not one array per element): `#firstPair[element]` is its first (token, element)
   * pair or -1, `#pairToken[pair]` that pair's token, `#nextPair[pair]` the element's next pair or -1.
   */
  readonly #firstPair: Int32Array;
  readonly #pairToken: Int32Array;
  readonly #nextPair: Int32Array;
  /** Search states known to fail, for the pattern being matched: one set, cleared for each pattern. */
  readonly #dead = new Set<number>();

  readonly tokens: readonly Token[];

  constructor(tokens: readonly Token[], lexicon: CompiledLexicon, index: AtomIndex) {
    this.tokens = tokens;
    this.words = lexicon.words;
    this.#elementsAt = new Array<readonly number[]>(tokens.length);
    let pairs = 0;
    for (let at = 0; at < tokens.length; at += 1) {
      const token = tokens[at];
      const elements = token === undefined ? NO_ELEMENTS : index.elementsOfToken(token);
      this.#elementsAt[at] = elements;
      pairs += elements.length;
    }
    this.#firstPair = new Int32Array(lexicon.elementCount).fill(-1);
    this.#pairToken = new Int32Array(pairs);
    this.#nextPair = new Int32Array(pairs);
    // From the last token back, each pair put first: every list ends up in text order.
    let pair = 0;
    for (let at = tokens.length - 1; at >= 0; at -= 1) {
      const elements = this.#elementsAt[at] ?? NO_ELEMENTS;
      for (let i = 0; i < elements.length; i += 1) {
        const element = elements[i] ?? 0;
        this.#pairToken[pair] = at;
        this.#nextPair[pair] = this.#firstPair[element] ?? -1;
        this.#firstPair[element] = pair;
        pair += 1;
      }
    }
  }

  /** The tokens that match an element, in text order. */
  #startsOf(element: PatternElement | undefined): number[] {
    const starts: number[] = [];
    if (element === undefined) return starts;
    for (let pair = this.#firstPair[element.id] ?? -1; pair !== -1; pair = this.#nextPair[pair] ?? -1) {
      starts.push(this.#pairToken[pair] ?? 0);
    }
    return starts;
  }

  /** Whether some token of the message is this element. */
  holds(elementId: number): boolean {
    return (this.#firstPair[elementId] ?? -1) !== -1;
  }

  /** Whether every element of the pattern is somewhere in the message: most patterns fail this at once. */
  mayMatch(pattern: CompiledPattern): boolean {
    for (const element of pattern.elements) if ((this.#firstPair[element.id] ?? -1) === -1) return false;
    return true;
  }

  /** Every place the pattern matches, at most one per starting token, in text order. */
  matches(pattern: CompiledPattern): readonly PatternMatch[] {
    if (!this.mayMatch(pattern)) return NO_MATCHES;
    if (!pattern.anyOrder) return this.#inOrderMatches(pattern.elements, pattern.maxGap, pattern.gapStoppers);
    let found: Map<string, PatternMatch> | undefined;
    for (const elements of ordersOf(pattern)) {
      const starts = this.#startsOf(elements[0]);
      // What failed from one token fails from it whatever the start: a long run of one word stays linear.
      const dead = this.#dead;
      if (dead.size > 0) dead.clear();
      for (const start of starts) {
        const picked = this.#extend(elements, 1, start, pattern.maxGap, pattern.gapStoppers, dead);
        if (picked === null) continue;
        const tokenIndexes = [start, ...picked].sort((a, b) => a - b);
        found ??= new Map();
        found.set(tokenIndexes.join(','), { tokenIndexes });
      }
    }
    if (found === undefined) return [];
    return [...found.values()].sort((a, b) => (a.tokenIndexes[0] ?? 0) - (b.tokenIndexes[0] ?? 0));
  }

  /** Matches of a pattern read in order: one per start, already in text order, no two alike. */
  #inOrderMatches(
    elements: readonly PatternElement[],
    maxGap: number,
    stoppers: ReadonlySet<string>,
  ): readonly PatternMatch[] {
    let found: PatternMatch[] | undefined;
    const dead = this.#dead;
    // Clearing a set makes it a new table: most patterns tried leave it empty.
    if (dead.size > 0) dead.clear();
    const first = elements[0]?.id ?? -1;
    for (let pair = this.#firstPair[first] ?? -1; pair !== -1; pair = this.#nextPair[pair] ?? -1) {
      const start = this.#pairToken[pair] ?? 0;
      const picked = this.#extend(elements, 1, start, maxGap, stoppers, dead);
      if (picked === null) continue;
      found ??= [];
      found.push({ tokenIndexes: [start, ...picked] });
    }
    return found ?? NO_MATCHES;
  }

  /**
   * Finds the rest of the elements after `previous`, each within a gap of filler words and at most
   * `maxGap` other words. A gap stops at a clause break and at a negation: in « poitrine pas
   * douloureuse » the words around « pas » are not a finding; and at the pattern's gap stoppers ("dont").
   */
  #extend(
    elements: readonly PatternElement[],
    next: number,
    previous: number,
    maxGap: number,
    stoppers: ReadonlySet<string>,
    dead: Set<number>,
  ): number[] | null {
    const element = elements[next];
    if (element === undefined) return [];
    const state = next * this.tokens.length + previous;
    if (dead.has(state)) return null;
    let otherWords = 0;
    let sawNe = false;
    for (let at = previous + 1; at < this.tokens.length && at <= previous + 1 + MAX_GAP_TOKENS; at += 1) {
      const token = this.tokens[at];
      if (token === undefined || token.kind === 'break' || this.words.clauseBreakers.has(token.text)) break;
      if (includesSorted(this.#elementsAt[at] ?? NO_ELEMENTS, element.id)) {
        const rest = this.#extend(elements, next + 1, at, maxGap, stoppers, dead);
        if (rest !== null) return [at, ...rest];
      }
      if (this.words.negators.has(token.text) || stoppers.has(token.text)) break;
      if (sawNe && this.words.negatorsAfterNe.has(token.text)) break;
      sawNe ||= token.text === 'ne';
      if (!this.words.fillers.has(token.text)) {
        otherWords += 1;
        if (otherWords > maxGap) break;
      }
    }
    dead.add(state);
    return null;
  }
}

/** Whether an ascending list holds a value: a binary search, the lists being a token's elements. */
function includesSorted(list: readonly number[], value: number): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const found = list[middle] ?? 0;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle;
  }
  return false;
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

const ORDERS = new WeakMap<CompiledPattern, PatternElement[][]>();

/** The orders a pattern's elements may come in: one, or every one for an `any:` pattern. */
function ordersOf(pattern: CompiledPattern): PatternElement[][] {
  let orders = ORDERS.get(pattern);
  if (orders === undefined) {
    orders = pattern.anyOrder ? permutations(pattern.elements) : [pattern.elements];
    ORDERS.set(pattern, orders);
  }
  return orders;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
