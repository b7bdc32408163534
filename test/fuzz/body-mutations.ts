import { baseline, type FuzzCase, type Mutation, requestOf } from './fuzz-request.ts';
import {
  HOSTILE_IDS,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  HUGE_STRINGS,
  INVALID_JSON_TEXTS,
  WRONG_CONTENT_TYPES,
  WRONG_TYPES,
} from './hostile-values.ts';
import { isPlainObject, type JsonPath, leaves, removeAt, setAt } from './json-paths.ts';
import { deeplyNested, JsonEntries, jsonText } from './json-text.ts';
import type { FuzzOperation } from './openapi-operations.ts';
import type { SampleContext } from './schema-sample.ts';

/**
 * Mutations of the request body: one field missing, of another type, hostile, huge or deeply nested;
 * extra and prototype keys; a body of another type, invalid JSON or UTF-8, empty, or sent as another
 * content type.
 */

/** How deep the nested JSON goes: past any recursive walk's stack, under the body limit. */
const NESTING_DEPTH = 100_000;

export const missingField: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const keys = objectSlots(base.body);
  const slot = keys.length > 0 ? context.random.pick(keys) : undefined;
  if (!slot) return undefined;
  removeAt(base.body, slot);
  return { label: `body.${slot.join('.')}: missing`, request: requestOf(operation, base) };
};

export const wrongTypeField: Mutation = (operation, context) =>
  replaceField(operation, context, 'any', () => context.random.pick(WRONG_TYPES));

export const hostileStringField: Mutation = (operation, context) =>
  replaceField(operation, context, 'string', () => context.random.pick(HOSTILE_STRINGS));

export const hugeStringField: Mutation = (operation, context) =>
  replaceField(operation, context, 'string', () => {
    const huge = context.random.pick(HUGE_STRINGS);
    return { label: huge.label, value: huge.value() };
  });

export const hostileNumberField: Mutation = (operation, context) =>
  replaceField(operation, context, 'number', () => context.random.pick(HOSTILE_NUMBERS));

export const hostileIdField: Mutation = (operation, context) =>
  replaceField(operation, context, 'id', () => context.random.pick(HOSTILE_IDS));

export const nestedField: Mutation = (operation, context) =>
  replaceField(operation, context, 'any', () => ({
    label: `${NESTING_DEPTH.toLocaleString('en')} nested arrays`,
    value: deeplyNested(NESTING_DEPTH),
  }));

export const unknownAndPrototypeKeys: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const entries = isPlainObject(base.body) ? Object.entries(base.body) : [];
  const extra = context.random.pick([
    ['__proto__', { role: 'admin', isAdmin: true }],
    ['constructor', { prototype: { isAdmin: true } }],
    ['fuzz_unknown', 'x'],
    ...entries.slice(0, 1),
  ] as Array<[string, unknown]>);
  const body = new JsonEntries([...entries, extra]);
  return {
    label: `body: extra key "${extra[0]}"`,
    request: requestOf(operation, base, { text: jsonText(body), contentType: 'application/json' }),
  };
};

export const bodyOfAnotherType: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const other = context.random.pick(WRONG_TYPES);
  return {
    label: `body: ${other.label}`,
    request: requestOf(operation, base, { text: jsonText(other.value), contentType: 'application/json' }),
  };
};

export const invalidJson: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const text = context.random.pick(INVALID_JSON_TEXTS);
  return {
    label: `body: invalid JSON (${text.label})`,
    request: requestOf(operation, base, { text: text.value, contentType: 'application/json' }),
  };
};

export const emptyBody: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const contentType = operation.body?.contentType ?? 'application/json';
  return {
    label: `body: empty, as ${contentType}`,
    request: requestOf(operation, base, { text: '', contentType }),
  };
};

export const wrongContentType: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const type = context.random.pick(WRONG_CONTENT_TYPES);
  const text = base.body === undefined ? 'a=1&b=%00' : jsonText(base.body);
  return {
    label: `body: sent as ${type.label}`,
    request: requestOf(operation, base, { text, contentType: type.value }),
  };
};

export const deeplyNestedBody: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const [open, close] = context.random.pick([
    ['[', ']'],
    ['{"a":', '}'],
  ] as const);
  return {
    label: `body: ${NESTING_DEPTH.toLocaleString('en')} levels of ${open}`,
    request: requestOf(operation, base, {
      text: deeplyNested(NESTING_DEPTH, open, close).text,
      contentType: 'application/json',
    }),
  };
};

export const invalidUtf8Body: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const text = base.body === undefined || typeof base.body === 'string' ? '"x"' : jsonText(base.body);
  const bad = context.random.pick([
    [0xff, 0xfe],
    [0xed, 0xa0, 0x80],
    [0xc0, 0xaf],
    [0xe0, 0xa4],
  ]);
  // The broken bytes go inside the first string of the body, where a decoder meets them.
  const at = Math.max(text.indexOf('"') + 1, 0);
  const bytes = Buffer.concat([
    Buffer.from(text.slice(0, at)),
    Buffer.from(bad),
    Buffer.from(text.slice(at)),
  ]);
  return {
    label: `body: invalid UTF-8 bytes ${bad.map((b) => b.toString(16)).join(' ')}`,
    request: requestOf(operation, base, { text: bytes, contentType: operation.body?.contentType }),
  };
};

export const hostileTextBody: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const hostile = context.random.pick(HOSTILE_STRINGS);
  return {
    label: `body: ${hostile.label}`,
    request: requestOf(operation, base, { text: hostile.value, contentType: operation.body?.contentType }),
  };
};

export const hugeTextBody: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const huge = context.random.pick(HUGE_STRINGS);
  return {
    label: `body: ${huge.label}`,
    request: requestOf(operation, base, { text: huge.value(), contentType: operation.body?.contentType }),
  };
};

export const unexpectedBody: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const other = context.random.pick(WRONG_TYPES);
  return {
    label: `unexpected JSON body: ${other.label}`,
    request: requestOf(operation, base, { text: jsonText(other.value), contentType: 'application/json' }),
  };
};

type SlotKind = 'any' | 'string' | 'number' | 'id';

/** Replaces one field of the well-formed body (of the kind asked for when there is one) by a value. */
function replaceField(
  operation: FuzzOperation,
  context: SampleContext,
  kind: SlotKind,
  make: () => { label: string; value: unknown },
): FuzzCase | undefined {
  const base = baseline(operation, context);
  const slots = leaves(base.body);
  const fitting = slots.filter(({ value }) => fits(value, kind));
  const candidates = fitting.length > 0 ? fitting : slots;
  const { label, value } = make();
  if (candidates.length === 0 || !isPlainObject(base.body) || Object.keys(base.body).length === 0) {
    // Nothing to replace: the hostile value goes in a field the schema names, or a new one.
    const names = propertyNames(operation);
    const name = names.length > 0 ? context.random.pick(names) : 'fuzz';
    const body = new JsonEntries([
      ...(isPlainObject(base.body) ? Object.entries(base.body) : []),
      [name, value],
    ]);
    return {
      label: `body.${name}: ${label}`,
      request: requestOf(operation, base, { text: jsonText(body), contentType: 'application/json' }),
    };
  }
  const { path } = context.random.pick(candidates);
  setAt(base.body, path, value);
  return { label: `body.${path.join('.')}: ${label}`, request: requestOf(operation, base) };
}

function fits(value: unknown, kind: SlotKind): boolean {
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'number') return typeof value === 'number';
  if (kind === 'id') return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value);
  return true;
}

function propertyNames(operation: FuzzOperation): string[] {
  const properties = operation.body?.schema.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

/** Paths of every object key in the body. */
function objectSlots(body: unknown): JsonPath[] {
  return leaves(body)
    .map(({ path }) => path)
    .filter((path) => typeof path.at(-1) === 'string');
}
