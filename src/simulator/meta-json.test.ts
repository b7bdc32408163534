import { describe, expect, it } from 'vitest';
import { stringifyLikeMeta } from './meta-json.ts';

describe('stringifyLikeMeta', () => {
  it('escapes non-ASCII as lowercase \\uXXXX, as Meta documents for signature checks', () => {
    expect(stringifyLikeMeta({ body: 'äöå' })).toBe('{"body":"\\u00e4\\u00f6\\u00e5"}');
  });

  it('escapes emoji as a surrogate pair and slashes as \\/', () => {
    expect(stringifyLikeMeta({ body: 'ok 👍 https://x.fr/a' })).toBe(
      '{"body":"ok \\ud83d\\udc4d https:\\/\\/x.fr\\/a"}',
    );
  });

  it('parses back to the same value, including backslashes next to slashes', () => {
    const value = { body: 'ça va ? \\/ 😀 "quoted"', n: 1, nested: [{ s: '\u2028' }] };
    const json = stringifyLikeMeta(value);
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
