import { describe, expect, test } from 'vitest';
import { humanDuration } from './human-duration.ts';

const plain = (text: string) => text.replace(/\s/g, ' ');

describe('humanDuration', () => {
  test('seconds, minutes, hours with minutes, days', () => {
    expect(plain(humanDuration(42.4, 'en'))).toBe('42 sec');
    expect(plain(humanDuration(185, 'en'))).toBe('3 min');
    expect(plain(humanDuration(4800, 'en'))).toBe('1 hr 20 min');
    expect(plain(humanDuration(7200, 'en'))).toBe('2 hr');
    expect(plain(humanDuration(3 * 86_400, 'en'))).toBe('3 days');
  });

  test('French', () => {
    expect(plain(humanDuration(4800, 'fr'))).toBe('1 h 20 min');
  });
});
