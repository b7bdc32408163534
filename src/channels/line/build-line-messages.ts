import type { messagingApi } from '@line/bot-sdk';
import { checkInteractiveText as checkInteractiveTextOf, interactiveText } from '../interactive-text.ts';
import type { LimitViolation, OutboundMessage } from '../outbound-message.ts';
import { LINE_CAPABILITIES, LINE_LIMITS } from './line-capabilities.ts';

type Message<T extends OutboundMessage['type']> = Extract<OutboundMessage, { type: T }>;
type Interactive = Message<'buttons'> | Message<'list'>;

export type LineMessages =
  | { ok: true; messages: messagingApi.Message[] }
  | { ok: false; violations: LimitViolation[] };

/**
 * The Messaging API message objects for one outbound message (sent in one reply or push), or what LINE
 * would refuse in it. Buttons that fit a buttons template (at most 4, a short text, no footer) go as
 * one, so they stay under the message; others, and lists, go as quick replies under a text: tapping one
 * sends a postback whose `data` is the button's id, and shows its title in the chat as the patient's.
 */
export function buildLineMessages(message: OutboundMessage): LineMessages {
  const violations = checkLineLimits(message);
  if (violations.length > 0) return { ok: false, violations };
  switch (message.type) {
    case 'text':
      return { ok: true, messages: [{ type: 'text', text: message.text }] };
    case 'location':
      return {
        ok: true,
        messages: [
          {
            type: 'location',
            // Both are required by LINE; a pin without them is shown by its coordinates.
            title: message.name ?? 'Location',
            address: message.address ?? `${message.latitude}, ${message.longitude}`,
            latitude: message.latitude,
            longitude: message.longitude,
          },
        ],
      };
    case 'buttons': {
      const choices = message.buttons.map((button) => ({ id: button.id, title: button.title }));
      const template = buttonsTemplate(message, choices);
      return { ok: true, messages: [template ?? withQuickReplies(message, choices)] };
    }
    case 'list': {
      const choices = message.sections.flatMap((section) =>
        section.rows.map((row) => ({ id: row.id, title: row.title })),
      );
      return { ok: true, messages: [withQuickReplies(message, choices)] };
    }
    default:
      return { ok: false, violations: [byType(message.type)] };
  }
}

/** What LINE would refuse in this message, before any call, each with the field to fix. */
export function checkLineLimits(message: OutboundMessage): LimitViolation[] {
  if (!LINE_CAPABILITIES.outboundTypes.includes(message.type)) return [byType(message.type)];
  switch (message.type) {
    case 'text':
      return maxLength('text', message.text, LINE_LIMITS.textLength);
    case 'location':
      return [
        ...(message.name === undefined ? [] : maxLength('name', message.name, LINE_LIMITS.locationText)),
        ...(message.address === undefined
          ? []
          : maxLength('address', message.address, LINE_LIMITS.locationText)),
      ];
    case 'buttons':
      return [
        ...checkInteractiveText(message),
        ...count('buttons', message.buttons.length),
        ...message.buttons.flatMap((button, i) => checkChoice(`buttons[${i}]`, button)),
      ];
    case 'list': {
      const rows = message.sections.reduce((total, section) => total + section.rows.length, 0);
      return [
        ...checkInteractiveText(message),
        ...count('sections', rows),
        ...message.sections.flatMap((section, s) =>
          section.rows.flatMap((row, r) => checkChoice(`sections[${s}].rows[${r}]`, row)),
        ),
      ];
    }
    default:
      return [byType(message.type)];
  }
}

function byType(type: string): LimitViolation {
  return { field: 'type', limit: `LINE cannot send a ${type} message from Careline`, actual: type };
}

function maxLength(field: string, text: string, max: number): LimitViolation[] {
  return text.length > max
    ? [{ field, limit: `${field} is at most ${max} characters`, actual: text.length }]
    : [];
}

function count(field: string, items: number): LimitViolation[] {
  const { max } = LINE_LIMITS.quickReplies;
  return items > max
    ? [{ field, limit: `LINE shows at most ${max} quick replies under a message`, actual: items }]
    : [];
}

function checkChoice(field: string, choice: { id: string; title: string }): LimitViolation[] {
  return [
    ...maxLength(`${field}.title`, choice.title, LINE_LIMITS.quickReplies.labelLength),
    ...maxLength(`${field}.id`, choice.id, LINE_LIMITS.postbackDataLength),
  ];
}

function checkInteractiveText(message: Interactive): LimitViolation[] {
  return checkInteractiveTextOf(
    message,
    LINE_LIMITS.textLength,
    'LINE carries no file in a message with buttons: send the file first',
  );
}

function postback(choice: { id: string; title: string }): messagingApi.PostbackAction {
  return { type: 'postback', label: choice.title, data: choice.id, displayText: choice.title };
}

function withQuickReplies(
  message: Interactive,
  choices: ReadonlyArray<{ id: string; title: string }>,
): messagingApi.TextMessage {
  return {
    type: 'text',
    text: interactiveText(message),
    quickReply: { items: choices.map((choice) => ({ type: 'action', action: postback(choice) })) },
  };
}

/** A buttons template, when the message fits one; null when it does not. */
function buttonsTemplate(
  message: Message<'buttons'>,
  choices: ReadonlyArray<{ id: string; title: string }>,
): messagingApi.TemplateMessage | null {
  const limits = LINE_LIMITS.buttonsTemplate;
  const title = message.header?.type === 'text' ? message.header.text : undefined;
  const textLength = title === undefined ? limits.textLength : limits.textWithTitleLength;
  const fits =
    choices.length <= limits.actions &&
    message.footer === undefined &&
    message.body.length <= textLength &&
    (title === undefined || title.length <= limits.titleLength);
  if (!fits) return null;
  const altText = interactiveText(message);
  return {
    type: 'template',
    // What notifications and older apps show.
    altText:
      altText.length > limits.altTextLength ? `${altText.slice(0, limits.altTextLength - 1)}…` : altText,
    template: {
      type: 'buttons',
      ...(title !== undefined ? { title } : {}),
      text: message.body,
      actions: choices.map(postback),
    },
  };
}
