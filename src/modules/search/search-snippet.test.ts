import { describe, expect, test } from 'vitest';
import { HEADLINE_END as E, HEADLINE_START as S, searchSnippet } from './search-snippet.ts';

describe('search snippets', () => {
  test('marks the matched words in the original text, accents, ligatures and guillemets kept', () => {
    const text = 'J’ai de la fièvre et mal au cœur. « Merci »';
    const headline = `J'ai de la ${S}fievre${E} et mal au ${S}coeur${E}. << Merci >>`;
    expect(searchSnippet(text, headline)).toBe('J’ai de la ⟦fièvre⟧ et mal au ⟦cœur⟧. « Merci »');
  });

  test('matches every occurrence, whatever the case', () => {
    expect(searchSnippet('Fièvre, encore la FIÈVRE', `${S}Fievre${E}, encore la ${S}FIEVRE${E}`)).toBe(
      '⟦Fièvre⟧, encore la ⟦FIÈVRE⟧',
    );
  });

  test('a long text is cut around the first match, at word boundaries, with …', () => {
    const before = 'mot '.repeat(50);
    const after = ' suite'.repeat(60);
    const text = `${before}fièvre${after}`;
    const headline = `${before}${S}fievre${E}${after}`;
    const snippet = searchSnippet(text, headline);
    expect(snippet.startsWith('… mot')).toBe(true);
    expect(snippet.endsWith('suite …')).toBe(true);
    expect(snippet).toContain('⟦fièvre⟧');
    expect(snippet.length).toBeLessThan(220);
  });

  test('line breaks become spaces; the marks cannot be forged by the text', () => {
    expect(searchSnippet('Bonjour\n\n⟦fièvre⟧', `Bonjour\n\n⟦${S}fievre${E}⟧`)).toBe('Bonjour [⟦fièvre⟧]');
  });

  test('without a recognisable match, the start of the text', () => {
    expect(searchSnippet('Bonjour docteur', 'Bonjour docteur')).toBe('Bonjour docteur');
  });
});
