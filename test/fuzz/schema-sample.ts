import { isRecord, type JsonSchema, resolveSchema } from './openapi-operations.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Ids the fuzzer has seen, by the collection they were listed or created at (`/api/v1/teams`) and the
 * field that held them (`id`, or `key` for flows): requests that name a real thing reach past the 404.
 */
export class KnownIds {
  readonly #byCollection = new Map<string, string[]>();
  readonly #protected = new Set<string>();

  add(collection: string, value: string, field = 'id'): void {
    if (this.#protected.has(value)) return;
    const key = `${collection}#${field}`;
    const values = this.#byCollection.get(key) ?? [];
    if (!values.includes(value)) values.push(value);
    this.#byCollection.set(key, values.slice(-50));
  }

  /** An id never handed out (the fuzzing administrator's own: changing it would end the run's session). */
  protect(id: string): void {
    this.#protected.add(id);
    for (const [key, values] of this.#byCollection)
      this.#byCollection.set(
        key,
        values.filter((known) => known !== id),
      );
  }

  /** A known id of the collection, or of the one a name points at (`team_id` → `/teams`). */
  pick(
    random: SeededRandom,
    hint: { collection?: string; name?: string; field?: string },
  ): string | undefined {
    const values = this.#valuesFor(hint);
    return values.length > 0 ? random.pick(values) : undefined;
  }

  #valuesFor({ collection, name, field = 'id' }: { collection?: string; name?: string; field?: string }) {
    const direct = collection ? this.#byCollection.get(`${collection}#${field}`) : undefined;
    if (direct?.length) return direct;
    const stem = (name ?? '')
      .replace(/(_id|Id|_ids|_key)$/, '')
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replaceAll('_', '-');
    if (!stem) return [];
    const words = stem.split('-');
    for (let start = 0; start < words.length; start += 1) {
      const wanted = words.slice(start).join('-');
      for (const [key, values] of this.#byCollection) {
        const [path = '', keyField] = key.split('#');
        const last = path.split('/').pop() ?? '';
        const named = last === wanted || last === `${wanted}s` || last === `${wanted}es`;
        if (named && keyField === field && values.length > 0) return values;
      }
    }
    return [];
  }
}

export interface SampleContext {
  document: unknown;
  random: SeededRandom;
  ids: KnownIds;
}

/**
 * A value the schema accepts, as far as a generator can tell (a pattern is met by trying known shapes):
 * the well-formed request each malformed one starts from, so a mutation reaches past the first check.
 */
export function sampleValue(context: SampleContext, raw: JsonSchema, name = '', depth = 0): unknown {
  const schema = resolveSchema(context.document, raw);
  const { random } = context;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return random.pick(schema.enum);
  const choices = [schema.anyOf, schema.oneOf].find(Array.isArray)?.filter(isRecord);
  if (choices && choices.length > 0) {
    const notNull = choices.filter((c) => resolveSchema(context.document, c).type !== 'null');
    return sampleValue(context, random.pick(notNull.length > 0 ? notNull : choices), name, depth);
  }
  if (Array.isArray(schema.allOf)) return sampleValue(context, mergeAll(context, schema.allOf), name, depth);
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [schema.type];
  const type = types.length > 0 ? random.pick(types) : undefined;
  switch (type) {
    case 'string':
      return sampleString(context, schema, name);
    case 'integer':
    case 'number':
      return sampleNumber(random, schema, type === 'integer');
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      if (depth > 6) return [];
      const min = numberOr(schema.minItems, 0);
      const max = numberOr(schema.maxItems, min + 2);
      const length = Math.min(max, min + random.int(2) + (min === 0 ? 1 : 0));
      const items = isRecord(schema.items) ? schema.items : {};
      return Array.from({ length }, () => sampleValue(context, items, name, depth + 1));
    }
    case 'object':
      return sampleObject(context, schema, depth);
    default:
      return isRecord(schema.properties) ? sampleObject(context, schema, depth) : 'fuzz';
  }
}

function sampleObject(context: SampleContext, schema: JsonSchema, depth: number): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (depth > 6) return value;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [key, property] of Object.entries(properties)) {
    if (!isRecord(property)) continue;
    if (required.has(key) || context.random.chance(0.5))
      value[key] = sampleValue(context, property, key, depth + 1);
  }
  if (Object.keys(properties).length === 0 && isRecord(schema.additionalProperties)) {
    const keySchema = isRecord(schema.propertyNames) ? schema.propertyNames : { type: 'string' };
    const key = String(sampleString(context, keySchema, 'key'));
    value[key] = sampleValue(context, schema.additionalProperties, key, depth + 1);
  }
  return value;
}

/** Shapes tried against a pattern when no format says what the string is. */
const PATTERN_CANDIDATES = [
  'fuzz',
  'fuzz_1',
  'fuzz-1',
  '09:30',
  '17:00',
  '+33612345678',
  '33612345678',
  '2030-01-15',
  '2030-01-15T09:30:00Z',
  'fuzz@clinic.test',
  'a',
  'A1',
];

/**
 * What fields of these names hold, as the API's rules expect it (a schema's type says "string"; its
 * refinements, which the document does not show, want a language tag or an IANA zone).
 */
const NAMED_SHAPES: Array<[RegExp, string[]]> = [
  [/phone/i, ['+33612345678']],
  [/^languages?$|_language$|^locale$/i, ['fr', 'en']],
  [/time_?zone/i, ['Europe/Paris']],
  [/^(from|since|start|start_at|starts_at|valid_from)$/i, ['2030-01-15T08:00:00Z', '08:00', '2030-01-15']],
  [/^(to|until|end|end_at|ends_at|valid_to)$/i, ['2030-01-16T18:00:00Z', '18:00', '2030-01-16']],
  [/emoji/i, ['👍']],
];

function sampleString(context: SampleContext, schema: JsonSchema, name: string): string {
  const { random } = context;
  const min = numberOr(schema.minLength, 0);
  const max = numberOr(schema.maxLength, Math.max(min, 40));
  switch (schema.format) {
    case 'uuid':
      return context.ids.pick(random, { name }) ?? random.uuid();
    case 'date-time':
      return `2030-0${1 + random.int(9)}-1${random.int(10)}T09:30:00Z`;
    case 'date':
      return `2030-0${1 + random.int(9)}-1${random.int(10)}`;
    case 'email':
      return `fuzz.${random.int(1e9)}@clinic.test`;
    case 'uri':
      // A closed port on loopback: a fetch of a sampled URL can never leave the machine.
      return `http://127.0.0.1:9/fuzz/${random.int(1e6)}`;
  }
  if (name.endsWith('_key')) {
    const known = context.ids.pick(random, { name, field: 'key' });
    if (known) return known;
  }
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  const fits = (c: string) => (!pattern || pattern.test(c)) && c.length >= min && c.length <= max;
  const named = NAMED_SHAPES.find(([test]) => test.test(name))?.[1].filter(fits) ?? [];
  if (named.length > 0) return named[0] as string;
  if (/url|link/i.test(name)) return `http://127.0.0.1:9/fuzz/${random.int(1e6)}`;
  if (pattern) {
    const fitting = PATTERN_CANDIDATES.filter(fits);
    if (fitting.length > 0) return random.pick(fitting);
  }
  const text = `fuzz ${name} ${random.int(1e6)}`.trim();
  return text.length < min ? text.padEnd(min, 'x') : text.slice(0, Math.max(max, 1));
}

function sampleNumber(random: SeededRandom, schema: JsonSchema, integer: boolean): number {
  const min = numberOr(schema.minimum, numberOr(schema.exclusiveMinimum, 0) + (integer ? 1 : 0.5));
  const max = numberOr(schema.maximum, min + 100);
  const value = min + random.next() * Math.min(max - min, 100);
  return integer ? Math.min(max, Math.ceil(value)) : value;
}

function mergeAll(context: SampleContext, parts: unknown[]): JsonSchema {
  const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
  for (const part of parts) {
    if (!isRecord(part)) continue;
    const schema = resolveSchema(context.document, part);
    Object.assign(merged.properties as JsonSchema, isRecord(schema.properties) ? schema.properties : {});
    (merged.required as unknown[]).push(...(Array.isArray(schema.required) ? schema.required : []));
  }
  return merged;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
