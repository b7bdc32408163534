import { jsonText } from './json-text.ts';
import type { FuzzOperation } from './openapi-operations.ts';
import { type SampleContext, sampleValue } from './schema-sample.ts';

export interface FuzzRequest {
  method: string;
  /** Path and query string, already percent-encoded (or deliberately mis-encoded). */
  target: string;
  contentType?: string | undefined;
  body?: string | Uint8Array | undefined;
}

export interface FuzzCase {
  /** What is wrong with the request, e.g. `body.text: NUL inside`. */
  label: string;
  request: FuzzRequest;
}

export type Mutation = (operation: FuzzOperation, context: SampleContext) => FuzzCase | undefined;

/** The well-formed request: known ids in the path, required and some optional query values, a body. */
export interface Baseline {
  pathValues: Map<string, string>;
  query: Array<[string, string]>;
  body: unknown;
}

export function baseline(operation: FuzzOperation, context: SampleContext): Baseline {
  const pathValues = new Map<string, string>();
  for (const param of operation.pathParams) {
    const collection = operation.path.slice(0, operation.path.indexOf(`{${param.name}}`) - 1);
    const field = param.name === 'key' ? 'key' : 'id';
    const known = context.ids.pick(context.random, { collection, name: param.name, field });
    pathValues.set(
      param.name,
      encodeURIComponent(known ?? String(sampleValue(context, param.schema, param.name))),
    );
  }
  const query: Array<[string, string]> = [];
  for (const param of operation.queryParams) {
    // A cursor is only ever one the API handed out: the well-formed request has none.
    if (param.name === 'cursor' || (!param.required && !context.random.chance(0.4))) continue;
    query.push([param.name, encodeURIComponent(String(sampleValue(context, param.schema, param.name)))]);
  }
  const body = operation.body ? sampleValue(context, operation.body.schema) : undefined;
  return { pathValues, query, body };
}

export function requestOf(
  operation: FuzzOperation,
  base: Baseline,
  body: { text?: string | Uint8Array; contentType?: string | undefined } | 'baseline' = 'baseline',
): FuzzRequest {
  let path = operation.path;
  for (const [name, value] of base.pathValues) path = path.replace(`{${name}}`, value);
  const query = base.query.map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join('&');
  const target = query ? `${path}?${query}` : path;
  if (body !== 'baseline') return { method: operation.method, target, ...body };
  if (!operation.body) return { method: operation.method, target };
  const text = typeof base.body === 'string' ? base.body : jsonText(base.body);
  return { method: operation.method, target, contentType: operation.body.contentType, body: text };
}
