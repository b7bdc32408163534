import type { Atom } from './compile-lexicon.ts';

export type WordAtom = Atom & { kind: 'word' | 'stem' };

/**
 * Lexicon words or stems a typo may stand for, packed: the letters each holds as a bit set in a typed
 * array, so that the loop that rules most of them out (every never-seen word runs it) reads integers in a
 * row instead of chasing objects.
 */
export class TypoCandidates {
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

/** The candidates kept under one first letter and one anchor letter (or none): words by length, stems. */
export interface TypoShelf {
  readonly wordsByLength: Array<TypoCandidates | undefined>;
  stems: TypoCandidates | undefined;
}

/** The anchor of the words kept whatever their second and third letters. */
export const NO_ANCHOR = 0;

/**
 * Typo candidates by first letter and anchor letter, each shelf holding its words by length: one lookup
 * per anchor finds every length a typed word may be a slip of (a lookup per length and anchor cost more
 * than scanning the few candidates, for every never-seen word of every message).
 */
export class TypoShelves {
  readonly #shelves = new Map<number, TypoShelf>();

  addWord(atom: WordAtom, anchor: number): void {
    const shelf = this.#shelfToFill(atom.text, anchor);
    const length = atom.text.length;
    let candidates = shelf.wordsByLength[length];
    if (candidates === undefined) {
      candidates = new TypoCandidates();
      shelf.wordsByLength[length] = candidates;
    }
    candidates.add(atom);
  }

  addStem(atom: WordAtom, anchor: number): void {
    const shelf = this.#shelfToFill(atom.text, anchor);
    shelf.stems ??= new TypoCandidates();
    shelf.stems.add(atom);
  }

  /** The shelf of words starting with `first` (a UTF-16 code) and anchored on `anchor` (or `NO_ANCHOR`). */
  shelf(first: number, anchor: number): TypoShelf | undefined {
    return this.#shelves.get(shelfKey(first, anchor));
  }

  #shelfToFill(text: string, anchor: number): TypoShelf {
    const key = shelfKey(text.charCodeAt(0) || 0, anchor);
    let shelf = this.#shelves.get(key);
    if (shelf === undefined) {
      shelf = { wordsByLength: [], stems: undefined };
      this.#shelves.set(key, shelf);
    }
    return shelf;
  }
}

/** One number for (first letter, anchor letter): no string is built per lookup. */
function shelfKey(first: number, anchor: number): number {
  return first * 65_536 + anchor;
}

/** The letters a to z a word holds, one bit each. */
export function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i += 1) {
    const letter = word.charCodeAt(i) - 97;
    if (letter >= 0 && letter < 26) set |= 1 << letter;
  }
  return set;
}
