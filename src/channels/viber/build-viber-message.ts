import { checkInteractiveText as checkInteractiveTextOf, interactiveText } from '../interactive-text.ts';
import type { LimitViolation, OutboundMessage } from '../outbound-message.ts';
import { VIBER_CAPABILITIES, VIBER_LIMITS } from './viber-capabilities.ts';
import { trackingDataOf } from './viber-tracking-data.ts';

type Message<T extends OutboundMessage['type']> = Extract<OutboundMessage, { type: T }>;
type Interactive = Message<'buttons'> | Message<'list'>;

/** The part of a `send_message` body that is the message (receiver and sender are added by the adapter). */
export type ViberMessageBody = Record<string, unknown> & { type: 'text' | 'location' };

export type ViberMessageBuild =
  | { ok: true; body: ViberMessageBody }
  | { ok: false; violations: LimitViolation[] };

/**
 * The `send_message` fields of one outbound message, or what Viber would refuse in it. Buttons and a
 * list's rows go as a keyboard under a text: each a `reply` button whose `ActionBody` is the button's
 * id (sent back silently as the patient's message when tapped) and whose `Text` is its title; the
 * button ids travel in `tracking_data`, which Viber hands back with the tap.
 */
export function buildViberMessage(message: OutboundMessage): ViberMessageBuild {
  const violations = checkViberLimits(message);
  if (violations.length > 0) return { ok: false, violations };
  switch (message.type) {
    case 'text':
      return { ok: true, body: { type: 'text', text: message.text } };
    case 'location':
      return {
        ok: true,
        body: { type: 'location', location: { lat: message.latitude, lon: message.longitude } },
      };
    case 'buttons':
      return { ok: true, body: withKeyboard(message, message.buttons) };
    case 'list':
      return { ok: true, body: withKeyboard(message, rowsOf(message)) };
    default:
      return { ok: false, violations: [byType(message.type)] };
  }
}

/** What Viber would refuse in this message, before any call, each with the field to fix. */
export function checkViberLimits(message: OutboundMessage): LimitViolation[] {
  if (!VIBER_CAPABILITIES.outboundTypes.includes(message.type)) return [byType(message.type)];
  switch (message.type) {
    case 'text':
      return maxLength('text', message.text, VIBER_LIMITS.textLength);
    case 'location':
      return [];
    case 'buttons':
      return [
        ...checkInteractiveText(message),
        ...count('buttons', message.buttons.length),
        ...message.buttons.flatMap((button, i) => checkChoice(`buttons[${i}]`, button)),
      ];
    case 'list':
      return [
        ...checkInteractiveText(message),
        ...count('sections', rowsOf(message).length),
        ...message.sections.flatMap((section, s) =>
          section.rows.flatMap((row, r) => checkChoice(`sections[${s}].rows[${r}]`, row)),
        ),
      ];
    default:
      return [byType(message.type)];
  }
}

function rowsOf(message: Message<'list'>): Array<{ id: string; title: string }> {
  return message.sections.flatMap((section) => section.rows.map((row) => ({ id: row.id, title: row.title })));
}

function withKeyboard(
  message: Interactive,
  choices: ReadonlyArray<{ id: string; title: string }>,
): ViberMessageBody {
  const trackingData = trackingDataOf(choices.map((choice) => choice.id));
  return {
    type: 'text',
    text: interactiveText(message),
    keyboard: {
      Type: 'keyboard',
      DefaultHeight: false,
      Buttons: choices.map((choice) => ({
        ActionType: 'reply',
        ActionBody: choice.id,
        Text: choice.title,
        Silent: true,
      })),
    },
    ...(trackingData !== null ? { tracking_data: trackingData } : {}),
  };
}

function byType(type: string): LimitViolation {
  return { field: 'type', limit: `Viber cannot send a ${type} message from Careline`, actual: type };
}

function maxLength(field: string, text: string, max: number): LimitViolation[] {
  return text.length > max
    ? [{ field, limit: `${field} is at most ${max} characters`, actual: text.length }]
    : [];
}

function count(field: string, items: number): LimitViolation[] {
  const max = VIBER_LIMITS.buttons;
  return items > max
    ? [{ field, limit: `a Viber keyboard holds at most ${max} buttons`, actual: items }]
    : [];
}

function checkChoice(field: string, choice: { id: string; title: string }): LimitViolation[] {
  return [
    ...maxLength(`${field}.title`, choice.title, VIBER_LIMITS.buttonTextLength),
    ...maxLength(`${field}.id`, choice.id, VIBER_LIMITS.actionBodyLength),
  ];
}

function checkInteractiveText(message: Interactive): LimitViolation[] {
  return checkInteractiveTextOf(
    message,
    VIBER_LIMITS.textLength,
    'Careline sends no file on Viber: a keyboard goes under a text only',
  );
}
