import type { LimitViolation, OutboundMessage } from '../outbound-message.ts';
import { TELEGRAM_LIMITS } from './telegram-capabilities.ts';
import { composeInteractiveText, vcardOf } from './telegram-message-parts.ts';
import { telegramReactionEmoji } from './telegram-reaction-emoji.ts';

type Message<T extends OutboundMessage['type']> = Extract<OutboundMessage, { type: T }>;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * What Telegram would refuse in this message, before any call, each with the field to fix. The schema
 * already checked what holds on every channel (present, not blank); these are Telegram's own limits.
 */
export function checkTelegramLimits(message: OutboundMessage): LimitViolation[] {
  switch (message.type) {
    case 'text':
      return maxLength('text', message.text, TELEGRAM_LIMITS.textLength);
    case 'image':
    case 'video':
    case 'document':
      return message.caption === undefined
        ? []
        : maxLength('caption', message.caption, TELEGRAM_LIMITS.captionLength);
    case 'audio':
    case 'sticker':
    case 'location':
      return [];
    case 'contacts':
      return checkContacts(message);
    case 'reaction':
      return checkReaction(message);
    case 'buttons':
      return [...checkInteractiveText(message), ...checkButtons(message)];
    case 'list':
      return [...checkInteractiveText(message), ...checkList(message)];
    case 'ctaUrl':
      return [
        ...checkInteractiveText(message),
        ...maxLength('displayText', message.displayText, TELEGRAM_LIMITS.buttons.titleLength),
      ];
    case 'template':
      return [
        {
          field: 'type',
          limit: 'Telegram has no message templates: send a text instead',
          actual: 'template',
        },
      ];
  }
}

function maxLength(field: string, text: string, max: number): LimitViolation[] {
  return text.length > max
    ? [{ field, limit: `${field} is at most ${max} characters`, actual: text.length }]
    : [];
}

/**
 * Header, body and footer are sent as one text (or as the caption of the header's medium); the limit is
 * on the whole, so the violation names the body, the part a person shortens.
 */
function checkInteractiveText(message: Message<'buttons' | 'list' | 'ctaUrl'>): LimitViolation[] {
  const text = composeInteractiveText(message);
  const hasMedia = message.header !== undefined && message.header.type !== 'text';
  const max = hasMedia ? TELEGRAM_LIMITS.captionLength : TELEGRAM_LIMITS.textLength;
  if (text.length <= max) return [];
  const parts = hasMedia ? 'body and footer (a caption)' : 'header, body and footer';
  return [{ field: 'body', limit: `${parts} together are at most ${max} characters`, actual: text.length }];
}

function checkButtons(message: Message<'buttons'>): LimitViolation[] {
  const { max, titleLength, idLengthBytes } = TELEGRAM_LIMITS.buttons;
  const violations: LimitViolation[] = [];
  if (message.buttons.length > max) {
    violations.push({ field: 'buttons', limit: `at most ${max} buttons`, actual: message.buttons.length });
  }
  message.buttons.forEach((button, index) => {
    violations.push(...maxLength(`buttons[${index}].title`, button.title, titleLength));
    violations.push(...maxBytes(`buttons[${index}].id`, button.id, idLengthBytes));
  });
  violations.push(
    ...duplicateIds(message.buttons.map((button, index) => [`buttons[${index}].id`, button.id])),
  );
  return violations;
}

function checkList(message: Message<'list'>): LimitViolation[] {
  const { titleLength, idLengthBytes } = TELEGRAM_LIMITS.buttons;
  const violations: LimitViolation[] = [];
  const rows = message.sections.flatMap((section, s) =>
    section.rows.map((row, r) => ({ row, at: `sections[${s}].rows[${r}]` })),
  );
  if (rows.length > TELEGRAM_LIMITS.listRows) {
    violations.push({
      field: 'sections',
      limit: `at most ${TELEGRAM_LIMITS.listRows} rows`,
      actual: rows.length,
    });
  }
  for (const { row, at } of rows) {
    violations.push(...maxLength(`${at}.title`, row.title, titleLength));
    violations.push(...maxBytes(`${at}.id`, row.id, idLengthBytes));
  }
  violations.push(...duplicateIds(rows.map(({ row, at }) => [`${at}.id`, row.id])));
  return violations;
}

/** Telegram sends back only the tapped button's data: two buttons with one id could not be told apart. */
function duplicateIds(ids: ReadonlyArray<readonly [string, string]>): LimitViolation[] {
  const seen = new Set<string>();
  return ids.flatMap(([field, id]) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [{ field, limit: 'ids must differ from one button to the next' }];
  });
}

function maxBytes(field: string, text: string, max: number): LimitViolation[] {
  const bytes = utf8Bytes(text);
  return bytes > max ? [{ field, limit: `${field} is at most ${max} bytes (UTF-8)`, actual: bytes }] : [];
}

function checkContacts(message: Message<'contacts'>): LimitViolation[] {
  const violations: LimitViolation[] = [];
  if (message.contacts.length > 1) {
    violations.push({
      field: 'contacts',
      limit: 'Telegram sends one contact per message',
      actual: message.contacts.length,
    });
  }
  message.contacts.forEach((card, index) => {
    if (!card.phones || card.phones.length === 0) {
      violations.push({
        field: `contacts[${index}].phones`,
        limit: 'Telegram needs a phone number',
        actual: 0,
      });
    }
  });
  const card = message.contacts[0];
  if (card !== undefined) {
    const vcard = vcardOf(card);
    if (vcard !== null && utf8Bytes(vcard) > TELEGRAM_LIMITS.vcardBytes) {
      violations.push({
        field: 'contacts[0]',
        limit: `the card is at most ${TELEGRAM_LIMITS.vcardBytes} bytes as a vCard`,
        actual: utf8Bytes(vcard),
      });
    }
  }
  return violations;
}

function checkReaction(message: Message<'reaction'>): LimitViolation[] {
  const violations: LimitViolation[] = [];
  if (message.emoji !== '' && telegramReactionEmoji(message.emoji) === null) {
    violations.push({
      field: 'emoji',
      limit: 'one of the emoji Telegram allows bots to react with',
      actual: message.emoji,
    });
  }
  // A missing id is not refused here: the outbox may still resolve it from `targetMessageId`.
  if (message.targetExternalId !== undefined && !/^\d{1,15}$/.test(message.targetExternalId)) {
    violations.push({
      field: 'targetExternalId',
      limit: 'a Telegram message id is a number',
      actual: message.targetExternalId,
    });
  }
  return violations;
}
