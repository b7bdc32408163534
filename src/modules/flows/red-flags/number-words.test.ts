import { describe, expect, test } from 'vitest';
import { compileLexicons } from './compile-lexicon.ts';
import { englishLexicon } from './lexicon.en.ts';
import { frenchLexicon } from './lexicon.fr.ts';
import { composeNumbers } from './number-words.ts';
import { screenForRedFlags } from './screen-for-red-flags.ts';
import { tokenise } from './tokenise.ts';

const { words } = compileLexicons([frenchLexicon, englishLexicon]);

function composed(text: string): string {
  return composeNumbers(tokenise(text), words)
    .map((token) => (token.kind === 'number' ? `#${token.text}` : token.text))
    .join(' ');
}

describe('composeNumbers', () => {
  test.each([
    ['trente-huit quatre', '#38 quatre'],
    ['quatre-vingt-sept', '#87'],
    ['quatre-vingts', '#80'],
    ['quatre-vingt-dix-sept', '#97'],
    ['soixante-douze', '#72'],
    ['septante-deux', '#72'],
    ['dix-sept', '#17'],
    ['vingt et un ans', '#21 ans'],
    ['deux cent vingt', '#220'],
    ['twenty three tablets', '#23 tablets'],
    ['eighty eight percent', '#88 percent'],
    ['one hundred and twenty', '#120'],
    ['thirty nine point eight', '#39.8'],
    ['trente-huit virgule cinq', '#38.5'],
    ['thirty eight point 4', '#38.4'],
  ])('%j → %j', (text, expected) => {
    expect(composed(text)).toBe(expected);
  });

  test('leaves alone what is not one number said in words', () => {
    expect(composed('deux trois fois')).toBe('deux trois fois');
    expect(composed('un point au coeur')).toBe('un point au coeur');
    expect(composed('10 7')).toBe('#10 #7');
    expect(composed('six')).toBe('six');
  });

  test('a number said in words reads like one typed', () => {
    const categories = (text: string) => screenForRedFlags(text).findings.map((f) => f.category);
    expect(categories('mon bébé a six semaines et il a trente-huit quatre')).toEqual(['infant_fever']);
    expect(categories('my baby is five weeks and her temp is thirty eight point two')).toEqual([
      'infant_fever',
    ]);
    expect(categories('saturation quatre-vingt-sept et très essoufflé')).toContain('breathing_difficulty');
    expect(categories("j'ai vingt et un ans et je voudrais la pilule")).toEqual([]);
  });
});

describe('signs told in two clauses (round 9 combinations)', () => {
  const categories = (text: string) => screenForRedFlags(text).findings.map((f) => f.category);

  test('a fuel-burning appliance and several people of the house unwell: carbon monoxide', () => {
    expect(
      categories('we all have headaches and the whole family is dizzy, the gas heater was on all night'),
    ).toEqual(['poisoning_overdose']);
    expect(categories('on a tous mal à la tête, la chaudière fait un drôle de bruit')).toEqual([
      'poisoning_overdose',
    ]);
    expect(categories('our boiler broke, is there a number for the council?')).toEqual([]);
    expect(categories('everyone is sick with covid at home, the heater is on')).toEqual([]);
  });

  test('an infection or a fresh operation and a sepsis sign, no fever word', () => {
    expect(categories("opéré de l'appendicite il y a 5 jours, il grelotte et il est désorienté")).toContain(
      'sepsis_signs',
    );
    expect(categories("had his op on monday, now he's shivering uncontrollably and confused")).toContain(
      'sepsis_signs',
    );
    expect(categories('he had surgery on his knee and is very sleepy after the anaesthetic')).toEqual([]);
  });
});
