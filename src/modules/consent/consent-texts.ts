import type { ConsentKeywordAction } from './consent-keyword.ts';

export type ConsentLanguage = 'fr' | 'en';

/**
 * The question the booking flow asks before any reminder. The ledger keeps the exact words the patient
 * saw, so the flow and the record use these very strings.
 */
export const REMINDER_CONSENT_QUESTION: Readonly<Record<ConsentLanguage, string>> = {
  // A narrow no-break space before "?": French spacing, as every French text a patient reads.
  fr: 'Acceptez-vous de recevoir des rappels par WhatsApp\u202F?',
  en: 'Do you agree to receive reminders on WhatsApp?',
};

/** What the patient reads after a keyword: what changed, and how to undo it. */
export function consentKeywordConfirmation(
  action: ConsentKeywordAction,
  language: ConsentLanguage,
  clinicName: string,
  /** The app the patient wrote from, as they call it: the choice is recorded for that channel only. */
  channelName = 'WhatsApp',
): string {
  switch (action.kind) {
    case 'withdraw_all':
      return language === 'fr'
        ? `C’est noté : ${clinicName} ne vous enverra plus de messages automatiques sur ${channelName} (rappels de rendez-vous, informations). Vous pouvez toujours nous écrire ici. Pour recevoir de nouveau les rappels, répondez START.`
        : `Done: ${clinicName} will no longer send you automatic messages on ${channelName} (appointment reminders, information). You can still write to us here. To get reminders again, reply START.`;
    case 'withdraw_reminders':
      return language === 'fr'
        ? `C’est noté : vous ne recevrez plus de rappels de rendez-vous de ${clinicName} sur ${channelName}. Pour les recevoir de nouveau, répondez START.`
        : `Done: you will no longer receive appointment reminders from ${clinicName} on ${channelName}. To get them again, reply START.`;
    case 'restore_reminders':
      return language === 'fr'
        ? `C’est noté : vous recevrez de nouveau les rappels de vos rendez-vous chez ${clinicName} sur ${channelName}. Pour les arrêter, répondez STOP RAPPELS.`
        : `Done: you will receive reminders of your appointments at ${clinicName} on ${channelName} again. To stop them, reply STOP REMINDERS.`;
  }
}
