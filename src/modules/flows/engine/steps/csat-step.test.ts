import { describe, expect, test } from 'vitest';
import { parseRating } from './csat-step.ts';

describe('parseRating', () => {
  test.each([
    ['4', 4],
    [' 4 ', 4],
    ['4/5', 4],
    ['4 / 5', 4],
    ['4 sur 5', 4],
    ['4 out of 5', 4],
    ['4 étoiles', 4],
    ['1 star', 1],
    ['⭐⭐⭐⭐', 4],
    ['⭐️⭐️⭐️', 3],
    ['★★', 2],
    ['⭐⭐⭐⭐⭐', 5],
    ['Très satisfait', 5],
    ['satisfait', 4],
    ['Very dissatisfied', 1],
    ['n°2', 2],
  ])('reads %j as %d', (text, rating) => {
    expect(parseRating({ text })).toBe(rating);
  });

  test('the row tapped wins', () => {
    expect(parseRating({ replyId: 'csat_3', text: 'whatever' })).toBe(3);
  });

  test.each(['0', '6', '10', '45', '⭐⭐⭐⭐⭐⭐', 'bof', '', '4/10', '3 4'])('refuses %j', (text) => {
    expect(parseRating({ text })).toBeUndefined();
  });
});
