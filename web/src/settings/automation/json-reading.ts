import type { FlowLanguage } from '../../api/flow-types.ts';

/**
 * Readers for JSON an administrator may be halfway through editing: each answers what is there, or
 * nothing, and never throws, so that a preview keeps showing what it can of a broken flow.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A text the patient reads (one string, or one per language) in the language asked, else in the other
 * one, as the engine renders it.
 */
export function localisedText(value: unknown, language: FlowLanguage): string | null {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return null;
  const other: FlowLanguage = language === 'fr' ? 'en' : 'fr';
  const wanted = textOf(value[language]);
  if (wanted !== null && /\S/.test(wanted)) return wanted;
  return textOf(value[other]);
}
