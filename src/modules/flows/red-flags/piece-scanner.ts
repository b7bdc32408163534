/** What a piece of a message is: a word, a number (38,5), a degree sign, or punctuation ending a clause. */
export type PieceKind = 'word' | 'number' | 'degree' | 'break';

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const APOSTROPHES = new Set(["'", '’', '‘', '`', '´']);
// By character code, a table read: every character of every message is asked about.
const BREAKS = asciiTable('.!?;:,()[]\n\r');
const ASCII_SPACES = asciiTable(' \t\n\v\f\r');
const DASHES: ReadonlySet<number> = new Set(['-', '–', '—'].map((dash) => dash.charCodeAt(0)));
const DECIMAL_SEPARATORS = new Set(['.', ',', '°']);
const LAUGHING_EMOJIS: ReadonlySet<number> = new Set([0x1f602, 0x1f923, 0x1f606, 0x1f605, 0x1f639]);

/**
 * Walks a message piece by piece, as the tokeniser reads it: `w/` and `w/o` (not followed by a letter),
 * words (letters, with apostrophes inside: « aujourd'hui », "can't"), numbers (38,5 or 38°5, the French
 * way to write 38.5, before punctuation), the degree sign, and clause breaks (a run of punctuation, or a
 * dash between spaces). Laughing emojis are words; anything else (spaces, other emojis, symbols) is skipped. It keeps only where the
 * current piece is, so walking a message allocates nothing per piece: every patient message is read.
 */
export class PieceScanner {
  kind: PieceKind = 'word';
  start = 0;
  end = 0;
  #at = 0;
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** Moves to the next piece; false at the end of the message. */
  next(): boolean {
    const text = this.text;
    while (this.#at < text.length) {
      const at = this.#at;
      const char = text[at] ?? '';
      const end =
        this.#slash(at) ??
        this.#word(at) ??
        this.#number(at) ??
        this.#laugh(at) ??
        (char === '°' ? this.#found('degree', at, at + 1) : undefined) ??
        this.#break(at);
      if (end !== undefined) {
        this.#at = end;
        return true;
      }
      this.#at = at + 1;
    }
    return false;
  }

  #found(kind: PieceKind, start: number, end: number): number {
    this.kind = kind;
    this.start = start;
    this.end = end;
    return end;
  }

  /** "w/" or "w/o", read as "with", "without"; "w/other" is not one. */
  #slash(at: number): number | undefined {
    const text = this.text;
    if ((text[at] !== 'w' && text[at] !== 'W') || text[at + 1] !== '/') return undefined;
    const afterO = text[at + 2] === 'o' || text[at + 2] === 'O' ? at + 3 : undefined;
    if (afterO !== undefined && !isLetter(text, afterO, LETTER)) return this.#found('word', at, afterO);
    if (afterO === undefined && !isLetter(text, at + 2, LETTER)) return this.#found('word', at, at + 2);
    return undefined;
  }

  #word(at: number): number | undefined {
    const text = this.text;
    let end = lettersEnd(text, at);
    if (end === at) return undefined;
    while (APOSTROPHES.has(text[end] ?? '')) {
      const next = lettersEnd(text, end + 1);
      if (next === end + 1) break;
      end = next;
    }
    return this.#found('word', at, end);
  }

  /** A laughing emoji (😂 🤣 😆 😅 😹) is a word: « … en voyant la facture 😂 » is a joke, like « mdr ». */
  #laugh(at: number): number | undefined {
    const code = this.text.charCodeAt(at);
    // Only a high surrogate can start one: every other character is passed over at once.
    if (code !== 0xd83d && code !== 0xd83e) return undefined;
    const point = this.text.codePointAt(at) ?? 0;
    return LAUGHING_EMOJIS.has(point) ? this.#found('word', at, at + 2) : undefined;
  }

  #number(at: number): number | undefined {
    const text = this.text;
    let end = digitsEnd(text, at);
    if (end === at) return undefined;
    if (DECIMAL_SEPARATORS.has(text[end] ?? '')) {
      const decimals = digitsEnd(text, end + 1);
      if (decimals > end + 1) end = decimals;
    }
    return this.#found('number', at, end);
  }

  #break(at: number): number | undefined {
    const text = this.text;
    let end = at;
    while (BREAKS[text.charCodeAt(end)] === 1) end += 1;
    if (end > at) return this.#found('break', at, end);
    if (!isSpace(text, at)) return undefined;
    end = at + 1;
    while (DASHES.has(text.charCodeAt(end))) end += 1;
    if (end === at + 1 || !isSpace(text, end)) return undefined;
    return this.#found('break', at, end + 1);
  }
}

/** Where the run of letters (and combining marks) starting at `at` ends; `at` when there is none. */
function lettersEnd(text: string, at: number): number {
  let end = at;
  for (;;) {
    const code = text.charCodeAt(end);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) end += 1;
    else if (code >= 128 && isLetter(text, end, LETTER_OR_MARK)) end += codePointLength(text, end);
    else return end;
  }
}

/** `\s` at `at`: ASCII spaces by table, the regex only for the rest. */
function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return ASCII_SPACES[code] === 1;
  return SPACE.test(text[at] ?? '');
}

/** A table by character code, 1 for each of these ASCII characters. */
function asciiTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < characters.length; i += 1) table[characters.charCodeAt(i)] = 1;
  return table;
}

function digitsEnd(text: string, at: number): number {
  let end = at;
  for (let code = text.charCodeAt(end); code >= 48 && code <= 57; code = text.charCodeAt(end)) end += 1;
  return end;
}

function isLetter(text: string, at: number, letter: RegExp): boolean {
  const code = text.codePointAt(at);
  if (code === undefined) return false;
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return letter.test(String.fromCodePoint(code));
}

function codePointLength(text: string, at: number): number {
  return (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}
