import type { CompiledPattern } from './compile-lexicon.ts';
import type { MessageMatcher } from './match-pattern.ts';

const SIEVES = new WeakMap<readonly unknown[], PatternSieve>();

/**
 * The element ids of each pattern of a list, packed in typed arrays once per list: which of the lexicon's
 * thousands of patterns have every element somewhere in a message is then told by reading integers in a
 * row, rather than by chasing each pattern's objects through memory, on every message. Most patterns
 * lack their first element.
 */
export class PatternSieve {
  /** Pattern `i`'s element ids are `#elementIds[#starts[i]]` up to `#elementIds[#starts[i + 1]]`. */
  readonly #starts: Int32Array;
  readonly #elementIds: Int32Array;

  private constructor(patterns: readonly CompiledPattern[]) {
    this.#starts = new Int32Array(patterns.length + 1);
    const ids: number[] = [];
    patterns.forEach((pattern, i) => {
      for (const element of pattern.elements) ids.push(element.id);
      this.#starts[i + 1] = ids.length;
    });
    this.#elementIds = Int32Array.from(ids);
  }

  /** The sieve of a list (the lexicon's, or entries keyed by what they find), built once per list. */
  static of<T>(items: readonly T[], patternOf: (item: T) => CompiledPattern): PatternSieve {
    let sieve = SIEVES.get(items);
    if (sieve === undefined) {
      sieve = new PatternSieve(items.map(patternOf));
      SIEVES.set(items, sieve);
    }
    return sieve;
  }

  /** The indexes, in list order, of the patterns whose every element some token of the message is. */
  candidates(matcher: MessageMatcher): number[] {
    const found: number[] = [];
    const starts = this.#starts;
    const ids = this.#elementIds;
    for (let i = 0; i + 1 < starts.length; i += 1) {
      const end = starts[i + 1] ?? 0;
      let at = starts[i] ?? 0;
      while (at < end && matcher.holds(ids[at] ?? -1)) at += 1;
      if (at === end) found.push(i);
    }
    return found;
  }
}
