/**
 * The operations of Careline's OpenAPI document, as the fuzzer needs them: every path and method with
 * its parameters and request body. Read from the running server's `/api/v1/openapi.json`, so a route
 * added to the API is fuzzed without anyone listing it.
 */

export type JsonSchema = Record<string, unknown>;

export interface OperationParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface FuzzOperation {
  method: string;
  /** The path template, e.g. `/api/v1/conversations/{id}/messages`. */
  path: string;
  pathParams: OperationParameter[];
  queryParams: OperationParameter[];
  body: { contentType: string; schema: JsonSchema } | undefined;
  /** `security: []`: the operation is meant to answer without credentials (sign-in, calendar feeds). */
  public: boolean;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

export function operationsOf(document: unknown): FuzzOperation[] {
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {};
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const parameters = Array.isArray(operation.parameters) ? operation.parameters.filter(isRecord) : [];
      const parameter = (where: string) =>
        parameters
          .filter((p) => p.in === where && typeof p.name === 'string')
          .map((p) => ({
            name: String(p.name),
            required: p.required === true,
            schema: isRecord(p.schema) ? p.schema : {},
          }));
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameter('path'),
        queryParams: parameter('query'),
        body: bodyOf(operation.requestBody),
        public: Array.isArray(operation.security) && operation.security.length === 0,
      });
    }
  }
  return operations;
}

function bodyOf(requestBody: unknown): FuzzOperation['body'] {
  if (!isRecord(requestBody) || !isRecord(requestBody.content)) return undefined;
  const [entry] = Object.entries(requestBody.content);
  if (!entry) return undefined;
  const [contentType, media] = entry;
  return { contentType, schema: isRecord(media) && isRecord(media.schema) ? media.schema : {} };
}

/** Follows `$ref`s (`#/components/schemas/X`) of the document; a schema without one is returned as is. */
export function resolveSchema(document: unknown, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 16; hops += 1) {
    let target: unknown = document;
    for (const part of current.$ref.replace(/^#\//, '').split('/')) {
      target = isRecord(target) ? target[part] : undefined;
    }
    if (!isRecord(target)) return {};
    current = target;
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
