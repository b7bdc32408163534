import { appointmentWhen, type ReminderLanguage } from './reminder-wording.ts';

/** What the patient's tap on a reminder came to. */
export type ReminderReplyOutcome = 'confirmed' | 'cancelled' | 'already_cancelled' | 'past' | 'unknown';

/** The answer to a tap on a reminder's button, in the patient's language. */
export function reminderReplyText(
  outcome: ReminderReplyOutcome,
  language: ReminderLanguage,
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
  }
}
