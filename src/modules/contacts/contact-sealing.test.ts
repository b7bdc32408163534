import { describe, expect, test } from 'vitest';
import type { BlindIndex } from '../keys/keyring.ts';
import { nameQueryTerms, nameTermsOf, nameWords } from './contact-sealing.ts';

// A stand-in hash that keeps the input readable, so the test shows which prefixes are indexed.
const readable: BlindIndex = { hash: (domain, value) => String(hashOf(`${domain}:${value}`)) };
function hashOf(text: string): bigint {
  let h = 0n;
  for (const c of text) h = (h * 131n + BigInt(c.codePointAt(0) ?? 0)) % 9_007_199_254_740_881n;
  return h;
}

describe('name terms of the blind index', () => {
  test('words without accents or case, whatever separates them', () => {
    expect(nameWords("Chloé-Anne  MARTIN d'Étampes")).toEqual(['chloe', 'anne', 'martin', 'd', 'etampes']);
  });

  test('every prefix of at least 2 characters is indexed; a query needs each of its words', () => {
    const indexed = new Set(nameTermsOf(readable, 'Chloé Martin'));
    for (const q of ['chloe', 'CHLOÉ', 'chl', 'martin chlo', 'ma']) {
      const wanted = nameQueryTerms(readable, q);
      expect(wanted.length, q).toBeGreaterThan(0);
      expect(
        wanted.every((t) => indexed.has(t)),
        q,
      ).toBe(true);
    }
    for (const q of ['chloex', 'martine', 'loé']) {
      expect(
        nameQueryTerms(readable, q).every((t) => indexed.has(t)),
        q,
      ).toBe(false);
    }
  });

  test('one-letter query words are left out: "c" alone finds nothing rather than everyone', () => {
    expect(nameQueryTerms(readable, 'c')).toEqual([]);
    expect(nameQueryTerms(readable, 'c martin')).toHaveLength(1);
  });
});
