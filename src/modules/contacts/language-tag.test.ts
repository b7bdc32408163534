import { describe, expect, test } from 'vitest';
import { canonicalLanguageTag, isLanguageTag } from './language-tag.ts';

describe('language tags (BCP 47)', () => {
  test('accepts languages with optional script and region', () => {
    for (const tag of ['fr', 'en-GB', 'pt-BR', 'zh-Hant-TW', 'ber', 'es-419'])
      expect(isLanguageTag(tag)).toBe(true);
  });

  test('refuses what is not a language tag', () => {
    for (const tag of ['', 'f', 'french', 'en_GB', 'en-', 'fr-FR-', '12', 'en-GB-toolongsubtag', 'fr FR']) {
      expect(isLanguageTag(tag)).toBe(false);
    }
  });

  test('canonicalises the case of each subtag', () => {
    expect(canonicalLanguageTag('EN-gb')).toBe('en-GB');
    expect(canonicalLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalLanguageTag('en_GB')).toBeUndefined();
  });
});
