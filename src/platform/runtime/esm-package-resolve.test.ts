import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isModuleScope } from './esm-package-resolve.ts';

const installed = (path: string) => fileURLToPath(new URL(`../../../node_modules/${path}`, import.meta.url));

describe('which installed directories hold ES modules', () => {
  test('a package whose package.json says "type": "module", and its subfolders', () => {
    expect(isModuleScope(installed('drizzle-orm'))).toBe(true);
    expect(isModuleScope(installed('drizzle-orm/pg-core/columns'))).toBe(true);
  });

  test('a CommonJS package is left to Node', () => {
    expect(isModuleScope(installed('pg/lib'))).toBe(false);
  });
});
