/**
 * What PostgreSQL `text` and `jsonb` cannot hold: U+0000, and lone UTF-16 surrogates (they have no
 * UTF-8 form: the driver silently turns them into U+FFFD in `text`, and `jsonb` refuses them).
 * Careline decides once, at its edges, what becomes of them: free text loses them, an identifier that
 * carries one is refused, and nothing past the edges ever meets one.
 */
const UNSTORABLE = /\p{Cs}|\0/u;
const UNSTORABLE_ALL = /\p{Cs}|\0/gu;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The text without the characters PostgreSQL cannot store; the same string when there are none. */
export function toStorableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE_ALL, '');
}

/**
 * A JSON value (as `JSON.parse` gives it) whose strings and keys are all storable. Levels deeper than
 * `maxDepth` become null: no document we store nests that deep, and the walk stays bounded.
 */
export function toStorableJson(value: unknown, maxDepth = 32): unknown {
  if (typeof value === 'string') return toStorableText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (maxDepth <= 0) return null;
  if (Array.isArray(value)) return value.map((item) => toStorableJson(item, maxDepth - 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [toStorableText(key), toStorableJson(item, maxDepth - 1)]),
  );
}

/**
 * Where, in a parsed JSON-like value, the first string or key PostgreSQL cannot store is: `body.text`,
 * `body.sections.0.title`; null when there is none. Iterative, and a path is spelled out only for the
 * value found, so neither a deeply nested nor a very wide body costs more than one pass.
 */
export function findUnstorableText(value: unknown, root: string): string | null {
  const pending: Node[] = [{ value, key: root, parent: null }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const current = node.value;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return pathOf(node);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) {
        pending.push({ value: current[i], key: String(i), parent: node });
      }
    } else if (isPlainRecord(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, item] = entries[i] ?? ['', undefined];
        if (!isStorableText(key)) return pathOf({ value: item, key: toStorableText(key), parent: node });
        pending.push({ value: item, key, parent: node });
      }
    }
  }
  return null;
}

interface Node {
  value: unknown;
  key: string;
  parent: Node | null;
}

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let at: Node | null = node; at !== null; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/**
 * Objects made by JSON, query or route parsing: plain, or dictionaries built on a prototype-less base
 * (as the query and path parsers make them). Buffers, streams and other class instances are not walked.
 */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}
