import { type GraphErrorResponse, whatsAppError } from './graph-error.ts';
import type { ErrorCodes, ErrorKind } from './graph-error-codes.ts';
import type { TemplateParameter, TemplateSend } from './outbound-template.schema.ts';
import type { Template, TemplateComponent } from './template.schema.ts';
import { characterCount } from './text-limit.ts';

export const HYDRATED_BODY_LIMIT = 1024;

type Check = { kind: ErrorKind; details: string } | undefined;
type SentComponent = NonNullable<TemplateSend['components']>[number];

/**
 * Checks a template send against the approved template the way Meta does before accepting it: status
 * (132001 / 132015 / 132016), parameter counts (132000), names and types (132012), and the body once
 * hydrated (132005). Returns the error to answer, or the hydrated body.
 */
export function checkTemplateSend(
  template: Template | undefined,
  send: TemplateSend,
  codes: ErrorCodes,
): { error: GraphErrorResponse } | { hydratedBody: string } {
  const failure = statusCheck(template, send) ?? (template ? parameterCheck(template, send) : undefined);
  if (failure) return { error: whatsAppError(failure.kind, codes, failure.details) };
  const body = template?.components.find((component) => component.type === 'BODY');
  const hydratedBody = hydrate(body?.text ?? '', sentParameters(send, 'body'));
  if (characterCount(hydratedBody) > HYDRATED_BODY_LIMIT) {
    return {
      error: whatsAppError(
        'templateTextTooLong',
        codes,
        `body: the hydrated text is ${characterCount(hydratedBody)} characters; at most ${HYDRATED_BODY_LIMIT} are allowed.`,
      ),
    };
  }
  return { hydratedBody };
}

function statusCheck(template: Template | undefined, send: TemplateSend): Check {
  const missing = `template name (${send.name}) does not exist in ${send.language.code}`;
  if (!template) return { kind: 'templateMissing', details: missing };
  if (template.status === 'PAUSED')
    return { kind: 'templatePaused', details: `template (${send.name}) is paused` };
  if (template.status === 'DISABLED')
    return { kind: 'templateDisabled', details: `template (${send.name}) is disabled` };
  if (template.status !== 'APPROVED')
    return {
      kind: 'templateMissing',
      details: `${missing} as an approved template (status ${template.status})`,
    };
  return undefined;
}

function parameterCheck(template: Template, send: TemplateSend): Check {
  const named = template.parameterFormat === 'NAMED';
  const header = template.components.find((component) => component.type === 'HEADER');
  const body = template.components.find((component) => component.type === 'BODY');
  return (
    headerCheck(header, sentParameters(send, 'header'), named) ??
    textCheck('body', body?.text ?? '', sentParameters(send, 'body'), named) ??
    buttonsCheck(template.components, send.components ?? [])
  );
}

function headerCheck(
  header: Extract<TemplateComponent, { type: 'HEADER' }> | undefined,
  sent: TemplateParameter[],
  named: boolean,
): Check {
  if (!header) return countCheck('header', sent.length, 0);
  if (header.format === 'TEXT') return textCheck('header', header.text ?? '', sent, named);
  const expected = header.format.toLowerCase();
  const count = countCheck('header', sent.length, 1);
  if (count) return count;
  const type = sent[0]?.type;
  if (type !== expected) {
    return {
      kind: 'templateParamFormat',
      details: `header: Format mismatch, expected ${header.format}, received ${String(type).toUpperCase()}`,
    };
  }
  return undefined;
}

function textCheck(component: string, text: string, sent: TemplateParameter[], named: boolean): Check {
  const placeholders = placeholdersOf(text, named);
  const count = countCheck(component, sent.length, placeholders.length);
  if (count) return count;
  for (const [index, parameter] of sent.entries()) {
    if (!['text', 'currency', 'date_time'].includes(parameter.type)) {
      return {
        kind: 'templateParamFormat',
        details: `${component}: parameter ${index + 1} must be text, currency or date_time, received ${parameter.type}`,
      };
    }
  }
  if (!named) return undefined;
  const given = sent.map((parameter) => parameter.parameter_name);
  const unknown = given.find((name) => name === undefined || !placeholders.includes(name));
  const absent = placeholders.find((name) => !given.includes(name));
  if (unknown !== undefined || absent !== undefined || given.includes(undefined)) {
    return {
      kind: 'templateParamFormat',
      details:
        `${component}: parameter_name ${unknown === undefined ? '(missing)' : `'${unknown}'`} does not match the ` +
        `template's named parameters (${placeholders.join(', ')})`,
    };
  }
  return undefined;
}

function buttonsCheck(components: TemplateComponent[], sent: SentComponent[]): Check {
  const buttons = components.find((component) => component.type === 'BUTTONS')?.buttons ?? [];
  const sentButtons = sent.filter((component) => component.type === 'button');
  for (const component of sentButtons) {
    const index = Number(component.index);
    const button = buttons[index];
    const expectedSubType = button ? button.type.toLowerCase() : undefined;
    if (!button || expectedSubType !== component.sub_type) {
      return {
        kind: 'templateParamFormat',
        details: `button at index ${index}: the template has ${button ? `a ${button.type} button` : 'no button'} there, not ${component.sub_type}`,
      };
    }
    const expected = button.type === 'URL' ? placeholdersOf(String(button.url), false).length : undefined;
    if (expected !== undefined) {
      const count = countCheck(`button at index ${index}`, component.parameters.length, expected);
      if (count) return count;
    }
    if (
      button.type === 'QUICK_REPLY' &&
      component.parameters.some((parameter) => parameter.type !== 'payload')
    ) {
      return {
        kind: 'templateParamFormat',
        details: `button at index ${index}: quick replies take a payload parameter`,
      };
    }
  }
  for (const [index, button] of buttons.entries()) {
    if (button.type !== 'URL' || placeholdersOf(String(button.url), false).length === 0) continue;
    if (!sentButtons.some((component) => Number(component.index) === index)) {
      return countCheck(`button at index ${index}`, 0, 1);
    }
  }
  return undefined;
}

function countCheck(component: string, given: number, expected: number): Check {
  if (given === expected) return undefined;
  return {
    kind: 'templateParamCount',
    details: `${component}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
  };
}

/** `{{1}}`, `{{2}}` for positional templates, `{{first_name}}` for named ones; each counted once. */
function placeholdersOf(text: string, named: boolean): string[] {
  const pattern = named ? /\{\{([a-z_][a-z0-9_]*)\}\}/g : /\{\{(\d+)\}\}/g;
  return [...new Set([...text.matchAll(pattern)].map((match) => match[1] ?? ''))];
}

function sentParameters(send: TemplateSend, type: 'header' | 'body'): TemplateParameter[] {
  return send.components?.find((component) => component.type === type)?.parameters ?? [];
}

function hydrate(text: string, parameters: TemplateParameter[]): string {
  return text.replace(/\{\{([a-z0-9_]+)\}\}/g, (placeholder, key: string) => {
    const parameter = /^\d+$/.test(key)
      ? parameters[Number(key) - 1]
      : parameters.find((candidate) => candidate.parameter_name === key);
    return parameter ? parameterText(parameter) : placeholder;
  });
}

function parameterText(parameter: TemplateParameter): string {
  if (parameter.text !== undefined) return parameter.text;
  const fallback: unknown = parameter.currency ?? parameter.date_time;
  if (typeof fallback === 'object' && fallback !== null && 'fallback_value' in fallback) {
    return String(fallback.fallback_value);
  }
  return '';
}
