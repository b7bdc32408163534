import type { Atom, CompiledLexicon } from './compile-lexicon.ts';
import { isSlipOf, squeezeDoubles, startsWithTypoOf, typoBudget } from './fuzzy-match.ts';
import { PrefixTrie } from './prefix-trie.ts';
import type { Token } from './tokenise.ts';
import { WordMemory } from './word-memory.ts';

type WordAtom = Atom & { kind: 'word' | 'stem' };
/** A word or stem that tolerates a typo, with the letters it holds (`letterSet`). */
/**
 * Lexicon words or stems a typo may stand for, packed: the letters each holds as a bit set in a typed
 * array, so that the loop that rules most of them out (every never-seen word runs it) reads integers in a
 * row instead of chasing objects.
 */
class TypoCandidates {
  readonly atoms: WordAtom[] = [];
  #letters = new Int32Array(8);

  add(atom: WordAtom): void {
    if (this.atoms.length === this.#letters.length) {
      const grown = new Int32Array(this.#letters.length * 2);
      grown.set(this.#letters);
      this.#letters = grown;
    }
    this.#letters[this.atoms.length] = letterSet(atom.text);
    this.atoms.push(atom);
  }

  get letters(): Int32Array {
    return this.#letters;
  }
}
type NumberAtom = Atom & { kind: 'number' };

/** A word's answers are kept across messages (`WordMemory`), this many words per generation. */
const REMEMBERED_WORDS = 4_000;

const NO_ELEMENTS: ReadonlySet<number> = new Set();
// Shared empty lists: `?? []` on every lookup that finds nothing would make a new array each time.
const NO_ATOMS: readonly number[] = [];
const NO_WORD_ATOMS: readonly WordAtom[] = [];
const NO_CANDIDATES = new TypoCandidates();
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
  /** By {@link typoKey}: first letter, length, and (below {@link ANCHORED_BELOW} letters) a second or third letter. */
  readonly #typoWords = new Map<number, TypoCandidates>();
  /** Words of four letters and more, by their spelling with doubled letters made single. */
  readonly #squeezedWords = new Map<string, WordAtom[]>();
  /** By {@link typoKey} with length 0: first letter and a second or third letter. */
  readonly #typoStems = new Map<number, TypoCandidates>();
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
          const anchored = atom.text.length < ANCHORED_BELOW;
          for (const key of typoKeysOf(atom.text, atom.text.length, anchored))
            addTo(this.#typoWords, key, atom);
          push(this.#squeezedWords, squeezeDoubles(atom.text), atom);
        }
      } else {
        this.#stems.add(atom.text, atom.id);
        if (french) this.#frenchStems.add(atom.text, atom.id);
        if (!atom.exact && atom.text.length >= SHORTEST_STEM_WITH_TYPO) {
          for (const key of typoKeysOf(atom.text, 0, true)) addTo(this.#typoStems, key, atom);
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
    // A word of fewer than 8 letters (and every stem) is only a slip of the typed word when their second
    // or third letters meet (`mayStartWithTypoOf`): the candidates are kept under those letters, so only the
    // few that can pass are looked at, which is what keeps never-seen words cheap.
    const anchors = typed.length < 3 ? [] : typed[1] === typed[2] ? [typed[1]] : [typed[1], typed[2]];
    for (let length = Math.max(0, typed.length - 2); length <= typed.length + 2; length += 1) {
      const budget = typoBudget(length);
      const anchored = length < ANCHORED_BELOW;
      for (const anchor of anchored ? anchors : [undefined]) {
        const { atoms, letters } = this.#typoWords.get(typoKey(first, length, anchor)) ?? NO_CANDIDATES;
        for (let i = 0; i < atoms.length; i += 1) {
          if (lettersApart(letters[i] ?? 0, typedLetters) > budget) continue;
          const atom = atoms[i];
          if (atom === undefined || found.has(atom.id)) continue;
          if (anchored && !mayStartWithTypoOf(typed, atom.text)) continue;
          if (isSlipOf(typed, atom.text)) found.add(atom.id);
        }
      }
    }
    for (const anchor of anchors) {
      const { atoms, letters } = this.#typoStems.get(typoKey(first, 0, anchor)) ?? NO_CANDIDATES;
      for (let i = 0; i < atoms.length; i += 1) {
        // A stem tolerates one slip: two of its letters missing from the whole word rule it out.
        if (countBits((letters[i] ?? 0) & ~typedLetters) > 1) continue;
        const atom = atoms[i];
        if (atom === undefined || found.has(atom.id)) continue;
        if (mayStartWithTypoOf(typed, atom.text) && startsWithTypoOf(typed, atom.text)) found.add(atom.id);
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

/** Words this long and longer are typo candidates whatever their second and third letters. */
const ANCHORED_BELOW = 8;

/** One number for (first letter, length, anchor letter): no string is built per lookup. */
function typoKey(first: string, length: number, anchor: string | undefined): number {
  return ((first.charCodeAt(0) || 0) * 64 + Math.min(length, 63)) * 65_536 + (anchor?.charCodeAt(0) ?? 0);
}

/** Where a lexicon word or stem is kept: under its second and its third letter when anchored. */
function typoKeysOf(text: string, length: number, anchored: boolean): number[] {
  const first = text[0] ?? '';
  if (!anchored) return [typoKey(first, length, undefined)];
  const keys = new Set([typoKey(first, length, text[1]), typoKey(first, length, text[2])]);
  return [...keys];
}

function addTo(map: Map<number, TypoCandidates>, key: number, atom: WordAtom): void {
  const candidates = map.get(key) ?? new TypoCandidates();
  map.set(key, candidates);
  candidates.add(atom);
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
