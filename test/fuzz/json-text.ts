/**
 * JSON text that JSON.stringify cannot write: number literals out of a double's range (`1e400`),
 * duplicated keys and `__proto__` keys, nesting deeper than a recursive serializer survives.
 */

/** Written into the JSON text as it is. */
export class RawJson {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

/** An object whose keys may repeat or be `__proto__` (a JS object literal cannot hold either). */
export class JsonEntries {
  readonly entries: ReadonlyArray<readonly [string, unknown]>;

  constructor(entries: ReadonlyArray<readonly [string, unknown]>) {
    this.entries = entries;
  }
}

export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonEntries)
    return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`)
      .join(',')}}`;
  if (value === undefined) return 'null';
  return JSON.stringify(value);
}

/** `depth` arrays inside each other, as text (no recursion to build or write it). */
export function deeplyNested(depth: number, open = '[', close = ']'): RawJson {
  return new RawJson(`${open.repeat(depth)}${close.repeat(depth)}`);
}
