/** Bits of the doorkeeper: first sightings of words, by hash, without keeping the words. */
const DOORKEEPER_BITS = 1 << 17;
/** The doorkeeper starts again after this many first sightings, before it fills up. */
const DOORKEEPER_SIGHTINGS = DOORKEEPER_BITS / 8;

/**
 * What was worked out for a typed word, kept across messages since patients reuse few words. A word is
 * kept from its second sighting only: a doorkeeper (bits set by hash) notes the first one, so random text
 * or a one-off typo fills neither the memory nor the heap (every object kept costs the garbage collector,
 * and its pauses land in the screening time). Kept words live in two generations of at most `capacity`
 * each: when the young one is full it becomes the old one and the previous old one is dropped whole,
 * and a word still in use is carried over to the young generation.
 */
export class WordMemory<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();
  readonly #seenOnce = new Uint8Array(DOORKEEPER_BITS / 8);
  #sightings = 0;
  #lastWord = '';
  #lastBit = hashOf('') & (DOORKEEPER_BITS - 1);
  readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get(word: string): V | undefined {
    // A word the doorkeeper has not noted since it last started again is looked up in no map: most words
    // of random or hostile text are such, and a lookup that misses in a large map costs cache misses.
    // (A word kept before the doorkeeper started again is worked out once more, to the same value.)
    if (!this.#noted(word)) return undefined;
    const young = this.#young.get(word);
    if (young !== undefined) return young;
    const old = this.#old.get(word);
    if (old !== undefined) this.#keep(word, old);
    return old;
  }

  /** Remembers the value if the word was seen before; the first time, only notes the word. */
  set(word: string, value: V): void {
    if (this.#noted(word)) {
      this.#keep(word, value);
      return;
    }
    if (this.#sightings >= DOORKEEPER_SIGHTINGS) {
      this.#seenOnce.fill(0);
      this.#sightings = 0;
    }
    const bit = this.#bitOf(word);
    this.#seenOnce[bit >>> 3] = (this.#seenOnce[bit >>> 3] ?? 0) | (1 << (bit & 7));
    this.#sightings += 1;
  }

  /** Whether the doorkeeper noted the word (or another with the same bit) since it last started again. */
  #noted(word: string): boolean {
    const bit = this.#bitOf(word);
    return ((this.#seenOnce[bit >>> 3] ?? 0) & (1 << (bit & 7))) !== 0;
  }

  /** The word's doorkeeper bit; `set` after `get` asks for the same word's, so the last one is kept. */
  #bitOf(word: string): number {
    if (word !== this.#lastWord) {
      this.#lastWord = word;
      this.#lastBit = hashOf(word) & (DOORKEEPER_BITS - 1);
    }
    return this.#lastBit;
  }

  #keep(word: string, value: V): void {
    if (this.#young.size >= this.capacity) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(word, value);
  }
}

/** FNV-1a over the word's UTF-16 code units. */
function hashOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
