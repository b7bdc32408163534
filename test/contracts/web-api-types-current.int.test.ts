import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  API_TYPES_FILE,
  apiTypesSource,
  REGENERATE_COMMAND,
} from '../../scripts/api-types/api-types-source.ts';
import { loadOpenApiDocument } from '../../scripts/api-types/openapi-document.ts';

describe('the web app’s API types', () => {
  // Boots a whole Careline on PGlite and compiles every schema: seconds alone, much longer on a busy CI machine.
  it('are what the server’s OpenAPI document generates now (CI fails on a stale copy)', {
    timeout: 180_000,
  }, async () => {
    const generated = await apiTypesSource(await loadOpenApiDocument());
    const checkedIn = readFileSync(new URL(`../../${API_TYPES_FILE}`, import.meta.url), 'utf8');
    expect(
      checkedIn === generated,
      `${API_TYPES_FILE} is not what the server's OpenAPI document generates: run \`${REGENERATE_COMMAND}\` and commit it`,
    ).toBe(true);
  });
});
