/** Bits of the doorkeeper: first sightings of words, by hash, without keeping the words. */
const DOORKEEPER_BITS = 1 << 17;
/** The doorkeeper starts again after this many words noted, before it fills up. */
const DOORKEEPER_SIGHTINGS = DOORKEEPER_BITS / 8;

/**
 * What was worked out for a typed word, kept across messages since patients reuse few words. A word is
 * kept from its second sighting only: a doorkeeper (bits set by hash) notes the first one, so random text
 * or a one-off typo fills neither the memory nor the heap (every object kept costs the garbage collector,
 * and its pauses land in the screening time). Kept words live in two generations of at most `capacity`
 * each: when the young one is full it becomes the old one and the previous old one is dropped whole,
 * and a word still in use is carried over to the young generation.
 *
 * Every kept word is noted by the doorkeeper (it starts again with the kept words noted), so a word it
 * has not noted is looked up in no map: most words of random or hostile text are such, and a lookup that
 * misses in a large map costs cache misses.
 */
export class WordMemory<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();
  readonly #seenOnce = new Uint8Array(DOORKEEPER_BITS / 8);
  /** Each generation's words' doorkeeper bits, in keeping order: noted again without hashing the words. */
  #youngBits: Int32Array;
  #oldBits: Int32Array;
  #sightings = 0;
  #lastWord = '';
  #lastBit = bitOf('');
  readonly capacity: number;

  constructor(capacity: number) {
    // The kept words are noted again each time the doorkeeper starts again: they must leave it room.
    if (2 * capacity > DOORKEEPER_SIGHTINGS / 2) throw new Error('WordMemory: capacity too large');
    this.capacity = capacity;
    this.#youngBits = new Int32Array(capacity);
    this.#oldBits = new Int32Array(capacity);
  }

  /** How many words are kept, in both generations: never more than twice `capacity`. */
  get size(): number {
    return this.#young.size + this.#old.size;
  }

  get(word: string): V | undefined {
    const bit = this.#lastBitOf(word);
    if (!this.#isNoted(bit)) return undefined;
    const young = this.#young.get(word);
    if (young !== undefined) return young;
    const old = this.#old.get(word);
    if (old !== undefined) this.#keep(word, old, bit);
    return old;
  }

  /** Remembers the value if the word was seen before; the first time, only notes the word. */
  set(word: string, value: V): void {
    const bit = this.#lastBitOf(word);
    if (this.#isNoted(bit)) {
      this.#keep(word, value, bit);
      return;
    }
    if (this.#sightings >= DOORKEEPER_SIGHTINGS) this.#startDoorkeeperAgain();
    this.#note(bit);
  }

  #startDoorkeeperAgain(): void {
    this.#seenOnce.fill(0);
    this.#sightings = 0;
    for (let i = 0; i < this.#young.size; i += 1) this.#note(this.#youngBits[i] ?? 0);
    for (let i = 0; i < this.#old.size; i += 1) this.#note(this.#oldBits[i] ?? 0);
  }

  #isNoted(bit: number): boolean {
    return ((this.#seenOnce[bit >>> 3] ?? 0) & (1 << (bit & 7))) !== 0;
  }

  #note(bit: number): void {
    this.#seenOnce[bit >>> 3] = (this.#seenOnce[bit >>> 3] ?? 0) | (1 << (bit & 7));
    this.#sightings += 1;
  }

  /** The word's doorkeeper bit: `set` follows `get` for the same word, so the last one is kept. */
  #lastBitOf(word: string): number {
    if (word !== this.#lastWord) {
      this.#lastWord = word;
      this.#lastBit = bitOf(word);
    }
    return this.#lastBit;
  }

  #keep(word: string, value: V, bit: number): void {
    if (this.#young.size >= this.capacity) {
      this.#old = this.#young;
      this.#young = new Map();
      [this.#oldBits, this.#youngBits] = [this.#youngBits, this.#oldBits];
    }
    const count = this.#young.size;
    this.#young.set(word, value);
    if (this.#young.size > count) this.#youngBits[count] = bit;
  }
}

/** The word's doorkeeper bit: FNV-1a over its UTF-16 code units. */
function bitOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & (DOORKEEPER_BITS - 1);
}
