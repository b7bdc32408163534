import type { Template } from '../../api/types.ts';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The text of a template's BODY component. */
export function templateBody(template: Template): string {
  return template.components.find((component) => component.type.toUpperCase() === 'BODY')?.text ?? '';
}

/** The placeholders of a body, each once, in order: ['1', '2', '3'] for {{1}} … {{3}}. */
export function parametersOf(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) if (match[1]) names.add(match[1]);
  return [...names].sort((a, b) => {
    const [x, y] = [Number(a), Number(b)];
    return Number.isInteger(x) && Number.isInteger(y) ? x - y : 0;
  });
}

/** The body with its placeholders replaced by the values given (in `parametersOf` order). */
export function fillTemplate(
  body: string,
  values: readonly string[],
  blank = (name: string) => `{{${name}}}`,
): string {
  const names = parametersOf(body);
  return body.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[names.indexOf(name)];
    return value?.trim() ? value : blank(name);
  });
}

/** Splits a body into text and placeholders, to show the blanks highlighted in a preview. */
export function templateParts(body: string): Array<{ text: string } | { parameter: string }> {
  const parts: Array<{ text: string } | { parameter: string }> = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: body.slice(last, index) });
    parts.push({ parameter: match[1] ?? '' });
    last = index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}
