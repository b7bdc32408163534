import type { InlineKeyboardButton, InlineKeyboardMarkup } from '@grammyjs/types';
import type { OutboundMessage } from '../outbound-message.ts';

type Interactive = Extract<OutboundMessage, { type: 'buttons' | 'list' | 'ctaUrl' }>;
type ContactCard = Extract<OutboundMessage, { type: 'contacts' }>['contacts'][number];

/**
 * The text of a message with buttons: Telegram has no header or footer, so they become paragraphs of
 * plain text around the body (no parse_mode, so nothing a person typed is read as markup). A media
 * header is sent as the medium itself, with the rest as its caption.
 */
export function composeInteractiveText(message: Interactive): string {
  const header = message.header?.type === 'text' ? message.header.text : undefined;
  return [header, message.body, message.footer].filter((part) => part !== undefined).join('\n\n');
}

/** Reply buttons as an inline keyboard, one button per row so that long titles stay readable. */
export function buttonsKeyboard(message: Extract<Interactive, { type: 'buttons' }>): InlineKeyboardMarkup {
  return keyboard(message.buttons.map((button) => ({ text: button.title, callback_data: button.id })));
}

/**
 * A list as an inline keyboard, one row per option: the tap comes back as the row's id, like a list
 * reply. Section titles, row descriptions and the list's button label are not shown (see limits).
 */
export function listKeyboard(message: Extract<Interactive, { type: 'list' }>): InlineKeyboardMarkup {
  return keyboard(
    message.sections.flatMap((section) =>
      section.rows.map((row) => ({ text: row.title, callback_data: row.id })),
    ),
  );
}

/** A link button: Telegram opens the URL itself, nothing comes back to the bot. */
export function linkKeyboard(message: Extract<Interactive, { type: 'ctaUrl' }>): InlineKeyboardMarkup {
  return keyboard([{ text: message.displayText, url: message.url }]);
}

function keyboard(buttons: InlineKeyboardButton[]): InlineKeyboardMarkup {
  return { inline_keyboard: buttons.map((button) => [button]) };
}

/**
 * The card as a vCard 3.0 when it holds more than sendContact's one phone and names (further phones,
 * emails); null when the plain fields say it all.
 */
export function vcardOf(card: ContactCard): string | null {
  const phones = card.phones ?? [];
  const emails = card.emails ?? [];
  if (phones.length <= 1 && emails.length === 0) return null;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${escapeVcard(card.name.formattedName)}`,
    `N:${escapeVcard(card.name.lastName ?? '')};${escapeVcard(card.name.firstName ?? '')};;;`,
    ...phones.map(
      (phone) => `TEL${phone.type ? `;TYPE=${escapeVcard(phone.type)}` : ''}:${escapeVcard(phone.phone)}`,
    ),
    ...emails.map(
      (email) => `EMAIL${email.type ? `;TYPE=${escapeVcard(email.type)}` : ''}:${escapeVcard(email.email)}`,
    ),
    'END:VCARD',
  ];
  return lines.join('\r\n');
}

/** vCard 3.0 escaping (RFC 2426 §4): a value cannot break out of its line or field. */
function escapeVcard(value: string): string {
  return value.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}
