/** RFC 5646 (§4.4.1) asks implementations to take tags of up to 35 characters; clinics use 2 to 10. */
export const MAX_LANGUAGE_TAG_LENGTH = 35;

/**
 * A BCP 47 language tag as clinics use them: a 2–3 letter language with optional subtags ("fr", "en-GB",
 * "zh-Hant-TW"), well-formed by the platform's own checker.
 */
export function isLanguageTag(value: string): boolean {
  return LANGUAGE_TAG.test(value) && canonicalLanguageTag(value) !== undefined;
}

/** "en-gb" → "en-GB"; undefined when it is not a language tag. */
export function canonicalLanguageTag(value: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
