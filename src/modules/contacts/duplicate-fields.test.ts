import { describe, expect, test } from 'vitest';
import { birthDateOf, emailOf } from './contact-sealing.ts';

describe('the fields duplicates are suggested on', () => {
  test('an e-mail, whatever its case, spaces and key', () => {
    expect(emailOf({ email: ' Marie@Example.FR ' })).toBe('marie@example.fr');
    expect(emailOf({ 'E-mail': 'a@b.fr' })).toBe('a@b.fr');
    expect(emailOf({ courriel: 'a@b.fr' })).toBe('a@b.fr');
    expect(emailOf({ email: '  ' })).toBeUndefined();
    expect(emailOf({ assurance: 'MGEN' })).toBeUndefined();
  });

  test('a birth date, as intake or booking typed it, is one date', () => {
    for (const typed of ['1980-03-07', '1980-3-7', '07/03/1980', '7/3/1980', '7.3.1980', '07-03-1980']) {
      expect(birthDateOf({ birth_date: typed })).toBe('1980-03-07');
    }
    expect(birthDateOf({ date_of_birth: '1980-03-07' })).toBe('1980-03-07');
    expect(birthDateOf({ DOB: '1980-03-07' })).toBe('1980-03-07');
    expect(birthDateOf({ birth_date: 'March 7th' })).toBeUndefined();
    expect(birthDateOf({})).toBeUndefined();
  });
});
