import {
  bodyOfAnotherType,
  deeplyNestedBody,
  emptyBody,
  hostileIdField,
  hostileNumberField,
  hostileStringField,
  hostileTextBody,
  hugeStringField,
  hugeTextBody,
  invalidJson,
  invalidUtf8Body,
  missingField,
  nestedField,
  unexpectedBody,
  unknownAndPrototypeKeys,
  wrongContentType,
  wrongTypeField,
} from './body-mutations.ts';
import { type Baseline, baseline, type FuzzCase, type Mutation, requestOf } from './fuzz-request.ts';
import { HOSTILE_IDS, HOSTILE_STRINGS, HOSTILE_URL_TEXT } from './hostile-values.ts';
import type { FuzzOperation, OperationParameter } from './openapi-operations.ts';
import { type SampleContext, sampleValue } from './schema-sample.ts';

export type { FuzzCase, FuzzRequest } from './fuzz-request.ts';

/**
 * `count` malformed requests for one operation, each a well-formed request with one thing broken.
 * The kinds of breakage that apply to the operation take turns (from a seeded offset), so every kind
 * is tried once `count` reaches their number; which field and which hostile value is seeded.
 */
export function casesFor(operation: FuzzOperation, context: SampleContext, count: number): FuzzCase[] {
  const kinds = mutationsFor(operation);
  const offset = context.random.int(kinds.length);
  const cases: FuzzCase[] = [];
  for (let i = 0; cases.length < count && i < count * 3; i += 1) {
    const mutation = kinds[(offset + i) % kinds.length];
    const fuzzCase = mutation?.(operation, context);
    if (fuzzCase) cases.push(fuzzCase);
  }
  return cases;
}

function mutationsFor(operation: FuzzOperation): Mutation[] {
  const kinds: Mutation[] = [validRequest];
  if (operation.pathParams.length > 0) kinds.push(hostileIdInPath, hostileTextInPath, unknownIdInPath);
  if (operation.queryParams.length > 0) kinds.push(hostileQueryValue, hostileQueryString, repeatedQuery);
  if (operation.queryParams.some((p) => p.required)) kinds.push(missingRequiredQuery);
  kinds.push(unknownQuery);
  if (operation.body?.contentType === 'application/json') {
    kinds.push(
      missingField,
      wrongTypeField,
      hostileStringField,
      hugeStringField,
      hostileNumberField,
      hostileIdField,
      unknownAndPrototypeKeys,
      nestedField,
      bodyOfAnotherType,
      invalidJson,
      emptyBody,
      wrongContentType,
      deeplyNestedBody,
      invalidUtf8Body,
    );
  } else if (operation.body) {
    kinds.push(hostileTextBody, hugeTextBody, emptyBody, wrongContentType, invalidUtf8Body);
  } else if (operation.method !== 'GET') {
    kinds.push(unexpectedBody, wrongContentType, emptyBody, invalidJson);
  }
  return kinds;
}

const validRequest: Mutation = (operation, context) => ({
  label: 'well-formed request',
  request: requestOf(operation, baseline(operation, context)),
});

const hostileIdInPath: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const param = context.random.pick(operation.pathParams);
  const hostile = context.random.pick(HOSTILE_IDS);
  base.pathValues.set(param.name, percentEncode(hostile.value));
  return { label: `path ${param.name}: ${hostile.label}`, request: requestOf(operation, base) };
};

const hostileTextInPath: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const param = context.random.pick(operation.pathParams);
  const hostile = context.random.pick(HOSTILE_URL_TEXT);
  base.pathValues.set(param.name, hostile.value);
  return { label: `path ${param.name}: ${hostile.label}`, request: requestOf(operation, base) };
};

const unknownIdInPath: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const param = context.random.pick(operation.pathParams);
  base.pathValues.set(param.name, context.random.uuid());
  return { label: `path ${param.name}: a UUID of nothing`, request: requestOf(operation, base) };
};

const hostileQueryValue: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const param = context.random.pick(operation.queryParams);
  const hostile = context.random.chance(0.5)
    ? context.random.pick(HOSTILE_STRINGS)
    : context.random.pick(HOSTILE_IDS);
  // Strings past 8 kB would only meet Node's header limit (431): the query keeps under it.
  setQuery(base, param, percentEncode(hostile.value.slice(0, 8000)));
  return { label: `query ${param.name}: ${hostile.label}`, request: requestOf(operation, base) };
};

const hostileQueryString: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const param = context.random.pick(operation.queryParams);
  const hostile = context.random.pick(HOSTILE_URL_TEXT);
  setQuery(base, param, hostile.value);
  return { label: `query ${param.name}: ${hostile.label}`, request: requestOf(operation, base) };
};

const repeatedQuery: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const param = context.random.pick(operation.queryParams);
  const value = encodeURIComponent(String(sampleValue(context, param.schema, param.name)));
  const shape = context.random.pick(['repeated', 'bracketed', 'without value'] as const);
  base.query = base.query.filter(([name]) => name !== param.name);
  if (shape === 'repeated') base.query.push([param.name, value], [param.name, value]);
  else if (shape === 'bracketed') base.query.push([`${param.name}[a]`, value], [`${param.name}[]`, value]);
  const request = requestOf(operation, base);
  if (shape === 'without value')
    request.target += `${request.target.includes('?') ? '&' : '?'}${encodeURIComponent(param.name)}`;
  return { label: `query ${param.name}: ${shape}`, request };
};

const missingRequiredQuery: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const required = operation.queryParams.filter((p) => p.required);
  const param = context.random.pick(required);
  base.query = base.query.filter(([name]) => name !== param.name);
  return { label: `query ${param.name}: missing`, request: requestOf(operation, base) };
};

const unknownQuery: Mutation = (operation, context) => {
  const base = baseline(operation, context);
  const name = context.random.pick(['__proto__', 'constructor', 'fuzz', '', '%00', 'toString']);
  base.query.push([name, context.random.pick(['1', '%00', '', '%zz'])]);
  return { label: `query: unknown parameter "${name}"`, request: requestOf(operation, base) };
};

function setQuery(base: Baseline, param: OperationParameter, rawValue: string): void {
  base.query = base.query.filter(([name]) => name !== param.name);
  base.query.push([param.name, rawValue]);
}

/** Percent-encodes any string, lone surrogates included (as the bytes WTF-8 would give them). */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}
