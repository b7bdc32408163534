/**
 * The web app's API types, written from the OpenAPI document's named schemas (`components.schemas`,
 * the zod schemas registered with `.meta({ id })`). OpenAPI 3.1 schemas are JSON Schema, so
 * json-schema-to-typescript reads them once their `$ref`s point at `definitions`.
 */
import { compile } from 'json-schema-to-typescript';
import type { OpenApiDocument } from './openapi-document.ts';

export const API_TYPES_FILE = 'web/src/api/generated/openapi.ts';
export const REGENERATE_COMMAND = 'npm run api:types';

export async function apiTypesSource(document: OpenApiDocument): Promise<string> {
  const schemas = withoutSameInputs(document.components.schemas);
  const names = Object.keys(schemas).sort();
  const definitions = Object.fromEntries(
    names.map((name) => [name, { ...pointRefsAtDefinitions(schemas[name]), title: name }]),
  );
  return compile(
    {
      title: 'CarelineApiSchemas',
      description: 'Every named schema of the API, by name.',
      type: 'object',
      properties: Object.fromEntries(names.map((name) => [name, { $ref: `#/definitions/${name}` }])),
      required: names,
      additionalProperties: false,
      definitions,
    },
    'CarelineApiSchemas',
    {
      bannerComment: `/* Generated from GET /api/v1/openapi.json by \`${REGENERATE_COMMAND}\`: do not edit by hand. */`,
      additionalProperties: false,
      unknownAny: true,
      strictIndexSignatures: true,
      // Bounds are the server's to check; a tuple per length would only make the types unreadable.
      ignoreMinAndMaxItems: true,
      format: true,
      style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
    },
  );
}

const INPUT_REF = /"#\/components\/schemas\/(\w+)Input"/g;

/**
 * zod documents each registered schema twice, as a request reads it (`XInput`) and as a response
 * writes it (`X`); most are the same type, and only those that differ (defaults, transforms) keep both.
 */
function withoutSameInputs(schemas: Record<string, object>): Record<string, object> {
  // A request's object lets unknown keys through (zod strips them), a response's does not: no type shows it.
  const asOutput = (schema: object) =>
    JSON.stringify(schema)
      .replace(INPUT_REF, '"#/components/schemas/$1"')
      .replaceAll(',"additionalProperties":false', '');
  const same = new Set(
    Object.keys(schemas).filter((name) => {
      const output = name.endsWith('Input') ? schemas[name.slice(0, -'Input'.length)] : undefined;
      const input = schemas[name];
      return output !== undefined && input !== undefined && asOutput(input) === asOutput(output);
    }),
  );
  const kept = Object.entries(schemas).filter(([name]) => !same.has(name));
  return Object.fromEntries(
    kept.map(([name, schema]) => {
      const text = JSON.stringify(schema).replace(INPUT_REF, (ref, base: string) =>
        same.has(`${base}Input`) ? `"#/components/schemas/${base}"` : ref,
      );
      return [name, JSON.parse(text)];
    }),
  );
}

/** `#/components/schemas/X` → `#/definitions/X`, everywhere in a schema. */
function pointRefsAtDefinitions(schema: unknown): object {
  const text = JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/definitions/');
  return JSON.parse(text);
}
