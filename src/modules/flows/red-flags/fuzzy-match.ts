/**
 * How many typing mistakes a word of the lexicon tolerates: short words none (a typo on « mal » or
 * "cut" makes another word), words of 5 letters one, of 8 letters and more two. Four-letter words only
 * tolerate two neighbouring letters swapped ("chest pian"), the commonest slip on a phone keyboard.
 */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/**
 * Whether a typed word is the lexicon's word typed with a slip: the same first letter, then within the
 * typo budget of edit operations (insert, delete, replace, swap two neighbours), or, from four letters,
 * the same once doubled letters are single ("poitrinne", "esoufle"; but "odd" is not "OD").
 */
export function isTypoOf(typed: string, word: string): boolean {
  if (typed === word) return true;
  // A slip on the first letter is rare on a phone, and allowing it makes "every" a typo of "fever".
  if (typed[0] !== word[0]) return false;
  if (word.length >= 4 && squeezeDoubles(typed) === squeezeDoubles(word)) return true;
  if (word.length === 4) return typed.length === 4 && isOneSwap(typed, word);
  const budget = typoBudget(word.length);
  return budget > 0 && editDistanceAtMost(typed, word, budget);
}

/**
 * Whether a typed word begins with the lexicon's stem, allowing for a typo in that beginning
 * ("respriation" for respir*, "hemoragie" for hemorragi*).
 */
export function startsWithTypoOf(typed: string, stem: string): boolean {
  if (typed.startsWith(stem)) return true;
  // A stem is compared on its few letters only, whatever follows: one slip at most, and only from six
  // letters, or "perth" would read as « perte » and "cute" as « chute ».
  const budget = stem.length >= 6 ? 1 : 0;
  if (budget === 0 || typed[0] !== stem[0]) return false;
  for (let length = stem.length - budget; length <= stem.length + budget; length += 1) {
    if (length > typed.length) break;
    if (length > 0 && editDistanceAtMost(typed.slice(0, length), stem, budget)) return true;
  }
  return false;
}

/** Doubled letters made single: "essouffle" and "esoufle" both read "esoufle". */
export function squeezeDoubles(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbours) compared with a small bound,
 * giving up as soon as a row exceeds it.
 */
export function editDistanceAtMost(a: string, b: string, bound: number): boolean {
  if (Math.abs(a.length - b.length) > bound) return false;
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((row[j] ?? i) + 1, (next[j - 1] ?? i) + 1, (row[j - 1] ?? i) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousRow[j - 2] ?? i) + 1);
      }
      next.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > bound) return false;
    previousRow = row;
    row = next;
  }
  return (row[b.length] ?? bound + 1) <= bound;
}

function isOneSwap(a: string, b: string): boolean {
  const differ = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  const [first, second] = differ;
  return (
    differ.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
  );
}
