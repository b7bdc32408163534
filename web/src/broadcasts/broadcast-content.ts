import { Temporal } from 'temporal-polyfill';
import type { BroadcastContentItem, BroadcastLanguage } from '../api/broadcasts-api.ts';
import type { Template } from '../api/types.ts';

/** What personalises a broadcast's words, replaced for each patient by the server. */
export const PLACEHOLDERS = ['first_name', 'name', 'clinic_name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** One language's draft in the composer. */
export interface ContentDraft {
  kind: 'text' | 'template';
  text: string;
  templateId: string | null;
  parameters: string[];
}

export const EMPTY_DRAFT: ContentDraft = { kind: 'text', text: '', templateId: null, parameters: [] };

/** The variables of a template's body in order of first appearance: {{1}}, {{2}} or named ones. */
export function templateVariables(template: Template | undefined): string[] {
  const body = template?.components.find((c) => c.type === 'BODY')?.text ?? '';
  const names: string[] = [];
  for (const match of body.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
    const name = match[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The templates a language may use: those approved in it (fr, fr_FR…). */
export function templatesFor(templates: readonly Template[], language: BroadcastLanguage): Template[] {
  return templates.filter((t) => t.language === language || t.language.startsWith(`${language}_`));
}

/** The draft as the API takes it; undefined when nothing was written in this language. */
export function contentOf(
  draft: ContentDraft,
  templates: readonly Template[],
): BroadcastContentItem | undefined {
  if (draft.kind === 'text') return draft.text.trim() ? { text: draft.text.trim() } : undefined;
  const template = templates.find((t) => t.id === draft.templateId);
  if (!template) return undefined;
  const count = templateVariables(template).length;
  return {
    template: {
      name: template.name,
      language: template.language,
      parameters: Array.from({ length: count }, (_, i) => draft.parameters[i] ?? ''),
    },
  };
}

/**
 * What a patient would read: the template's body with its values put in, placeholders shown with an
 * example (the first name "Camille").
 */
export function previewOf(
  draft: ContentDraft,
  templates: readonly Template[],
  examples: Record<Placeholder, string>,
): string {
  const personalise = (text: string) =>
    text.replace(/\{\{\s*(first_name|name|clinic_name)\s*\}\}/g, (_, key: Placeholder) => examples[key]);
  if (draft.kind === 'text') return personalise(draft.text);
  const template = templates.find((t) => t.id === draft.templateId);
  if (!template) return '';
  const variables = templateVariables(template);
  const body = template.components.find((c) => c.type === 'BODY')?.text ?? '';
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    const value = draft.parameters[variables.indexOf(name)];
    return value ? personalise(value) : whole;
  });
}

/** A date (YYYY-MM-DD) and a time (HH:MM) on the clinic's clock, as an ISO instant; undefined if invalid. */
export function instantOn(date: string, time: string, timeZone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  try {
    return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone).toInstant().toString();
  } catch {
    return undefined;
  }
}

/** The clinic's date and time (HH:MM) an hour from now: where a schedule starts. */
export function inAnHour(timeZone: string, now: Date = new Date()): { date: string; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime() + 3_600_000).toZonedDateTimeISO(
    timeZone,
  );
  return {
    date: zoned.toPlainDate().toString(),
    time: `${String(zoned.hour).padStart(2, '0')}:00`,
  };
}
