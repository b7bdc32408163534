import type { Temporal } from 'temporal-polyfill';
import type { FlowInputOf } from './flow-input.ts';
import type { JsonValue } from './flow-session.ts';
import { matchOption } from './match-option.ts';
import { parseDate, parseTime } from './parse-date-time.ts';
import { parseNumber } from './parse-number.ts';
import { normalisePhone } from './parse-phone.ts';
import type { StepOf } from './step.schema.ts';

export type AnswerRules = Pick<
  StepOf<'ask'>,
  'kind' | 'min' | 'max' | 'integer' | 'when' | 'defaultCountryCode' | 'options'
>;

/**
 * The value an `ask` step keeps from a reply, or undefined when the reply does not answer the question.
 * Values are plain JSON a branch can compare: numbers, YYYY-MM-DD dates, HH:MM times, E.164 phones,
 * the chosen option's id.
 */
export function parseAnswer(
  rules: AnswerRules,
  reply: Omit<FlowInputOf<'message'>, 'kind'>,
  today: Temporal.PlainDate,
): JsonValue | undefined {
  const text = reply.text?.trim() ?? '';
  switch (rules.kind) {
    case 'text':
      return text === '' ? undefined : text;
    case 'free_text':
      if (reply.media === undefined) return text;
      return text === '' ? { media: reply.media } : { text, media: reply.media };
    case 'number': {
      const value = parseNumber(text);
      if (value === undefined || (rules.integer === true && !Number.isInteger(value))) return undefined;
      if ((rules.min !== undefined && value < rules.min) || (rules.max !== undefined && value > rules.max)) {
        return undefined;
      }
      return value;
    }
    case 'date': {
      const value = parseDate(text, today);
      if (value === undefined) return undefined;
      const day = today.toString();
      if ((rules.when === 'past' && value > day) || (rules.when === 'future' && value < day))
        return undefined;
      return value;
    }
    case 'time':
      return parseTime(text);
    case 'phone':
      return normalisePhone(text, rules.defaultCountryCode);
    case 'email':
      return parseEmail(text);
    case 'choice':
      return matchOption(rules.options ?? [], reply)?.id;
  }
}

/** "Camille@Example.FR" → "Camille@example.fr": the domain has no case, the mailbox may. */
export function parseEmail(text: string): string | undefined {
  const address = text
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1');
  const match = /^([^\s@<>]+)@([^\s@<>]+\.[^\s@<>.]{2,})$/.exec(address);
  if (match === null || match[2]?.includes('..')) return undefined;
  return `${match[1]}@${match[2]?.toLowerCase()}`;
}
