import { MAX_EMOJI_LENGTH } from '../emoji.ts';
import type { LimitViolation, OutboundMessage, TemplateMessage } from '../outbound-message.ts';
import { WHATSAPP_LIMITS } from './whatsapp-capabilities.ts';

type Interactive = Extract<OutboundMessage, { type: 'buttons' | 'list' | 'ctaUrl' }>;
type ButtonsMessage = Extract<OutboundMessage, { type: 'buttons' }>;
type ListMessage = Extract<OutboundMessage, { type: 'list' }>;

const { interactive, buttons: BUTTONS, list: LIST } = WHATSAPP_LIMITS;

/**
 * What WhatsApp would refuse in this message (channels.md §1.7), found before sending, so the agent can
 * fix it in the composer instead of reading a Graph error code (100, 131009) once it has been queued.
 * Lengths are counted in code points, as Meta counts them ("é" and "😀" are one character each).
 */
export function checkWhatsAppLimits(message: OutboundMessage): LimitViolation[] {
  const violations: LimitViolation[] = [];
  const check = limitChecker(violations);
  switch (message.type) {
    case 'text':
      check.length('text', 'text', message.text, WHATSAPP_LIMITS.textLength);
      break;
    case 'image':
    case 'video':
    case 'document':
      check.media('media', message.media);
      if (message.caption !== undefined)
        check.length('caption', 'caption', message.caption, WHATSAPP_LIMITS.captionLength);
      break;
    case 'audio':
    case 'sticker':
      check.media('media', message.media);
      break;
    case 'location':
    case 'contacts':
      break;
    case 'reaction':
      if (message.emoji !== '' && !isOneEmoji(message.emoji)) {
        violations.push({ field: 'emoji', limit: 'emoji is one emoji, or empty to remove the reaction' });
      }
      break;
    case 'buttons':
      checkInteractive(check, message);
      checkButtons(violations, check, message.buttons);
      break;
    case 'list':
      checkInteractive(check, message);
      checkList(violations, check, message);
      break;
    case 'ctaUrl':
      checkInteractive(check, message);
      check.length('displayText', 'display text', message.displayText, WHATSAPP_LIMITS.ctaDisplayTextLength);
      break;
    case 'template':
      checkTemplate(violations, check, message);
      break;
  }
  return violations;
}

type Checker = ReturnType<typeof limitChecker>;

function limitChecker(violations: LimitViolation[]) {
  return {
    length(field: string, label: string, value: string, max: number): void {
      const length = characterCount(value);
      if (length > max) {
        violations.push({ field, limit: `${label} is at most ${max} characters`, actual: length });
      }
    },
    /** Meta fetches links itself and only over HTTPS; an http link fails after the send was accepted. */
    media(field: string, media: { url: string } | { mediaId: string }): void {
      if ('url' in media && !/^https:\/\//i.test(media.url)) {
        violations.push({ field: `${field}.url`, limit: 'media links are public HTTPS URLs' });
      }
    },
  };
}

function checkInteractive(check: Checker, message: Interactive): void {
  check.length('body', 'body', message.body, interactive.bodyLength);
  if (message.footer !== undefined)
    check.length('footer', 'footer', message.footer, interactive.footerLength);
  const header = message.header;
  if (header?.type === 'text')
    check.length('header.text', 'header text', header.text, interactive.headerTextLength);
  else if (header) check.media('header', header);
}

function checkButtons(
  violations: LimitViolation[],
  check: Checker,
  buttons: ButtonsMessage['buttons'],
): void {
  if (buttons.length < BUTTONS.min || buttons.length > BUTTONS.max) {
    violations.push({
      field: 'buttons',
      limit: `a message has ${BUTTONS.min} to ${BUTTONS.max} buttons`,
      actual: buttons.length,
    });
  }
  const titles = new Set<string>();
  buttons.forEach((button, i) => {
    check.length(`buttons[${i}].title`, 'title', button.title, BUTTONS.titleLength);
    check.length(`buttons[${i}].id`, 'id', button.id, BUTTONS.idLength);
    if (titles.has(button.title)) {
      violations.push({
        field: `buttons[${i}].title`,
        limit: 'button titles are unique',
        actual: button.title,
      });
    }
    titles.add(button.title);
  });
}

function checkList(violations: LimitViolation[], check: Checker, message: ListMessage): void {
  const { sections } = message;
  if (message.header && message.header.type !== 'text') {
    violations.push({ field: 'header', limit: 'a list header is text only', actual: message.header.type });
  }
  check.length('buttonLabel', 'button label', message.buttonLabel, LIST.buttonLabelLength);
  if (sections.length > LIST.sections) {
    violations.push({
      field: 'sections',
      limit: `a list has at most ${LIST.sections} sections`,
      actual: sections.length,
    });
  }
  const rowCount = sections.reduce((total, section) => total + section.rows.length, 0);
  if (rowCount > LIST.rows) {
    violations.push({
      field: 'sections',
      limit: `a list has at most ${LIST.rows} rows in all`,
      actual: rowCount,
    });
  }
  // Not in §1.7: Meta answers a list reply with the row id alone, so two equal ids could not be told apart.
  const rowIds = new Set<string>();
  sections.forEach((section, s) => {
    if (section.title !== undefined) {
      check.length(`sections[${s}].title`, 'section title', section.title, LIST.sectionTitleLength);
    } else if (sections.length > 1) {
      violations.push({
        field: `sections[${s}].title`,
        limit: 'section title is required when a list has more than one section',
      });
    }
    section.rows.forEach((row, r) => {
      const at = `sections[${s}].rows[${r}]`;
      check.length(`${at}.id`, 'row id', row.id, LIST.rowIdLength);
      check.length(`${at}.title`, 'row title', row.title, LIST.rowTitleLength);
      if (row.description !== undefined) {
        check.length(`${at}.description`, 'description', row.description, LIST.rowDescriptionLength);
      }
      if (rowIds.has(row.id)) {
        violations.push({ field: `${at}.id`, limit: 'row ids are unique', actual: row.id });
      }
      rowIds.add(row.id);
    });
  });
}

/** Only what holds for every template; what depends on the approved template is `checkTemplateSend`. */
function checkTemplate(violations: LimitViolation[], check: Checker, message: TemplateMessage): void {
  const header = message.components?.header;
  if (header && header.type !== 'text') check.media('components.header', header);
  message.components?.buttons?.forEach((button, i) => {
    if (button.index > WHATSAPP_LIMITS.templateButtonIndexMax) {
      violations.push({
        field: `components.buttons[${i}].index`,
        limit: `button index is 0 to ${WHATSAPP_LIMITS.templateButtonIndexMax}`,
        actual: button.index,
      });
    }
  });
}

/** Meta counts code points, not UTF-16 units: "😀" is one character, not two. */
export function characterCount(text: string): number {
  return [...text].length;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** One grapheme that is a pictograph, a flag or a keycap: 👍, ❤️, 👩🏽‍⚕️, 🇫🇷, 1️⃣. */
function isOneEmoji(text: string): boolean {
  // Bounded before the segmenter reads it: a message built elsewhere than the API's schema may be long.
  if (text.length > MAX_EMOJI_LENGTH) return false;
  const graphemes = [...segmenter.segment(text)];
  return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u.test(text);
}
