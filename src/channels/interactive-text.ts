import type { LimitViolation, OutboundMessage } from './outbound-message.ts';

type Interactive = Extract<OutboundMessage, { type: 'buttons' | 'list' }>;

/**
 * Header, body and footer of a message with buttons or a list as one text, blank lines between: for
 * channels whose text has no parts (LINE's quick replies, Viber's keyboards).
 */
export function interactiveText(message: Interactive): string {
  const header = message.header?.type === 'text' ? message.header.text : undefined;
  return [header, message.body, message.footer].filter((part) => part !== undefined).join('\n\n');
}

/**
 * What such a channel refuses in the text of a message with buttons or a list: a file as its header
 * (`headerLimit` says why, in the channel's words), and the whole text longer than `maxLength`.
 */
export function checkInteractiveText(
  message: Interactive,
  maxLength: number,
  headerLimit: string,
): LimitViolation[] {
  const violations: LimitViolation[] = [];
  if (message.header !== undefined && message.header.type !== 'text')
    violations.push({ field: 'header', limit: headerLimit, actual: message.header.type });
  const text = interactiveText(message);
  if (text.length > maxLength)
    violations.push({
      field: 'body',
      limit: `header, body and footer are at most ${maxLength} characters together`,
      actual: text.length,
    });
  return violations;
}
