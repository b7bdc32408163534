import type { LimitViolation, OutboundMessage } from '../outbound-message.ts';
import { instagramReactionOf } from './instagram-reaction.ts';
import { MESSENGER_LIMITS as LIMITS, messengerCapabilities } from './messenger-capabilities.ts';
import { CHANNEL_NAME, type MetaMessagingChannel } from './meta-messaging-channel.ts';

/**
 * What Messenger or Instagram would refuse in this message, or could not show as written, before any
 * call: each violation names the field and the rule, so the person who wrote it can fix it. What the
 * Send API has no place for (a header, a footer, a caption, a row's description) is refused rather than
 * dropped: the patient would read less than the clinic wrote.
 */
export function checkMessengerMessage(
  message: OutboundMessage,
  channel: MetaMessagingChannel,
): LimitViolation[] {
  const name = CHANNEL_NAME[channel];
  if (!messengerCapabilities(channel).outboundTypes.includes(message.type)) {
    return [{ field: 'type', limit: `${name} cannot send a ${message.type} message`, actual: message.type }];
  }
  const violations: LimitViolation[] = [];
  const max = (field: string, value: string | undefined, limit: number) => {
    if (value !== undefined && length(value) > limit) {
      violations.push({
        field,
        limit: `${lastPart(field)} is at most ${limit} characters`,
        actual: length(value),
      });
    }
  };
  const absent = (field: string, value: unknown, why: string) => {
    if (value !== undefined) violations.push({ field, limit: why });
  };
  switch (message.type) {
    case 'text':
      max('text', message.text, LIMITS.textLength[channel]);
      break;
    case 'image':
    case 'video':
    case 'document':
      absent(
        'caption',
        message.caption,
        `${name} attachments carry no caption: send the text as its own message`,
      );
      break;
    case 'buttons':
      absent('header', message.header, `${name} button messages have no header`);
      absent('footer', message.footer, `${name} button messages have no footer`);
      max('body', message.body, LIMITS.buttonTemplateTextLength);
      if (message.buttons.length > LIMITS.buttons.max) {
        violations.push({
          field: 'buttons',
          limit: `at most ${LIMITS.buttons.max} buttons`,
          actual: message.buttons.length,
        });
      }
      message.buttons.forEach((button, i) => {
        max(`buttons[${i}].title`, button.title, LIMITS.buttons.titleLength);
        max(`buttons[${i}].id`, button.id, LIMITS.buttons.idLength);
      });
      break;
    case 'ctaUrl':
      absent('header', message.header, `${name} button messages have no header`);
      absent('footer', message.footer, `${name} button messages have no footer`);
      max('body', message.body, LIMITS.buttonTemplateTextLength);
      max('displayText', message.displayText, LIMITS.buttons.titleLength);
      break;
    case 'list':
      checkList(message, channel, max, absent, violations);
      break;
    case 'reaction':
      if (message.targetExternalId === undefined) {
        violations.push({
          field: 'targetExternalId',
          limit: `the ${name} id of the message reacted to is required`,
        });
      }
      if (instagramReactionOf(message.emoji) === null) {
        violations.push({
          field: 'emoji',
          limit: 'Instagram reactions are ❤️ 👍 😆 😮 😢 😡, or empty to remove one',
          actual: message.emoji,
        });
      }
      break;
    default:
      break;
  }
  return violations;
}

/** A list goes out as quick replies under the body: one chip per row, all sections together. */
function checkList(
  message: Extract<OutboundMessage, { type: 'list' }>,
  channel: MetaMessagingChannel,
  max: (field: string, value: string | undefined, limit: number) => void,
  absent: (field: string, value: unknown, why: string) => void,
  violations: LimitViolation[],
): void {
  const name = CHANNEL_NAME[channel];
  absent('header', message.header, `${name} quick replies have no header`);
  absent('footer', message.footer, `${name} quick replies have no footer`);
  max('body', message.body, LIMITS.textLength[channel]);
  const rows = message.sections.reduce((count, section) => count + section.rows.length, 0);
  if (rows > LIMITS.quickReplies.max) {
    violations.push({
      field: 'sections',
      limit: `a ${name} list is sent as quick replies: at most ${LIMITS.quickReplies.max} rows in all`,
      actual: rows,
    });
  }
  message.sections.forEach((section, s) => {
    section.rows.forEach((row, r) => {
      const at = `sections[${s}].rows[${r}]`;
      max(`${at}.title`, row.title, LIMITS.quickReplies.titleLength);
      max(`${at}.id`, row.id, LIMITS.quickReplies.idLength);
      absent(`${at}.description`, row.description, `${name} quick replies have no description`);
    });
  });
}

/** Meta counts characters: "😀" is one (code points, as the WhatsApp checks count them). */
function length(text: string): number {
  return [...text].length;
}

function lastPart(field: string): string {
  return field.slice(field.lastIndexOf('.') + 1);
}
