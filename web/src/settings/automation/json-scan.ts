/** Where a value sits in the text: from its key (for an object member) or its first character, to its end. */
export interface JsonSpan {
  start: number;
  end: number;
}

/** Why a text stops being JSON, said in the interface's words (settings.automation.json.problems). */
export type JsonProblem =
  | 'end'
  | 'value'
  | 'key'
  | 'colon'
  | 'commaObject'
  | 'commaArray'
  | 'after'
  | 'escape'
  | 'control';

export type JsonReading =
  | { ok: true; value: unknown; spans: Map<string, JsonSpan> }
  | { ok: false; offset: number; line: number; column: number; problem: JsonProblem };

const WHITESPACE = ' \t\n\r';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * Reads the JSON an administrator typed, remembering where each value is (`steps.menu.maxAttempts` →
 * its characters), or finding the first character where it stops being JSON. Browsers word and place
 * JSON.parse's errors differently (some give no place at all), so the reading is done here.
 */
export function readJson(text: string): JsonReading {
  const scan = new Scanner(text);
  try {
    scan.value('');
    scan.whitespace();
    if (scan.at < text.length) scan.fail('after');
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ok: false, offset: error.offset, ...lineAndColumn(text, error.offset), problem: error.problem };
  }
  return { ok: true, value: JSON.parse(text), spans: scan.spans };
}

/** The span of the value a path names, or of its closest parent written in the text. */
export function spanOf(spans: Map<string, JsonSpan>, path: string): JsonSpan | undefined {
  const parts = path === '' ? [] : path.split('.');
  for (let length = parts.length; length >= 0; length--) {
    const found = spans.get(parts.slice(0, length).join('.'));
    if (found) return found;
  }
  return undefined;
}

/** 1-based line and column of a character of the text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: JsonProblem,
  ) {}
}

class Scanner {
  at = 0;
  readonly spans = new Map<string, JsonSpan>();

  constructor(private readonly text: string) {}

  fail(problem: JsonProblem, at = this.at): never {
    throw at >= this.text.length ? new Stop(this.text.length, 'end') : new Stop(at, problem);
  }

  whitespace(): void {
    while (this.at < this.text.length && WHITESPACE.includes(this.text.charAt(this.at))) this.at++;
  }

  value(path: string, memberStart?: number): void {
    this.whitespace();
    const start = memberStart ?? this.at;
    const char = this.text.charAt(this.at);
    if (char === '{') this.object(path);
    else if (char === '[') this.array(path);
    else if (char === '"') this.string();
    else if (char === '-' || (char >= '0' && char <= '9')) this.number();
    else if (!['true', 'false', 'null'].some((word) => this.word(word))) this.fail('value');
    this.spans.set(path, { start, end: this.at });
  }

  private object(path: string): void {
    this.at++;
    this.whitespace();
    if (this.text.charAt(this.at) === '}') {
      this.at++;
      return;
    }
    for (;;) {
      this.whitespace();
      if (this.text.charAt(this.at) !== '"') this.fail('key');
      const keyStart = this.at;
      const key = this.string();
      this.whitespace();
      if (this.text.charAt(this.at) !== ':') this.fail('colon');
      this.at++;
      this.value(path === '' ? key : `${path}.${key}`, keyStart);
      this.whitespace();
      const next = this.text.charAt(this.at);
      this.at++;
      if (next === '}') return;
      if (next !== ',') this.fail('commaObject', this.at - 1);
    }
  }

  private array(path: string): void {
    this.at++;
    this.whitespace();
    if (this.text.charAt(this.at) === ']') {
      this.at++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value(path === '' ? String(index) : `${path}.${index}`);
      this.whitespace();
      const next = this.text.charAt(this.at);
      this.at++;
      if (next === ']') return;
      if (next !== ',') this.fail('commaArray', this.at - 1);
    }
  }

  /** Reads a string from its opening quote; answers its value. */
  private string(): string {
    const start = this.at;
    this.at++;
    while (this.at < this.text.length) {
      const code = this.text.charCodeAt(this.at);
      if (code === 0x22) {
        this.at++;
        return String(JSON.parse(this.text.slice(start, this.at)));
      }
      if (code === 0x5c) {
        const escaped = this.text.charAt(this.at + 1);
        if (escaped === 'u') {
          HEX4.lastIndex = this.at + 2;
          if (!HEX4.test(this.text)) this.fail('escape');
          this.at += 6;
        } else if (escaped !== '' && '"\\/bfnrt'.includes(escaped)) this.at += 2;
        else this.fail('escape');
        continue;
      }
      if (code < 0x20) this.fail('control');
      this.at++;
    }
    return this.fail('end');
  }

  private number(): void {
    NUMBER.lastIndex = this.at;
    const found = NUMBER.exec(this.text);
    if (!found) this.fail('value');
    this.at += found[0].length;
  }

  private word(word: string): boolean {
    if (!this.text.startsWith(word, this.at)) return false;
    this.at += word.length;
    return true;
  }
}
