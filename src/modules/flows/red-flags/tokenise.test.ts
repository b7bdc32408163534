import { describe, expect, test } from 'vitest';
import { normaliseText, normaliseWord, tokenise } from './tokenise.ts';

describe('normaliseText', () => {
  test.each([
    ['J’arrive PAS à respirer!!!', 'je arrive pas a respirer |'],
    ['jarrive pa a respiré', 'je arrive pas a respire'],
    ['douleur ds la poitrine', 'douleur dans la poitrine'],
    ['jai mal, g mal', 'je ai mal | je ai mal'],
    ['jpeux plus', 'je peux plus'],
    ['jsuis essoufflé', 'je suis essouffle'],
    ["ça s'arrête pas", 'ca se arrete pas'],
    ['Œdème de Quincke', 'oedeme de quincke'],
    ['douuuuleur, mallll', 'douleur | mal'],
    ['bcp de sang', 'beaucoup de sang'],
    ['avc', 'avc'], // the French word for stroke, not SMS for « avec »
    ["I can't breathe", 'i can not breathe'],
    ['cant breathe', 'can not breathe'],
    ['bleeding wont stop', 'bleeding will not stop'],
    ["he hasn't woken up", 'he has not woken up'],
    ["I'm dizzy, I've fallen", 'i am dizzy | i have fallen'],
    ["my baby's fever", 'my baby fever'],
    ["she's fitting, he’s not", 'she is fitting | he is not'], // as "shes", "hes" typed without the apostrophe
    ['fever w/o rash', 'fever without rash'],
    ['38,5 ou 38°5 ou 38.5', '38.5 ou 38.5 ou 38.5'],
    ['39°C', '39 degres c'],
    ['bébé de 2mois', 'bebe de 2 mois'],
    ['nouveau-né', 'nouveau ne'],
    ['douleur - poitrine', 'douleur | poitrine'],
    ['jpeux pu respirer', 'je peux plus respirer'], // « pu » typed as « plus » is said
    ["j'ai pu dormir, pas pu manger", 'je ai pu dormir | pas pu manger'], // after avoir: pouvoir
  ])('%j → %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });

  test('"dont" is expanded only when the conversation is in English', () => {
    expect(normaliseText('i dont know', { language: 'en' })).toBe('i do not know');
    expect(normaliseText('la douleur dont je parle', { language: 'fr' })).toBe('la douleur dont je parle');
    expect(normaliseText('i dont know')).toBe('i dont know');
  });
});

describe('normaliseWord', () => {
  test('lowercases, drops accents and ligatures, squeezes runs of three letters or more', () => {
    expect(normaliseWord('ÉVANOUIE')).toBe('evanouie');
    expect(normaliseWord('cœur')).toBe('coeur');
    expect(normaliseWord('aaaaide')).toBe('aide');
    expect(normaliseWord('essouffle')).toBe('essouffle'); // a real double letter stays
  });
});

describe('tokenise', () => {
  test('keeps where each token came from, shared by the words one typed word expands to', () => {
    expect(tokenise("J'ai mal.")).toEqual([
      { kind: 'word', text: 'je', start: 0, end: 4 },
      { kind: 'word', text: 'ai', start: 0, end: 4 },
      { kind: 'word', text: 'mal', start: 5, end: 8 },
      { kind: 'break', text: '|', start: 8, end: 9 },
    ]);
  });

  test('reads numbers apart from words, and several punctuation marks as one break', () => {
    expect(tokenise('38,5?!').map((t) => [t.kind, t.text])).toEqual([
      ['number', '38.5'],
      ['break', '|'],
    ]);
  });
});
