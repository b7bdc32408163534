/** The languages Careline's screens offer a patient or a saved reply, each by its own name. */
export const OFFERED_LANGUAGES = [
  { value: 'fr', label: 'Français' },
  { value: 'en', label: 'English' },
] as const;

/** A language tag's name in the interface language (de → "German"), or the tag itself. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
