import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'careline.language';

/** The visitor's own choice, else the browser's first language we speak, else English. */
function initialLanguage(): Language {
  const stored = readStored();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const found = asLanguage(tag.slice(0, 2).toLowerCase());
    if (found) return found;
  }
  return 'en';
}

export function asLanguage(value: string | null | undefined): Language | undefined {
  return LANGUAGES.find((language) => language === value);
}

export function hasChosenLanguage(): boolean {
  return readStored() !== undefined;
}

export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return asLanguage(i18n.resolvedLanguage) ?? 'en';
}

function readStored(): Language | undefined {
  try {
    return asLanguage(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

/**
 * Starts translations with each language's texts. The texts come from the caller (main.tsx, through
 * messages/): they are merged from every feature, and features import this module, so it cannot import them.
 */
export function startI18n(texts: Readonly<Record<Language, Record<string, unknown>>>): void {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: texts.en }, fr: { translation: texts.fr } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
}

export { i18n };
