import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText, toStorableJson, toStorableText } from './storable-text.ts';

describe('text PostgreSQL can store', () => {
  it('is any text without U+0000 or an unpaired surrogate; emoji pairs are fine', () => {
    expect(isStorableText('Fièvre 39 °C 🤒')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud83d')).toBe(false);
    expect(isStorableText('\ude00a')).toBe(false);
  });

  it('loses only those characters when made storable', () => {
    expect(toStorableText('J’ai\u0000 mal \ud83d au 🤒 ventre\udc00')).toBe('J’ai mal  au 🤒 ventre');
  });

  it('makes the strings and keys of a JSON value storable, and cuts what nests too deep', () => {
    expect(toStorableJson({ 'a\u0000': ['x\u0000', 1, null, { b: 'y\ud800' }] })).toEqual({
      a: ['x', 1, null, { b: 'y' }],
    });
    expect(toStorableJson({ a: { b: { c: 'deep' } } }, 2)).toEqual({ a: { b: null } });
  });

  it('names where the first unstorable string or key of a parsed body is', () => {
    expect(findUnstorableText({ text: 'ok', rows: [{ id: 'a' }, { id: 'b\u0000' }] }, 'body')).toBe(
      'body.rows.1.id',
    );
    expect(findUnstorableText({ fields: { 'k\u0000ey': 'v' } }, 'body')).toBe('body.fields.key');
    expect(findUnstorableText('raw\u0000', 'body')).toBe('body');
    expect(findUnstorableText({ ok: ['fine', 1, true, null] }, 'query')).toBeNull();
    expect(findUnstorableText(Buffer.from('a\u0000b'), 'body')).toBeNull();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let nested: unknown = 'end\u0000';
    for (let depth = 0; depth < 200_000; depth += 1) nested = [nested];
    expect(findUnstorableText(nested, 'body')?.endsWith('.0.0')).toBe(true);
  });
});
