import type { OutboundMessage } from '../../channels/channel.ts';
import { frenchSpacing } from '../../platform/text/french-spacing.ts';
import { appointmentWhen, type WordingLanguage } from '../scheduling/patient-wording.ts';
import { REMINDER_ACTIONS, type ReminderAction } from './reminder-action.ts';
import type { ReminderForm } from './reminder-channel.ts';
import { REMINDER_TEMPLATE_TEXT, REMINDER_TYPED_TEXT } from './reminder-template.ts';

/** What a reminder says about its appointment. */
export interface ReminderDetails {
  appointmentId: string;
  language: WordingLanguage;
  patientName: string | null;
  start: Date;
  timeZone: string;
  practitionerName: string;
  locationName: string;
  locationAddress: string | null;
}

const BUTTON_ID = /^reminder:(confirm|cancel|reschedule):([0-9a-f-]{36})$/i;

/** What a reminder's button carries back: the action and the appointment, nothing else. */
export function reminderButtonId(appointmentId: string, action: ReminderAction): string {
  return `reminder:${action}:${appointmentId}`;
}

export function parseReminderButtonId(id: string): { action: ReminderAction; appointmentId: string } | null {
  const match = BUTTON_ID.exec(id);
  const action = REMINDER_ACTIONS.find((a) => a === match?.[1]);
  const appointmentId = match?.[2];
  return action && appointmentId ? { action, appointmentId: appointmentId.toLowerCase() } : null;
}

/** The actions that ask "are you sure?" first when the tapped reminder is not the latest word. */
export type CheckedAction = Extract<ReminderAction, 'confirm' | 'cancel'>;

const CHECK_ID = /^reminder-check:(yes|no):(confirm|cancel):([0-9a-f-]{36})$/i;

/** The Yes / No of the question asked before acting on a late tap: the answer, the action, the appointment. */
export function reminderCheckButtonId(
  appointmentId: string,
  action: CheckedAction,
  answer: 'yes' | 'no',
): string {
  return `reminder-check:${answer}:${action}:${appointmentId}`;
}

export function parseReminderCheckId(
  id: string,
): { answer: 'yes' | 'no'; action: CheckedAction; appointmentId: string } | null {
  const match = CHECK_ID.exec(id);
  const answer = match?.[1]?.toLowerCase();
  const action = match?.[2]?.toLowerCase();
  const appointmentId = match?.[3]?.toLowerCase();
  if (
    (answer !== 'yes' && answer !== 'no') ||
    (action !== 'confirm' && action !== 'cancel') ||
    !appointmentId
  )
    return null;
  return { answer, action, appointmentId };
}

/** The template's five values, in order: no line breaks nor runs of spaces (Meta refuses them). */
export function reminderParameters(details: ReminderDetails): string[] {
  const { date, time } = appointmentWhen(details.start, details.timeZone, details.language);
  const firstName = details.patientName?.trim().split(/\s+/)[0];
  const place = [details.locationName, details.locationAddress].filter((part) => part?.trim()).join(', ');
  return [
    firstName || (details.language === 'fr' ? 'Madame, Monsieur' : 'there'),
    date,
    time,
    details.practitionerName,
    place,
  ].map(asParameter);
}

/** Five values this long and the template's words stay within Meta's 1,024 characters. */
const MAX_PARAMETER = 160;

function asParameter(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length === 0) return '-';
  return flat.length <= MAX_PARAMETER ? flat : `${flat.slice(0, MAX_PARAMETER - 1).trimEnd()}…`;
}

/** The reminder as the channel chosen takes it (reminder-channel.ts decides the form). */
export function reminderMessage(
  details: ReminderDetails,
  form: ReminderForm,
  templateName: string,
): OutboundMessage {
  switch (form) {
    case 'buttons':
      return reminderButtonsMessage(details);
    case 'template':
      return reminderTemplateMessage(details, templateName);
    case 'text':
      return reminderTypedMessage(details);
  }
}

/** The reminder where free-form messages may go (a window open, or none): the same words, three reply buttons. */
export function reminderButtonsMessage(
  details: ReminderDetails,
): Extract<OutboundMessage, { type: 'buttons' }> {
  const text = REMINDER_TEMPLATE_TEXT[details.language];
  return {
    type: 'buttons',
    body: filledIn(text.body, details),
    buttons: REMINDER_ACTIONS.map((action) => ({
      id: reminderButtonId(details.appointmentId, action),
      title: text.buttons[action],
    })),
  };
}

/** The reminder on a channel that cannot show its buttons: the patient types « oui », « annuler »… */
export function reminderTypedMessage(details: ReminderDetails): OutboundMessage {
  const text = filledIn(REMINDER_TYPED_TEXT[details.language], details);
  return { type: 'text', text: details.language === 'fr' ? frenchSpacing(text) : text };
}

function filledIn(body: string, details: ReminderDetails): string {
  const values = reminderParameters(details);
  return body.replace(/\{\{(\d)\}\}/g, (_whole, n: string) => values[Number(n) - 1] ?? '');
}

/** The reminder outside the window: the approved template, its quick replies carrying the actions. */
export function reminderTemplateMessage(details: ReminderDetails, templateName: string): OutboundMessage {
  return {
    type: 'template',
    name: templateName,
    language: details.language,
    components: {
      body: reminderParameters(details),
      buttons: REMINDER_ACTIONS.map((action, index) => ({
        index,
        subType: 'quick_reply',
        payload: reminderButtonId(details.appointmentId, action),
      })),
    },
  };
}
