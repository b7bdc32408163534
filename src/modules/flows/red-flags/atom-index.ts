import type { Atom, CompiledLexicon } from './compile-lexicon.ts';
import { isSlipOf, squeezeDoubles, startsWithTypoOf, typoBudget } from './fuzzy-match.ts';
import { PrefixTrie } from './prefix-trie.ts';
import type { Token } from './tokenise.ts';
import {
  letterSet,
  NO_ANCHOR,
  type TypoCandidates,
  type TypoShelf,
  TypoShelves,
  type WordAtom,
} from './typo-candidates.ts';
import { WordMemory } from './word-memory.ts';

type NumberAtom = Atom & { kind: 'number' };

/** A word's answers are kept across messages (`WordMemory`), this many words per generation. */
const REMEMBERED_WORDS = 4_000;

const NO_ELEMENTS: readonly number[] = [];
// Shared empty lists: `?? []` on every lookup that finds nothing would make a new array each time.
const NO_ATOMS: readonly number[] = [];
const NO_WORD_ATOMS: readonly WordAtom[] = [];
/** First letters of an elided French word glued on (« jarrive », « quil »): the regex runs only then. */
const ELIDED_FIRST: ReadonlySet<string> = new Set(['q', 'j', 'n', 'l', 's', 'd', 'm', 't', 'c']);

/** Stems shorter than this tolerate no slip (`startsWithTypoOf`). */
const SHORTEST_STEM_WITH_TYPO = 6;

/** What an exact spelling is to the lexicon: the atoms it is, and whether it is a known word. */
interface Spelling {
  /** Spelled right as it is, so never taken for a typo (`words.known`). */
  known: boolean;
  /** Number atoms it is as a number word (« trente », "forty"). */
  numbers: number[];
  /** Word atoms spelled so. */
  words: number[];
  /** Word atoms of four letters and more that tolerate a typo, spelled so once doubled letters are single. */
  squeezedWords: WordAtom[];
}

/**
 * Which atoms and pattern elements of a lexicon a token is, found by lookups instead of trying every
 * atom on every token: screening runs on every patient message and must cost well under a millisecond.
 * Gives the same answers as `atomMatches` (match-pattern.ts), which stays the reference.
 */
export class AtomIndex {
  /** What each exact spelling the lexicon knows is to it: one lookup per typed word (`Spelling`). */
  readonly #spellings = new Map<string, Spelling>();
  readonly #stems = new PrefixTrie();
  readonly #numbers: NumberAtom[] = [];
  /**
   * Words and stems that tolerate a typo, by first letter and anchor: a second or third letter for stems
   * and words below {@link ANCHORED_BELOW} letters, `NO_ANCHOR` for longer words.
   */
  readonly #typos = new TypoShelves();
  /** French atoms that an elided « j' », « n' », « s' » may be glued to. */
  readonly #frenchWords = new Map<string, number[]>();
  readonly #frenchSqueezed = new Map<string, number[]>();
  readonly #frenchStems = new PrefixTrie();
  readonly #elementsOfAtom: number[][];
  /** One set for every word (screening is synchronous), copied out only when something was found. */
  readonly #found = new Set<number>();
  readonly #remembered = new WordMemory<readonly number[]>(REMEMBERED_WORDS);
  /** `words.knownPrefixes` as a set, tried at each length: `isKnownWord` without a scan of the list. */
  readonly #knownPrefixes = new PrefixTrie();

  constructor(lexicon: CompiledLexicon) {
    this.#elementsOfAtom = Array.from({ length: lexicon.atomCount }, () => []);
    const atoms = new Map<number, Atom>();
    const patterns = [
      ...lexicon.categories,
      ...lexicon.concepts,
      ...lexicon.conceptExclusions,
      ...lexicon.dismissals,
    ].map((entry) => entry.pattern);
    const framePatterns = lexicon.pastFrames.flatMap((frame) =>
      frame.after === undefined ? [frame.before] : [frame.before, frame.after],
    );
    for (const pattern of patterns.concat(lexicon.exclusions, lexicon.past, framePatterns)) {
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
        this.#spellingOf(atom.text).words.push(atom.id);
        if (french) push(this.#frenchWords, atom.text, atom.id);
        if (french) push(this.#frenchSqueezed, squeezeDoubles(atom.text), atom.id);
        if (!atom.exact && atom.text.length >= 4) {
          const anchors = atom.text.length < ANCHORED_BELOW ? anchorsOf(atom.text) : [NO_ANCHOR];
          for (const anchor of anchors) this.#typos.addWord(atom, anchor);
          this.#spellingOf(squeezeDoubles(atom.text)).squeezedWords.push(atom);
        }
      } else {
        this.#stems.add(atom.text, atom.id);
        if (french) this.#frenchStems.add(atom.text, atom.id);
        if (!atom.exact && atom.text.length >= SHORTEST_STEM_WITH_TYPO) {
          for (const anchor of anchorsOf(atom.text)) this.#typos.addStem(atom, anchor);
        }
      }
    }
    for (const prefix of lexicon.words.knownPrefixes) this.#knownPrefixes.add(prefix, 0);
    for (const word of lexicon.words.known) this.#spellingOf(word).known = true;
    // A number typed as a word has no decimals: `<d:…>` atoms never match it.
    for (const [word, value] of lexicon.words.numbers) {
      this.#spellingOf(word).numbers.push(...this.#numberAtoms(value, false));
    }
  }

  #spellingOf(text: string): Spelling {
    let spelling = this.#spellings.get(text);
    if (spelling === undefined) {
      spelling = { known: false, numbers: [], words: [], squeezedWords: [] };
      this.#spellings.set(text, spelling);
    }
    return spelling;
  }

  /** The pattern elements an atom belongs to. */
  elementsOf(atomId: number): readonly number[] {
    return this.#elementsOfAtom[atomId] ?? NO_ATOMS;
  }

  /**
   * The pattern elements this token is, in ascending order, remembered across messages (`WordMemory`).
   * A sorted array rather than a set: every message walks them all, and a set is slower to walk.
   */
  elementsOfToken(token: Token): readonly number[] {
    if (token.kind === 'break') return NO_ELEMENTS;
    const key = `${token.kind === 'number' ? '#' : ''}${token.text}`;
    let elements = this.#remembered.get(key);
    if (elements === undefined) {
      const atoms = this.atomsOf(token);
      if (atoms.length === 0) elements = NO_ELEMENTS;
      else {
        const found = new Set<number>();
        for (const atom of atoms) for (const element of this.elementsOf(atom)) found.add(element);
        elements = [...found].sort((a, b) => a - b);
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
    const found = this.#found;
    // Clearing a set makes it a new table: most never-seen words leave it empty.
    if (found.size > 0) found.clear();
    const spelling = this.#spellings.get(typed);
    if (spelling !== undefined) {
      addAll(found, spelling.numbers);
      addAll(found, spelling.words);
    }
    this.#stems.collect(typed, found);
    if (spelling?.known === true || this.#knownPrefixes.hasPrefixOf(typed)) {
      return found.size === 0 ? NO_ATOMS : [...found];
    }

    const first = typed[0] ?? '';
    const squeezed = squeezeDoubles(typed);
    const squeezedSpelling = squeezed === typed ? spelling : this.#spellings.get(squeezed);
    for (const atom of squeezedSpelling?.squeezedWords ?? NO_WORD_ATOMS)
      if (atom.text[0] === first) found.add(atom.id);
    const typedLetters = letterSet(typed);
    // A word of fewer than 8 letters (and every stem) is only a slip of the typed word when their second
    // or third letters meet (`mayStartWithTypoOf`): the candidates are kept under those letters, so only the
    // few that can pass are looked at, which is what keeps never-seen words cheap.
    const firstCode = typed.charCodeAt(0) || 0;
    if (typed.length >= 3) {
      const second = typed.charCodeAt(1);
      const third = typed.charCodeAt(2);
      this.#addTyposFromShelf(typed, typedLetters, this.#typos.shelf(firstCode, second));
      if (third !== second) this.#addTyposFromShelf(typed, typedLetters, this.#typos.shelf(firstCode, third));
    }
    // Edits change a length by at most the typo budget, 2.
    const longWords = this.#typos.shelf(firstCode, NO_ANCHOR);
    if (longWords !== undefined) {
      for (let length = Math.max(ANCHORED_BELOW, typed.length - 2); length <= typed.length + 2; length += 1) {
        this.#addSlips(typed, typedLetters, longWords.wordsByLength[length], typoBudget(length), false);
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

  /** Adds the words and stems of an anchored shelf that the typed word is a slip of. */
  #addTyposFromShelf(typed: string, typedLetters: number, shelf: TypoShelf | undefined): void {
    if (shelf === undefined) return;
    const longest = Math.min(ANCHORED_BELOW - 1, typed.length + 2);
    for (let length = Math.max(0, typed.length - 2); length <= longest; length += 1) {
      this.#addSlips(typed, typedLetters, shelf.wordsByLength[length], typoBudget(length), true);
    }
    const stems = shelf.stems;
    if (stems === undefined) return;
    const { atoms, letters } = stems;
    const found = this.#found;
    for (let i = 0; i < atoms.length; i += 1) {
      // A stem tolerates one slip: two of its letters missing from the whole word rule it out.
      if (countBits((letters[i] ?? 0) & ~typedLetters) > 1) continue;
      const atom = atoms[i];
      if (atom === undefined || found.has(atom.id)) continue;
      if (mayStartWithTypoOf(typed, atom.text) && startsWithTypoOf(typed, atom.text)) found.add(atom.id);
    }
  }

  /** Adds the candidate words of one length that the typed word is a slip of. */
  #addSlips(
    typed: string,
    typedLetters: number,
    candidates: TypoCandidates | undefined,
    budget: number,
    anchored: boolean,
  ): void {
    if (candidates === undefined) return;
    const { atoms, letters } = candidates;
    const found = this.#found;
    for (let i = 0; i < atoms.length; i += 1) {
      if (lettersApart(letters[i] ?? 0, typedLetters) > budget) continue;
      const atom = atoms[i];
      if (atom === undefined || found.has(atom.id)) continue;
      if (anchored && !mayStartWithTypoOf(typed, atom.text)) continue;
      if (isSlipOf(typed, atom.text)) found.add(atom.id);
    }
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

/** The anchors a word or stem is kept under: its second and its third letter (one if they are the same). */
function anchorsOf(text: string): number[] {
  const second = text.charCodeAt(1) || 0;
  const third = text.charCodeAt(2) || 0;
  return second === third ? [second] : [second, third];
}

function addAll(found: Set<number>, ids: readonly number[] | undefined): void {
  if (ids !== undefined) for (const id of ids) found.add(id);
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
