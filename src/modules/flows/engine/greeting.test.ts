import { describe, expect, test } from 'vitest';
import { isGreeting } from './greeting.ts';

describe('a message that only greets', () => {
  test.each([
    'Bonjour',
    'bonjour !',
    'Re bonjour docteur',
    'Salut 👋',
    'bjr',
    'Bonsoir madame',
    'Hello there',
    'hi',
    'Good morning',
    '/start',
  ])('%s greets', (text) => {
    expect(isGreeting(text)).toBe(true);
  });

  test.each([
    'Bonjour, j’ai mal au ventre',
    'hi I need an appointment',
    'merci',
    '2',
    'Prendre rendez-vous',
    '',
    'bonjour bonjour bonjour bonjour bonjour bonjour',
  ])('%s does not', (text) => {
    expect(isGreeting(text)).toBe(false);
  });
});
