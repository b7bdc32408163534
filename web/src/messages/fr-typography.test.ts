import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

/**
 * French typography, for every French string, including those added later: a no-break space (U+00A0,
 * or the narrow U+202F) before « : ; ! ? » and inside « », never a plain space that lets the line break
 * before the sign. Each failure names the key.
 */

const NO_BREAK = '[\\u00a0\\u202f]';
const RULES: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  { rule: 'plain space before : ; ! ?', pattern: / [:;!?]/ },
  { rule: 'no space at all before ; ! ?', pattern: /[^\s\u00a0\u202f(][;!?](?=\s|$)/ },
  { rule: '« without a no-break space after it', pattern: new RegExp(`«(?!${NO_BREAK})`) },
  { rule: '» without a no-break space before it', pattern: new RegExp(`(?<!${NO_BREAK})»`) },
];

function stringsOf(messages: object, path = ''): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]): Array<[string, string]> => {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') return [[at, value]];
    if (typeof value === 'object' && value !== null) return stringsOf(value, at);
    return [];
  });
}

function typographyMistakes(messages: object): string[] {
  return stringsOf(messages).flatMap(([key, text]) =>
    RULES.filter(({ pattern }) => pattern.test(text)).map(({ rule }) => `${key}: ${rule} in “${text}”`),
  );
}

describe('French texts', () => {
  test('are many: the scan reads the whole file', () => {
    expect(stringsOf(fr).length).toBeGreaterThan(500);
  });

  test('keep : ; ! ? and « » with their no-break spaces', () => {
    expect(typographyMistakes(fr)).toEqual([]);
  });

  test('the scan catches what a translator might type', () => {
    expect(
      typographyMistakes({
        a: 'Non envoyé : la fenêtre est fermée',
        b: { c: 'Vraiment ?', d: 'Aucun résultat pour « {{q}}»', e: 'Merci!' },
        ok: 'Non envoyé\u00a0: «\u00a0oui\u00a0»\u202f? https://exemple.fr/a?b=1 à 14:05',
      }),
    ).toEqual([
      'a: plain space before : ; ! ? in “Non envoyé : la fenêtre est fermée”',
      'b.c: plain space before : ; ! ? in “Vraiment ?”',
      'b.d: « without a no-break space after it in “Aucun résultat pour « {{q}}»”',
      'b.d: » without a no-break space before it in “Aucun résultat pour « {{q}}»”',
      'b.e: no space at all before ; ! ? in “Merci!”',
    ]);
  });
});

describe('counted words', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: 'fr',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  /** Any key, unchecked: the test reads keys the way the screens do. */
  const t = (language: 'en' | 'fr', key: string, values: Record<string, number>) => {
    const translate = i18n.getFixedT(language) as unknown as (key: string, values: object) => string;
    return translate(key, values).replace(/\u00a0/g, ' ');
  };

  test('stars and answers agree with their numbers, in French and English', () => {
    const row = 'settings.automation.satisfaction.row';
    expect(t('fr', row, { rating: 1, count: 1 })).toBe('1 étoile : 1 réponse');
    expect(t('fr', row, { rating: 5, count: 12 })).toBe('5 étoiles : 12 réponses');
    expect(t('en', row, { rating: 1, count: 2 })).toBe('1 star: 2 answers');
    expect(t('en', row, { rating: 4, count: 1 })).toBe('4 stars: 1 answer');
  });

  test('one more trigger word, one day, nobody’s conversations', () => {
    expect(t('fr', 'settings.automation.triggers.more', { count: 1 })).toContain('et 1 autre');
    expect(t('fr', 'settings.automation.triggers.more', { count: 3 })).toContain('et 3 autres');
    expect(t('fr', 'report.lastDays', { count: 7 })).toBe('7 jours');
    expect(t('fr', 'settings.staff.deactivateBody', { count: 0 })).toContain('pas de conversation ouverte');
    expect(t('fr', 'settings.staff.deactivateBody', { count: 1 })).toContain('Sa conversation ouverte');
    expect(t('en', 'settings.staff.deactivateBody', { count: 0 })).toContain('no open conversation');
  });
});
