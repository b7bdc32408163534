import { describe, expect, test } from 'vitest';
import { editDistanceAtMost, isTypoOf, startsWithTypoOf, typoBudget } from './fuzzy-match.ts';

describe('typoBudget', () => {
  test('none under 5 letters, one from 5, two from 8', () => {
    expect([3, 4, 5, 7, 8, 12].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('isTypoOf', () => {
  test.each([
    ['poitrine', 'poitrine', true],
    ['poitirne', 'poitrine', true], // two neighbours swapped
    ['potrine', 'poitrine', true], // a letter missing
    ['poitrinne', 'poitrine', true], // a doubled letter
    ['douleru', 'douleur', true],
    ['thoracqiue', 'thoracique', true],
    ['hemoragie', 'hemorragie', true],
    ['cnvulsions', 'convulsions', true],
    ['respirre', 'respirer', true],
    ['pian', 'pain', true], // four letters: a swap only
    ['pein', 'pain', false],
    ['chst', 'chest', true],
    ['chost', 'chest', true],
    ['chart', 'chest', false], // two changes on a 5-letter word
    ['respecter', 'respirer', false],
    ['every', 'fever', false], // never on the first letter
    ['bal', 'mal', false], // three letters: exact only
    ['mall', 'mal', false],
    ['essoufle', 'essouffle', true],
  ])('%j is a typo of %j: %s', (typed, word, expected) => {
    expect(isTypoOf(typed, word)).toBe(expected);
  });
});

describe('startsWithTypoOf', () => {
  test.each([
    ['saignement', 'saign', true],
    ['siagnement', 'saign', false], // a 5-letter stem is matched as spelled
    ['respriation', 'respir', true],
    ['hemoragie', 'hemorragi', true],
    ['xespiration', 'respir', false],
    ['res', 'respir', false],
  ])('%j starts with a typo of %j: %s', (typed, stem, expected) => {
    expect(startsWithTypoOf(typed, stem)).toBe(expected);
  });
});

describe('editDistanceAtMost', () => {
  test('counts inserts, deletes, replacements and neighbour swaps against a bound', () => {
    expect(editDistanceAtMost('kitten', 'sitting', 3)).toBe(true);
    expect(editDistanceAtMost('kitten', 'sitting', 2)).toBe(false);
    expect(editDistanceAtMost('abcd', 'acbd', 1)).toBe(true);
    expect(editDistanceAtMost('', 'ab', 2)).toBe(true);
    expect(editDistanceAtMost('', 'abc', 2)).toBe(false);
  });
});
