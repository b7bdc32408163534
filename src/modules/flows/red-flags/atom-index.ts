import type { Atom, CompiledLexicon } from './compile-lexicon.ts';
import { isSlipOf, squeezeDoubles, startsWithTypoOf, typoBudget } from './fuzzy-match.ts';
import { PrefixTrie } from './prefix-trie.ts';
import type { Token } from './tokenise.ts';
import { WordMemory } from './word-memory.ts';

type WordAtom = Atom & { kind: 'word' | 'stem' };
/** A word or stem that tolerates a typo, with the letters it holds (`letterSet`). */
type TypoCandidate = { atom: WordAtom; letters: number };
type NumberAtom = Atom & { kind: 'number' };

/** A word's answers are kept across messages (`WordMemory`), this many words per generation. */
const REMEMBERED_WORDS = 4_000;

const NO_ELEMENTS: ReadonlySet<number> = new Set();
// Shared empty lists: `?? []` on every lookup that finds nothing would make a new array each time.
const NO_ATOMS: readonly number[] = [];
const NO_WORD_ATOMS: readonly WordAtom[] = [];
const NO_CANDIDATES: readonly TypoCandidate[] = [];
const NO_LENGTHS: ReadonlyArray<readonly TypoCandidate[]> = [];
/** First letters of an elided French word glued on (« jarrive », « quil »): the regex runs only then. */
const ELIDED_FIRST: ReadonlySet<string> = new Set(['q', 'j', 'n', 'l', 's', 'd', 'm', 't', 'c']);

/** Stems shorter than this tolerate no slip (`startsWithTypoOf`). */
const SHORTEST_STEM_WITH_TYPO = 6;

/**
 * Which atoms and pattern elements of a lexicon a token is, found by lookups instead of trying every
 * atom on every token: screening runs on every patient message and must cost well under a millisecond.
 * Gives the same answers as `atomMatches` (match-pattern.ts), which stays the reference.
 */
export class AtomIndex {
  readonly #lexicon: CompiledLexicon;
  readonly #words = new Map<string, number[]>();
  readonly #stems = new PrefixTrie();
  readonly #numbers: NumberAtom[] = [];
  /** Words that tolerate a typo, by first letter, then by length. */
  readonly #typoWords = new Map<string, TypoCandidate[][]>();
  /** Words of four letters and more, by their spelling with doubled letters made single. */
  readonly #squeezedWords = new Map<string, WordAtom[]>();
  readonly #typoStems = new Map<string, TypoCandidate[]>();
  /** French atoms that an elided « j' », « n' », « s' » may be glued to. */
  readonly #frenchWords = new Map<string, number[]>();
  readonly #frenchSqueezed = new Map<string, number[]>();
  readonly #frenchStems = new PrefixTrie();
  readonly #elementsOfAtom: number[][];
  readonly #found = new Set<number>();
  readonly #remembered = new WordMemory<ReadonlySet<number>>(REMEMBERED_WORDS);
  /** `words.knownPrefixes` as a set, tried at each length: `isKnownWord` without a scan of the list. */
  readonly #knownPrefixes = new PrefixTrie();

  constructor(lexicon: CompiledLexicon) {
    this.#lexicon = lexicon;
    this.#elementsOfAtom = Array.from({ length: lexicon.atomCount }, () => []);
    const atoms = new Map<number, Atom>();
    const patterns = [...lexicon.categories, ...lexicon.concepts, ...lexicon.conceptExclusions].map(
      (entry) => entry.pattern,
    );
    for (const pattern of patterns.concat(lexicon.exclusions, lexicon.past)) {
      for (const element of pattern.elements) {
        for (const atom of element.atoms) {
          atoms.set(atom.id, atom);
          const elements = this.#elementsOfAtom[atom.id];
          if (elements !== undefined && !elements.includes(element.id)) elements.push(element.id);
        }
      }
    }
    for (const atom of atoms.values()) {
      if (atom.kind === 'number') {
        this.#numbers.push(atom);
        continue;
      }
      const french = atom.language === 'fr' && !atom.exact;
      if (atom.kind === 'word') {
        push(this.#words, atom.text, atom.id);
        if (french) push(this.#frenchWords, atom.text, atom.id);
        if (french && atom.text.length >= 4) push(this.#frenchSqueezed, squeezeDoubles(atom.text), atom.id);
        if (!atom.exact && atom.text.length >= 4) {
          const byLength = this.#typoWords.get(atom.text[0] ?? '') ?? [];
          this.#typoWords.set(atom.text[0] ?? '', byLength);
          const sameLength = byLength[atom.text.length] ?? [];
          byLength[atom.text.length] = sameLength;
          sameLength.push({ atom, letters: letterSet(atom.text) });
          push(this.#squeezedWords, squeezeDoubles(atom.text), atom);
        }
      } else {
        this.#stems.add(atom.text, atom.id);
        if (french) this.#frenchStems.add(atom.text, atom.id);
        if (!atom.exact && atom.text.length >= SHORTEST_STEM_WITH_TYPO) {
          push(this.#typoStems, atom.text[0] ?? '', { atom, letters: letterSet(atom.text) });
        }
      }
    }
    for (const prefix of lexicon.words.knownPrefixes) this.#knownPrefixes.add(prefix, 0);
  }

  /** The pattern elements an atom belongs to. */
  elementsOf(atomId: number): readonly number[] {
    return this.#elementsOfAtom[atomId] ?? NO_ATOMS;
  }

  /** The pattern elements this token is, remembered across messages (`WordMemory`). */
  elementsOfToken(token: Token): ReadonlySet<number> {
    if (token.kind === 'break') return NO_ELEMENTS;
    const key = `${token.kind === 'number' ? '#' : ''}${token.text}`;
    let elements = this.#remembered.get(key);
    if (elements === undefined) {
      const atoms = this.atomsOf(token);
      if (atoms.length === 0) elements = NO_ELEMENTS;
      else {
        const found = new Set<number>();
        for (const atom of atoms) for (const element of this.elementsOf(atom)) found.add(element);
        elements = found;
      }
      this.#remembered.set(key, elements);
    }
    return elements;
  }

  /** The ids of the atoms this token is, in no particular order, worked out afresh. */
  atomsOf(token: Token): readonly number[] {
    if (token.kind === 'break') return [];
    return token.kind === 'number'
      ? this.#numberAtoms(Number(token.text), token.text.includes('.'))
      : this.#wordAtoms(token.text);
  }

  #numberAtoms(value: number, withDecimals: boolean): number[] {
    return this.#numbers
      .filter((atom) => (withDecimals || !atom.decimal) && value >= atom.min && value <= atom.max)
      .map((atom) => atom.id);
  }

  #wordAtoms(typed: string): readonly number[] {
    // One set for every word (screening is synchronous), copied out only when something was found.
    const found = this.#found;
    found.clear();
    const value = this.#lexicon.words.numbers.get(typed);
    // A number typed as a word has no decimals: `<d:…>` atoms never match it.
    if (value !== undefined) addAll(found, this.#numberAtoms(value, false));
    addAll(found, this.#words.get(typed));
    this.#stems.collect(typed, found);
    if (this.#isKnown(typed)) return found.size === 0 ? NO_ATOMS : [...found];

    const first = typed[0] ?? '';
    const squeezed = squeezeDoubles(typed);
    for (const atom of this.#squeezedWords.get(squeezed) ?? NO_WORD_ATOMS)
      if (atom.text[0] === first) found.add(atom.id);
    // Edits change a length by at most the typo budget, 2.
    const typedLetters = letterSet(typed);
    const byLength = this.#typoWords.get(first) ?? NO_LENGTHS;
    for (let length = Math.max(0, typed.length - 2); length <= typed.length + 2; length += 1) {
      for (const { atom, letters } of byLength[length] ?? NO_CANDIDATES) {
        if (found.has(atom.id) || lettersApart(letters, typedLetters) > typoBudget(atom.text.length))
          continue;
        // One slip (words of 5 to 7 letters) leaves the second or third letter in place or shifted by one.
        if (atom.text.length < 8 && !mayStartWithTypoOf(typed, atom.text)) continue;
        if (isSlipOf(typed, atom.text)) found.add(atom.id);
      }
    }
    for (const { atom, letters } of this.#typoStems.get(first) ?? NO_CANDIDATES) {
      // A stem tolerates one slip: two of its letters missing from the whole word rule it out.
      if (found.has(atom.id) || countBits(letters & ~typedLetters) > 1) continue;
      if (mayStartWithTypoOf(typed, atom.text) && startsWithTypoOf(typed, atom.text)) {
        found.add(atom.id);
      }
    }
    // Without its apostrophe an elided French word is glued on; that form is taken as typed, not corrected.
    const unglued = ELIDED_FIRST.has(first)
      ? /^(?:qu|[jnlsdmtc])(?=[aeiouyh])(.{4,})$/.exec(typed)?.[1]
      : undefined;
    if (unglued !== undefined) {
      addAll(found, this.#frenchWords.get(unglued));
      addAll(found, this.#frenchSqueezed.get(squeezeDoubles(unglued)));
      this.#frenchStems.collect(unglued, found);
    }
    return found.size === 0 ? NO_ATOMS : [...found];
  }

  #isKnown(word: string): boolean {
    return this.#lexicon.words.known.has(word) || this.#knownPrefixes.hasPrefixOf(word);
  }
}

/**
 * A cheap test before `startsWithTypoOf`: one slip after the first letter leaves the second or third
 * letter in place or shifted by one.
 */
function mayStartWithTypoOf(typed: string, stem: string): boolean {
  if (typed.length < stem.length - 1 || typed.length < 3) return false;
  return typed[1] === stem[1] || typed[2] === stem[2] || typed[1] === stem[2] || typed[2] === stem[1];
}

function addAll(found: Set<number>, ids: readonly number[] | undefined): void {
  if (ids !== undefined) for (const id of ids) found.add(id);
}

/** The letters a to z a word holds, one bit each. */
function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i += 1) {
    const letter = word.charCodeAt(i) - 97;
    if (letter >= 0 && letter < 26) set |= 1 << letter;
  }
  return set;
}

/**
 * A lower bound on the edits between two words: each letter one holds and the other lacks takes an edit
 * of its own. Cheap enough to rule out most lexicon words before the edit distance is computed.
 */
function lettersApart(a: number, b: number): number {
  return Math.max(countBits(a & ~b), countBits(b & ~a));
}

function countBits(set: number): number {
  let bits = set - ((set >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
