import { describe, expect, test } from 'vitest';
import { normalisePhone } from './parse-phone.ts';

describe('normalisePhone', () => {
  test.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['01 42 68 53 00', '+33142685300'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['+33 06 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+44 7700 900123', '+447700900123'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('%j → %s', (text, e164) => {
    expect(normalisePhone(text)).toBe(e164);
  });

  test('national numbers of French overseas departments get their own country code', () => {
    expect(normalisePhone('0692 12 34 56')).toBe('+262692123456');
    expect(normalisePhone('0590 12 34 56')).toBe('+590590123456');
    expect(normalisePhone('0696 12 34 56')).toBe('+596696123456');
    expect(normalisePhone('0694 12 34 56')).toBe('+594694123456');
  });

  test('a national number belongs to the default country given', () => {
    expect(normalisePhone('07700 900123', '44')).toBe('+447700900123');
    expect(normalisePhone('0470 12 34 56', '32')).toBe('+32470123456');
  });

  test.each([
    '',
    'abc',
    '12345',
    '06 12 34',
    '06 12 34 56 78 90',
    '612345678',
    '+33 6 12 34 56',
    'tel: 06 12 34 56 78',
    '+0612345678',
  ])('refuses %j', (text) => {
    expect(normalisePhone(text)).toBeUndefined();
  });
});
