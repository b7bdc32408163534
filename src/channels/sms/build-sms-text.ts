import type { LimitViolation, OutboundMessage } from '../outbound-message.ts';
import { SMS_CAPABILITIES, SMS_LIMITS } from './sms-capabilities.ts';
import { choicesOf } from './sms-choices.ts';

export type SmsText = { ok: true; body: string } | { ok: false; violations: LimitViolation[] };

/**
 * The `Body` of one SMS for an outbound message. Buttons and list rows become numbered choices under
 * the text ("1. Confirm", "2. Cancel"), which the patient answers with the number or the words; the
 * numbers need no language, so the message reads the same in French and English.
 */
export function buildSmsText(message: OutboundMessage): SmsText {
  const violations = checkSmsLimits(message);
  if (violations.length > 0) return { ok: false, violations };
  const body = textOf(message);
  if (body === null) return { ok: false, violations: [byType(message.type)] };
  return { ok: true, body };
}

/** What Twilio would refuse (or what an SMS cannot carry) in this message, before any call. */
export function checkSmsLimits(message: OutboundMessage): LimitViolation[] {
  if (!SMS_CAPABILITIES.outboundTypes.includes(message.type)) return [byType(message.type)];
  const violations: LimitViolation[] = [];
  const choices = choicesOf(message);
  if (choices.length > SMS_LIMITS.choices)
    violations.push({
      field: message.type === 'list' ? 'sections' : 'buttons',
      limit: `at most ${SMS_LIMITS.choices} choices in an SMS`,
      actual: choices.length,
    });
  const where = (i: number) => (message.type === 'list' ? rowField(message, i) : `buttons[${i}]`);
  choices.forEach((choice, i) => {
    if (choice.title.length > SMS_LIMITS.choiceTitleLength)
      violations.push({
        field: `${where(i)}.title`,
        limit: `title is at most ${SMS_LIMITS.choiceTitleLength} characters`,
        actual: choice.title.length,
      });
    if (choice.id.length > SMS_LIMITS.choiceIdLength)
      violations.push({
        field: `${where(i)}.id`,
        limit: `id is at most ${SMS_LIMITS.choiceIdLength} characters`,
        actual: choice.id.length,
      });
  });
  const body = textOf(message);
  if (body !== null && body.length > SMS_LIMITS.textLength)
    violations.push({
      field: message.type === 'text' ? 'text' : 'body',
      limit: `an SMS is at most ${SMS_LIMITS.textLength} characters, choices included`,
      actual: body.length,
    });
  return violations;
}

/** `sections[s].rows[r]` of the i-th row of a list, counted across its sections. */
function rowField(message: Extract<OutboundMessage, { type: 'list' }>, index: number): string {
  let left = index;
  for (const [s, section] of message.sections.entries()) {
    if (left < section.rows.length) return `sections[${s}].rows[${left}]`;
    left -= section.rows.length;
  }
  return 'sections';
}

function textOf(message: OutboundMessage): string | null {
  switch (message.type) {
    case 'text':
      return message.text;
    case 'buttons':
    case 'list': {
      const lines = choicesOf(message).map((choice, i) => `${i + 1}. ${choice.title}`);
      const header = message.header?.type === 'text' ? [message.header.text] : [];
      const footer = message.footer === undefined ? [] : [message.footer];
      return [...header, message.body, lines.join('\n'), ...footer].join('\n\n');
    }
    default:
      return null;
  }
}

function byType(type: string): LimitViolation {
  return {
    field: 'type',
    limit: 'an SMS carries text, buttons or a list (as numbered choices)',
    actual: type,
  };
}
