import type { WordingLanguage } from '../scheduling/patient-wording.ts';
import type { ReminderAction } from './reminder-action.ts';

/**
 * The reminder template as it must be approved by Meta (UTILITY, in fr and en): {{1}} the patient's
 * first name, {{2}} the date, {{3}} the time, {{4}} the practitioner, {{5}} the place. Its three
 * quick replies come back with the payloads `reminderButtonId` makes. Inside the 24-hour window the
 * same words go as an interactive message with the same three buttons.
 */
export const REMINDER_TEMPLATE_TEXT: Readonly<
  Record<WordingLanguage, { body: string; buttons: Readonly<Record<ReminderAction, string>> }>
> = {
  fr: {
    body: 'Bonjour {{1}}, nous vous rappelons votre rendez-vous du {{2}} à {{3}} avec {{4}}, {{5}}. Merci de le confirmer, de l’annuler ou de le déplacer avec les boutons ci-dessous.',
    buttons: { confirm: 'Confirmer', cancel: 'Annuler', reschedule: 'Déplacer' },
  },
  en: {
    body: 'Hello {{1}}, this is a reminder of your appointment on {{2}} at {{3}} with {{4}}, {{5}}. Please confirm, cancel or reschedule it with the buttons below.',
    buttons: { confirm: 'Confirm', cancel: 'Cancel', reschedule: 'Reschedule' },
  },
};

/**
 * The same reminder where the channel cannot show its three buttons: the patient types the answer, which
 * counts as the tap when it is their first message after the reminder (reminder-typed-answer.ts).
 */
export const REMINDER_TYPED_TEXT: Readonly<Record<WordingLanguage, string>> = {
  fr: 'Bonjour {{1}}, nous vous rappelons votre rendez-vous du {{2}} à {{3}} avec {{4}}, {{5}}. Pour le confirmer, répondez « oui » ; pour l’annuler, « annuler » ; pour le déplacer, « déplacer ».',
  en: 'Hello {{1}}, this is a reminder of your appointment on {{2}} at {{3}} with {{4}}, {{5}}. To confirm it, reply “yes”; to cancel it, “cancel”; to move it, “reschedule”.',
};

export type ReminderTemplateComponent =
  | { type: 'BODY'; text: string }
  | { type: 'BUTTONS'; buttons: Array<{ type: 'QUICK_REPLY'; text: string }> };

/**
 * The template's components as Meta lists them (and as the simulator registers them): the body and
 * three quick replies, in the order of `REMINDER_ACTIONS`.
 */
export function reminderTemplateComponents(language: WordingLanguage): ReminderTemplateComponent[] {
  const text = REMINDER_TEMPLATE_TEXT[language];
  return [
    { type: 'BODY', text: text.body },
    {
      type: 'BUTTONS',
      buttons: [text.buttons.confirm, text.buttons.cancel, text.buttons.reschedule].map((label) => ({
        type: 'QUICK_REPLY',
        text: label,
      })),
    },
  ];
}
