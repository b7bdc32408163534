import type { LexiconWords } from './compile-lexicon.ts';
import type { Token } from './tokenise.ts';

/** Words that join two number words (« vingt ET un », "one hundred AND twenty"). */
const JOINERS: ReadonlySet<string> = new Set(['et', 'and']);
/** Words that put the decimals after a number said aloud: "thirty eight POINT four", « trente-huit VIRGULE cinq ». */
const DECIMAL_POINTS: ReadonlySet<string> = new Set(['point', 'virgule']);

/**
 * Numbers said in words, as dictation and people who write as they speak give them, made one number
 * token: « trente-huit » (38), « quatre-vingt-sept » (87), « septante-deux » (72), « dix-sept » (17),
 * "twenty three" (23), "one hundred and twenty" (120), and "thirty nine point eight" (39.8, which reads as
 * a temperature like 39,8 typed). The lexicon's `numbers` give each word its value; one number word alone
 * stays a word (its value is read when a pattern asks for a number).
 */
export function composeNumbers(tokens: readonly Token[], words: LexiconWords): readonly Token[] {
  let composed: Token[] | undefined;
  for (let at = 0; at < tokens.length; at += 1) {
    const token = tokens[at];
    if (token === undefined) continue;
    // Only a number said in words starts one: « 10 7 » typed is two numbers.
    const start = token.kind === 'word' ? words.numbers.get(token.text) : undefined;
    const read = start === undefined ? undefined : readNumber(tokens, at, start, words);
    if (read === undefined) {
      composed?.push(token);
      continue;
    }
    composed ??= tokens.slice(0, at);
    const last = tokens[read.last] ?? token;
    composed.push({ kind: 'number', text: read.text, start: token.start, end: last.end });
    at = read.last;
  }
  return composed ?? tokens;
}

/** A whole number from the token at `at` onwards, when it takes more than one token to say. */
function readNumber(
  tokens: readonly Token[],
  at: number,
  first: number,
  words: LexiconWords,
): { text: string; last: number } | undefined {
  let value = first;
  let last = at;
  for (;;) {
    const next = nextNumber(tokens, last, words);
    if (next === undefined) break;
    const joined = join(value, next.value, next.joined);
    if (joined === undefined) break;
    value = joined;
    last = next.at;
  }
  // "thirty eight point four": one digit after the point, said as a word or typed.
  const point = tokens[last + 1];
  const decimal = tokens[last + 2];
  const decimalValue = decimal === undefined ? undefined : spokenValue(decimal, words);
  if (
    point?.kind === 'word' &&
    DECIMAL_POINTS.has(point.text) &&
    decimalValue !== undefined &&
    Number.isInteger(value) &&
    decimalValue >= 0 &&
    decimalValue <= 9
  ) {
    return { text: `${value}.${decimalValue}`, last: last + 2 };
  }
  return last === at ? undefined : { text: String(value), last };
}

/** The number word right after `at`, or after « et », "and" (then only if a number follows). */
function nextNumber(
  tokens: readonly Token[],
  at: number,
  words: LexiconWords,
): { value: number; at: number; joined: boolean } | undefined {
  const next = tokens[at + 1];
  if (next === undefined) return undefined;
  const value = next.kind === 'word' ? words.numbers.get(next.text) : undefined;
  if (value !== undefined) return { value, at: at + 1, joined: false };
  if (next.kind !== 'word' || !JOINERS.has(next.text)) return undefined;
  const after = tokens[at + 2];
  const afterValue = after?.kind === 'word' ? words.numbers.get(after.text) : undefined;
  return afterValue === undefined ? undefined : { value: afterValue, at: at + 2, joined: true };
}

/**
 * Two number words said in a row, as one number: tens then units (« vingt-trois », « soixante-douze »,
 * « quatre-vingt-dix-sept »), « quatre-vingts », « dix-sept », a count of hundreds and what follows it.
 * Anything else (« deux trois fois ») is two numbers.
 */
function join(value: number, next: number, joined: boolean): number | undefined {
  const tens = value % 100;
  if (joined) {
    // « vingt et un », « soixante et onze », "one hundred and twenty".
    if (value >= 100 && tens === 0 && next < 100) return value + next;
    if (tens >= 20 && tens % 10 === 0 && (next === 1 || next === 11)) return value + next;
    return undefined;
  }
  if (next === 100 && value >= 1 && value <= 9) return value * 100;
  if (value === 4 && next === 20) return 80;
  if (value >= 100 && tens === 0 && next < 100) return value + next;
  if (tens === 10 && next >= 7 && next <= 9) return value + next;
  // Sixty and eighty take 10 to 19 in French (« soixante-douze », « quatre-vingt-dix-sept »).
  if ((tens === 60 || tens === 80) && next >= 1 && next <= 19) return value + next;
  if (tens >= 20 && tens % 10 === 0 && next >= 1 && next <= 9) return value + next;
  return undefined;
}

function spokenValue(token: Token, words: LexiconWords): number | undefined {
  if (token.kind === 'number') {
    const value = Number(token.text);
    return Number.isInteger(value) ? value : undefined;
  }
  return token.kind === 'word' ? words.numbers.get(token.text) : undefined;
}
