import { describe, expect, test } from 'vitest';
import { contactTerms } from './search-terms.ts';

describe('contact search terms', () => {
  test('name words, the last one as a prefix', () => {
    expect(contactTerms('Chloé Mar')).toEqual({
      words: 'Chloé & Mar:*',
      phoneDigits: null,
      nationalDigits: null,
    });
    expect(contactTerms('chloe')).toMatchObject({ words: 'chloe:*' });
  });

  test('nothing the user types becomes tsquery syntax', () => {
    expect(contactTerms("l'hôpital & !x | (y):* \\ 'z'")).toMatchObject({
      words: 'l & hôpital & x & y & z:*',
    });
    expect(contactTerms('!!! ***')).toMatchObject({ words: null });
  });

  test('a number of at least 4 digits is searched in phones, ignoring spaces and +', () => {
    expect(contactTerms('+33 6 12')).toEqual({
      words: '33 & 6 & 12:*',
      phoneDigits: '33612',
      nationalDigits: null,
    });
    expect(contactTerms('06 12')).toMatchObject({ phoneDigits: '0612', nationalDigits: '612' });
    expect(contactTerms('0033 612')).toMatchObject({ phoneDigits: '33612', nationalDigits: null });
    expect(contactTerms('061')).toMatchObject({ phoneDigits: null, nationalDigits: null });
    // Digits inside words are not a phone search.
    expect(contactTerms('Chambre 1204')).toMatchObject({ phoneDigits: null });
  });
});
