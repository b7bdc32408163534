import { z } from 'zod';

/** The languages flows are written in; every patient-facing text has a version in each. */
export const FLOW_LANGUAGES = ['fr', 'en'] as const;
export type FlowLanguage = (typeof FLOW_LANGUAGES)[number];

/**
 * Text a patient reads: one string for every language, or one per language. A flow written in French
 * first may lack its English text for a while, so one language is enough and stands in for the other.
 */
export type Localised = string | { fr?: string; en?: string };

/** A WhatsApp text is at most 4,096 characters; no flow text could be sent longer. */
const MAX_TEXT_LENGTH = 4096;

const text = z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`);

export const localisedSchema = z.union(
  [
    text.regex(/\S/, 'must not be empty'),
    z
      .strictObject({ fr: text.optional(), en: text.optional() })
      .refine((text) => /\S/.test(text.fr ?? '') || /\S/.test(text.en ?? ''), 'needs a text in fr or en'),
  ],
  { error: 'must be a text, or {fr, en} texts' },
);

/** The text in this language, else in the other one. */
export function inLanguage(text: Localised, language: FlowLanguage): string {
  if (typeof text === 'string') return text;
  const wanted = text[language];
  if (wanted !== undefined && /\S/.test(wanted)) return wanted;
  return (language === 'fr' ? text.en : text.fr) ?? '';
}

/**
 * The language a session speaks: French for a contact whose language is French (fr, fr-BE...), English
 * for any other language we know of the contact, the clinic's default when we know nothing.
 */
export function sessionLanguage(contactLanguage: string | undefined, fallback: FlowLanguage): FlowLanguage {
  if (contactLanguage === undefined || contactLanguage.trim() === '') return fallback;
  return contactLanguage.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
