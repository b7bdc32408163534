import { describe, expect, test } from 'vitest';
import { compileLexicons } from './compile-lexicon.ts';
import { englishLexicon } from './lexicon.en.ts';
import { frenchLexicon } from './lexicon.fr.ts';
import { CONCEPTS, type LexiconInput } from './lexicon.schema.ts';
import { RED_FLAG_CATEGORIES } from './red-flag-category.ts';
import { RED_FLAG_COMBINATIONS } from './red-flag-combinations.ts';
import { screenWithLexicon } from './screen-for-red-flags.ts';

const EMPTY_WORDS = {
  negators: 'pas',
  negatorsAfterNe: '',
  bridges: 'de',
  negationCancellers: '',
  fillers: 'la le de dans',
  clauseBreakers: 'mais',
  protectedWords: '',
  numbers: 'un=1',
};

function tinyLexicon(patterns: string[]): LexiconInput {
  return {
    language: 'fr',
    classes: { douleur: 'douleur* mal' },
    categories: { chest_pain: patterns },
    concepts: {},
    exclusions: [],
    words: EMPTY_WORDS,
  };
}

describe('the built-in lexicons', () => {
  test.each([
    ['fr', frenchLexicon],
    ['en', englishLexicon],
  ])('%s covers every category, alone or by a combination of signs it all defines', (_language, lexicon) => {
    expect(CONCEPTS.filter((concept) => (lexicon.concepts[concept]?.length ?? 0) === 0)).toEqual([]);
    const combined = new Set(RED_FLAG_COMBINATIONS.map((c) => c.category));
    const uncovered = RED_FLAG_CATEGORIES.filter(
      (category) => (lexicon.categories[category]?.length ?? 0) === 0 && !combined.has(category),
    );
    expect(uncovered).toEqual([]);
  });
});

describe('compileLexicons', () => {
  test('a lexicon is data: a clinic can screen with its own', () => {
    const lexicon = compileLexicons([tinyLexicon(['any: @douleur poitrine'])]);
    expect(screenWithLexicon(lexicon, 'une douleur dans la poitrine').findings).toEqual([
      { category: 'chest_pain', matched: 'douleur dans la poitrine' },
    ]);
    expect(screenWithLexicon(lexicon, 'pas de douleur dans la poitrine').flagged).toBe(false);
  });

  test('names the pattern that is wrong', () => {
    expect(() => compileLexicons([tinyLexicon(['@pain poitrine'])])).toThrow(
      'fr pattern "@pain poitrine": unknown class @pain',
    );
    expect(() => compileLexicons([tinyLexicon(['brulure 3e degre'])])).toThrow(
      'fr pattern "brulure 3e degre": "3e" is not one plain word (letters only)',
    );
    expect(() => compileLexicons([tinyLexicon(['ab* poitrine'])])).toThrow('stem "ab*" is too short');
  });

  test('rejects word lists that are not plain lowercase words', () => {
    const lexicon = { ...tinyLexicon(['poitrine']), words: { ...EMPTY_WORDS, negators: 'pas Jamais' } };
    expect(() => compileLexicons([lexicon])).toThrow('words are lowercase letters, without accents');
  });
});

describe('an English stem that ends in a silent e', () => {
  const english = (patterns: string[]): LexiconInput => ({
    ...tinyLexicon(patterns),
    language: 'en',
    words: { ...EMPTY_WORDS, negators: 'no', bridges: 'any', fillers: 'the a my is', clauseBreakers: 'but' },
  });

  test('reads its -ing form too: "fade*" finds "fading", "move*" finds "moving"', () => {
    const lexicon = compileLexicons([english(['rash not fade*', 'baby not move*'])]);
    expect(screenWithLexicon(lexicon, 'the rash is not fading').flagged).toBe(true);
    expect(screenWithLexicon(lexicon, 'my baby is not moving').flagged).toBe(true);
    expect(screenWithLexicon(lexicon, 'the rash is not faded').flagged).toBe(true);
  });

  test('French stems are left as written', () => {
    const lexicon = compileLexicons([tinyLexicon(['tombe*'])]);
    expect(screenWithLexicon(lexicon, 'tombing').flagged).toBe(false);
  });
});
