/** `npm run api:types`: rewrites web/src/api/generated/openapi.ts from the server's OpenAPI document. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, apiTypesSource } from './api-types-source.ts';
import { loadOpenApiDocument } from './openapi-document.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const target = join(ROOT, API_TYPES_FILE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, await apiTypesSource(await loadOpenApiDocument()));
process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
