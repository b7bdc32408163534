import { describe, expect, test } from 'vitest';
import { matchOption, optionNumber } from './match-option.ts';

const options = [
  { id: 'rdv', title: { fr: 'Prendre RDV', en: 'Book a visit' } },
  { id: 'advice', title: { fr: '🩺 Conseils santé', en: 'Health advice' } },
  { id: 'human', title: 'Parler à quelqu’un', aliases: ['humain', 'agent'] },
];
const chosen = (reply: { text?: string; replyId?: string }) => matchOption(options, reply)?.id;

describe('matchOption', () => {
  test('by the id of the button or row tapped, before anything the text says', () => {
    expect(chosen({ replyId: 'human', text: 'Prendre RDV' })).toBe('human');
  });

  test('an unknown reply id (an old menu’s button) falls back to the text', () => {
    expect(chosen({ replyId: 'old-button', text: '1' })).toBe('rdv');
    expect(chosen({ replyId: 'old-button' })).toBeUndefined();
  });

  test.each([
    ['1', 'rdv'],
    ['2.', 'advice'],
    ['3)', 'human'],
    ['n°2', 'advice'],
    ['N° 3', 'human'],
    ['#1', 'rdv'],
    ['option 2', 'advice'],
  ])('by number: %j → %s', (text, id) => {
    expect(chosen({ text })).toBe(id);
  });

  test('a number with no option behind it matches nothing', () => {
    expect(chosen({ text: '4' })).toBeUndefined();
    expect(chosen({ text: '0' })).toBeUndefined();
  });

  test.each([
    ['Conseils sante', 'advice'],
    ['  CONSEILS SANTÉ !', 'advice'],
    ['conseils-santé', 'advice'],
    ['health advice', 'advice'],
    ['prendre rdv.', 'rdv'],
    ['parler a quelqu un', 'human'],
    ['Humain', 'human'],
  ])('by title or alias, ignoring case, accents and punctuation: %j → %s', (text, id) => {
    expect(chosen({ text })).toBe(id);
  });

  test('a part of a title is not a match', () => {
    expect(chosen({ text: 'conseils' })).toBeUndefined();
    expect(chosen({ text: 'rdv' })).toBeUndefined();
    expect(chosen({ text: '🩺' })).toBeUndefined();
    expect(chosen({ text: '' })).toBeUndefined();
  });
});

describe('optionNumber', () => {
  test('reads the number and nothing but the number', () => {
    expect(optionNumber('12')).toBe(12);
    expect(optionNumber('no 4')).toBe(4);
    expect(optionNumber('2 cafés')).toBeUndefined();
    expect(optionNumber('123')).toBeUndefined();
  });
});
