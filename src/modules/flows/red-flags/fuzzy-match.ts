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
  return isSlipOf(typed, word);
}

/** `isTypoOf` without its doubled-letters rule: the edits alone, within the word's budget. */
export function isSlipOf(typed: string, word: string): boolean {
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
  let first = 1;
  while (first < word.length && word.charCodeAt(first) !== word.charCodeAt(first - 1)) first += 1;
  // Most words have no doubled letter: the word itself, no new string.
  if (first >= word.length) return word;
  let squeezed = word.slice(0, first);
  for (let i = first + 1; i < word.length; i += 1) if (word[i] !== word[i - 1]) squeezed += word[i];
  return squeezed;
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbours) compared with a small bound,
 * giving up as soon as a row exceeds it. Only the cells within `bound` of the diagonal are computed (any
 * path through the others costs more than the bound): this runs for every unknown word against many
 * lexicon words, on every message.
 */
export function editDistanceAtMost(a: string, b: string, bound: number): boolean {
  if (Math.abs(a.length - b.length) > bound) return false;
  const width = b.length + 2;
  const beyond = bound + 1;
  // Three rows, reused between calls.
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let previousRow = 0;
  let row = width;
  let next = 2 * width;
  for (let j = 0; j <= b.length + 1; j += 1) rows[row + j] = j <= bound ? j : beyond;
  for (let i = 1; i <= a.length; i += 1) {
    const low = Math.max(1, i - bound);
    const high = Math.min(b.length, i + bound);
    // The cells just outside the band are read by the next row: mark them out of reach.
    rows[next + low - 1] = low === 1 ? i : beyond;
    rows[next + high + 1] = beyond;
    let rowMinimum = rows[next + low - 1] ?? beyond;
    for (let j = low; j <= high; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (rows[row + j] ?? 0) + 1,
        (rows[next + j - 1] ?? 0) + 1,
        (rows[row + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (rows[previousRow + j - 2] ?? 0) + 1);
      }
      rows[next + j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > bound) return false;
    [previousRow, row, next] = [row, next, previousRow];
  }
  return (rows[row + b.length] ?? bound + 1) <= bound;
}

let rows = new Int32Array(96);

/** Whether a and b (same length) differ by two neighbouring letters swapped, and nothing else. */
function isOneSwap(a: string, b: string): boolean {
  let first = -1;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] === b[i]) continue;
    if (first !== -1)
      return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1) === b.slice(i + 1);
    first = i;
  }
  return false;
}
