import { describe, expect, test } from 'vitest';
import { frenchSpacing } from './french-spacing.ts';

describe('French spacing', () => {
  test('no-break spaces inside « » and before :, narrow ones before ; ! ?', () => {
    expect(frenchSpacing('Écrivez « oui » : merci ! Vraiment ? Oui ; non')).toBe(
      'Écrivez «\u00A0oui\u00A0»\u00A0: merci\u202F! Vraiment\u202F? Oui\u202F; non',
    );
  });

  test('times, links and English are left alone; running it twice changes nothing', () => {
    const text = 'À 14:30, voir https://example.org?x=1 : « ok »';
    expect(frenchSpacing(text)).toBe('À 14:30, voir https://example.org?x=1\u00A0: «\u00A0ok\u00A0»');
    expect(frenchSpacing(frenchSpacing(text))).toBe(frenchSpacing(text));
  });
});
