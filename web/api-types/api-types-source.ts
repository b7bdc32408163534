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
  const names = Object.keys(document.components.schemas).sort();
  const definitions = Object.fromEntries(
    names.map((name) => [
      name,
      { ...pointRefsAtDefinitions(document.components.schemas[name]), title: name },
    ]),
  );
  const source = await compile(
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
  return source;
}

/** `#/components/schemas/X` → `#/definitions/X`, everywhere in a schema. */
function pointRefsAtDefinitions(schema: unknown): object {
  const text = JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/definitions/');
  return JSON.parse(text);
}
