import { frenchSpacing } from '../../platform/text/french-spacing.ts';
import { appointmentWhen, type WordingLanguage } from '../scheduling/patient-wording.ts';

/** What the patient's tap on a reminder came to. */
export type ReminderReplyOutcome =
  | 'confirmed'
  | 'cancelled'
  | 'already_cancelled'
  | 'past'
  | 'unknown'
  /** A late or outdated Cancel: "do you really want to cancel…?" */
  | 'ask_cancel'
  /** Confirm on a reminder of an appointment since moved: the new time, "do you confirm it?" */
  | 'ask_confirm_moved'
  /** No to "cancel?": the appointment stands. */
  | 'kept'
  /** No to "confirm the new time?": nothing recorded. */
  | 'not_confirmed';

/** The answer to a tap on a reminder's button, in the patient's language, spaced the French way. */
export function reminderReplyText(
  outcome: ReminderReplyOutcome,
  language: WordingLanguage,
  appointment: { start: Date; timeZone: string; practitionerName: string } | null,
): string {
  const text = wording(outcome, language, appointment);
  return language === 'fr' ? frenchSpacing(text) : text;
}

/** The Yes / No of the question asked before acting on a late tap. */
export const CHECK_ANSWERS: Readonly<Record<WordingLanguage, { yes: string; no: string }>> = {
  fr: { yes: 'Oui', no: 'Non' },
  en: { yes: 'Yes', no: 'No' },
};

function wording(
  outcome: ReminderReplyOutcome,
  language: WordingLanguage,
  appointment: { start: Date; timeZone: string; practitionerName: string } | null,
): string {
  const when = appointment ? appointmentWhen(appointment.start, appointment.timeZone, language) : null;
  const fr = language === 'fr';
  if (!appointment || !when || outcome === 'unknown') {
    return fr
      ? 'Nous ne retrouvons pas ce rendez-vous. Écrivez-nous ici et l’équipe vous répondra.'
      : 'We cannot find this appointment. Write to us here and the team will answer.';
  }
  const { date, time } = when;
  const who = appointment.practitionerName;
  switch (outcome) {
    case 'confirmed':
      return fr
        ? `Merci, c’est noté : nous vous attendons le ${date} à ${time} avec ${who}. À bientôt !`
        : `Thank you, noted: we look forward to seeing you on ${date} at ${time} with ${who}.`;
    case 'cancelled':
      return fr
        ? `Votre rendez-vous du ${date} à ${time} avec ${who} est annulé. Pour en prendre un autre, écrivez-nous ici.`
        : `Your appointment on ${date} at ${time} with ${who} is cancelled. To book another one, write to us here.`;
    case 'already_cancelled':
      return fr
        ? `Ce rendez-vous du ${date} à ${time} était déjà annulé. Pour en prendre un autre, écrivez-nous ici.`
        : `This appointment on ${date} at ${time} was already cancelled. To book another one, write to us here.`;
    case 'past':
      return fr
        ? `Ce rendez-vous du ${date} à ${time} est passé. Pour en prendre un autre, écrivez-nous ici.`
        : `This appointment on ${date} at ${time} has already passed. To book another one, write to us here.`;
    case 'ask_cancel':
      return fr
        ? `Vous voulez bien annuler votre rendez-vous du ${date} à ${time} avec ${who} ?`
        : `Do you really want to cancel your appointment on ${date} at ${time} with ${who}?`;
    case 'ask_confirm_moved':
      return fr
        ? `Votre rendez-vous a été déplacé : il a lieu le ${date} à ${time} avec ${who}. Vous confirmez votre venue ?`
        : `Your appointment has been moved: it is now on ${date} at ${time} with ${who}. Do you confirm you will come?`;
    case 'kept':
      return fr
        ? `D’accord, votre rendez-vous du ${date} à ${time} avec ${who} est maintenu.`
        : `All right, your appointment on ${date} at ${time} with ${who} stands.`;
    case 'not_confirmed':
      return fr
        ? `D’accord, il n’est pas confirmé. Pour le déplacer ou l’annuler, écrivez « déplacer rendez-vous » ou « annuler rendez-vous ».`
        : `All right, it is not confirmed. To move or cancel it, write “move appointment” or “cancel appointment”.`;
  }
}
