import { describe, expect, test } from 'vitest';
import { parseNumber } from './parse-number.ts';

describe('parseNumber', () => {
  test.each([
    ['42', 42],
    [' 42 ', 42],
    ['37,5', 37.5],
    ['37.5', 37.5],
    ['-2', -2],
    ['+3', 3],
    ['1 200', 1200],
    ['1\u202f200', 1200],
    ['42 ans', 42],
    ['72kg', 72],
    ['38,5°C', 38.5],
    ['12 years', 12],
    ['0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  test.each(['', 'quarante', '3 ou 4', '12/03', '1,2,3', '42 ans et demi', '1 20', 'abc12', '12-13', '.5'])(
    'refuses %j',
    (text) => {
      expect(parseNumber(text)).toBeUndefined();
    },
  );
});
