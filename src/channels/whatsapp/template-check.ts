import { z } from 'zod';
import type { LimitViolation, TemplateMessage } from '../outbound-message.ts';
import { characterCount } from './whatsapp-limits.ts';

/** A template as Meta lists it (`GET /{waba-id}/message_templates`), as the registry keeps it. */
export interface RegisteredTemplate {
  name: string;
  language: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED... */
  status: string;
  /** MARKETING, UTILITY, AUTHENTICATION. */
  category: string | null;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  /** Meta's component JSON, unchanged: HEADER, BODY, FOOTER, BUTTONS. */
  components: unknown[];
}

/** Where a template takes values, read from its approved text. */
export interface TemplatePlaceholders {
  /** TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION; null when the template has no header. */
  headerFormat: string | null;
  /** Placeholders of a TEXT header: `['1']` or `['clinic']`. */
  header: string[];
  /** The body as approved, placeholders included; null when there is none. */
  bodyText: string | null;
  /** Placeholders of the body, each once, in order of first appearance. */
  body: string[];
  /** Every button, by its index, with the placeholders of its URL. */
  buttons: { index: number; type: string; placeholders: string[] }[];
}

/** Meta's rule for a hydrated body (error 132005 when it is longer). */
const MAX_HYDRATED_BODY = 1024;

/**
 * What the approved template would refuse in this send (channels.md §1.7, §1.10): a template that is
 * not APPROVED (132001), values that do not match its placeholders (132000, 132012), a body too long once
 * filled in (132005). Checked before the send so the agent reads which value is wrong, not an error code.
 */
export function checkTemplateSend(template: RegisteredTemplate, message: TemplateMessage): LimitViolation[] {
  const violations: LimitViolation[] = [];
  const name = template.name;
  if (template.status.toUpperCase() !== 'APPROVED') {
    violations.push({
      field: 'name',
      limit: `template ${name} is ${template.status}; only APPROVED templates can be sent`,
      actual: template.status,
    });
  }
  if (message.name !== name) {
    violations.push({ field: 'name', limit: `the template is ${name}`, actual: message.name });
  }
  if (message.language !== template.language) {
    violations.push({
      field: 'language',
      limit: `template ${name} is approved in ${template.language}`,
      actual: message.language,
    });
  }
  const slots = templatePlaceholders(template.components);
  const named = template.parameterFormat === 'NAMED';
  checkHeader(violations, slots, message, named);
  checkBody(violations, slots, message, named);
  checkButtons(violations, slots, message);
  return violations;
}

const metaComponent = z.object({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(z.object({ type: z.string(), url: z.string().optional() })).optional(),
});

/** Meta writes `{{1}}` or `{{first_name}}`; spaces inside the braces are tolerated as Meta does. */
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Reads the placeholders of a template's components; components it does not recognise are skipped. */
export function templatePlaceholders(components: unknown[]): TemplatePlaceholders {
  const result: TemplatePlaceholders = {
    headerFormat: null,
    header: [],
    bodyText: null,
    body: [],
    buttons: [],
  };
  for (const raw of components) {
    const parsed = metaComponent.safeParse(raw);
    if (!parsed.success) continue;
    const component = parsed.data;
    switch (component.type.toUpperCase()) {
      case 'HEADER':
        result.headerFormat = (component.format ?? 'TEXT').toUpperCase();
        result.header = placeholdersIn(component.text);
        break;
      case 'BODY':
        result.bodyText = component.text ?? null;
        result.body = placeholdersIn(component.text);
        break;
      case 'BUTTONS':
        result.buttons = (component.buttons ?? []).map((button, index) => ({
          index,
          type: button.type.toUpperCase(),
          placeholders: placeholdersIn(button.url),
        }));
        break;
    }
  }
  return result;
}

function placeholdersIn(text: string | undefined): string[] {
  const names = [...(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names)];
}

function checkHeader(
  violations: LimitViolation[],
  slots: TemplatePlaceholders,
  message: TemplateMessage,
  named: boolean,
): void {
  const field = 'components.header';
  const header = message.components?.header;
  const format = slots.headerFormat;
  if (format === 'LOCATION') {
    violations.push({ field, limit: 'templates with a location header cannot be sent yet' });
  } else if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') {
    const kind = format.toLowerCase();
    if (header?.type !== kind) {
      violations.push({ field, limit: `the template header takes ${article(kind)}`, actual: header?.type });
    }
  } else if (format === 'TEXT' && slots.header.length > 0) {
    const placeholder = slots.header[0];
    if (header?.type !== 'text') {
      violations.push({ field, limit: 'the template header takes a text value', actual: header?.type });
    } else if (named && header.parameterName !== placeholder) {
      violations.push({
        field: `${field}.parameterName`,
        limit: `the template header's value is named ${placeholder}`,
        actual: header.parameterName,
      });
    }
  } else if (header) {
    violations.push({ field, limit: 'the template header takes no value', actual: header.type });
  }
}

function checkBody(
  violations: LimitViolation[],
  slots: TemplatePlaceholders,
  message: TemplateMessage,
  named: boolean,
): void {
  const field = 'components.body';
  const body = message.components?.body;
  if (named) {
    if (Array.isArray(body)) {
      violations.push({ field, limit: 'the template takes named values: send body as an object' });
      return;
    }
    const given = new Map(Object.entries(body ?? {}));
    for (const name of slots.body.filter((n) => !given.has(n))) {
      violations.push({
        field: `${field}.${name}`,
        limit: `the template body needs a value for {{${name}}}`,
      });
    }
    for (const name of [...given.keys()].filter((n) => !slots.body.includes(n))) {
      violations.push({ field: `${field}.${name}`, limit: `the template body has no {{${name}}}` });
    }
    checkHydratedLength(violations, slots.bodyText, (n) => given.get(n));
    return;
  }
  if (body !== undefined && !Array.isArray(body)) {
    violations.push({ field, limit: 'the template takes positional values: send body as a list' });
    return;
  }
  const values = body ?? [];
  // Meta counts up to the highest {{n}}, so a body using {{1}} and {{3}} still needs three values.
  const expected = Math.max(0, ...slots.body.filter((n) => /^\d+$/.test(n)).map(Number));
  if (values.length !== expected) {
    violations.push({
      field,
      limit: `the template body takes ${expected} value${expected === 1 ? '' : 's'}`,
      actual: values.length,
    });
  }
  checkHydratedLength(violations, slots.bodyText, (n) => values[Number(n) - 1]);
}

function checkHydratedLength(
  violations: LimitViolation[],
  bodyText: string | null,
  valueFor: (placeholder: string) => string | undefined,
): void {
  if (bodyText === null) return;
  const hydrated = bodyText.replace(PLACEHOLDER, (whole, name: string) => valueFor(name) ?? whole);
  const length = characterCount(hydrated);
  if (length > MAX_HYDRATED_BODY) {
    violations.push({
      field: 'components.body',
      limit: `the body with its values filled in is at most ${MAX_HYDRATED_BODY} characters`,
      actual: length,
    });
  }
}

function checkButtons(
  violations: LimitViolation[],
  slots: TemplatePlaceholders,
  message: TemplateMessage,
): void {
  const given = message.components?.buttons ?? [];
  const seen = new Set<number>();
  given.forEach((button, i) => {
    const field = `components.buttons[${i}]`;
    const target = slots.buttons[button.index];
    if (seen.has(button.index)) {
      violations.push({
        field: `${field}.index`,
        limit: 'each button index is given once',
        actual: button.index,
      });
    }
    seen.add(button.index);
    if (!target) {
      violations.push({
        field: `${field}.index`,
        limit: 'the template has no button there',
        actual: button.index,
      });
    } else if (button.subType === 'quick_reply' && target.type !== 'QUICK_REPLY') {
      violations.push({
        field: `${field}.subType`,
        limit: `template button ${button.index} is not a quick reply`,
        actual: target.type,
      });
    } else if (button.subType === 'url' && (target.type !== 'URL' || target.placeholders.length === 0)) {
      violations.push({
        field: `${field}.subType`,
        limit: `template button ${button.index} has no URL value to fill in`,
        actual: target.type,
      });
    }
  });
  for (const target of slots.buttons) {
    const hasValue = given.some((b) => b.index === target.index);
    if (target.type === 'URL' && target.placeholders.length > 0 && !hasValue) {
      violations.push({
        field: 'components.buttons',
        limit: `template button ${target.index} needs a url value for its link`,
      });
    }
    if (target.type === 'COPY_CODE') {
      violations.push({
        field: 'components.buttons',
        limit: `template button ${target.index} is a copy-code button, which cannot be sent yet`,
      });
    }
  }
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
