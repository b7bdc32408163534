import { channelName } from '../channel-accounts/channel-name.ts';
import { REMINDER_CONSENT_PROMPT } from '../flows/library/reminder-consent-prompt.ts';
import type { ConsentKeywordAction } from './consent-keyword.ts';

export type ConsentLanguage = 'fr' | 'en';

/** The question as asked on a channel: « Acceptez-vous de recevoir des rappels par Telegram ? ». */
export function reminderConsentQuestion(channel: string, language: ConsentLanguage): string {
  return REMINDER_CONSENT_PROMPT[language].replace('{{channel.name}}', channelName(channel));
}

/** The question as asked on WhatsApp (the words of booking flows installed before it named the channel). */
export const REMINDER_CONSENT_QUESTION: Readonly<Record<ConsentLanguage, string>> = {
  fr: reminderConsentQuestion('whatsapp', 'fr'),
  en: reminderConsentQuestion('whatsapp', 'en'),
};

/** What the patient reads after a keyword: what changed, and how to undo it. */
export function consentKeywordConfirmation(
  action: ConsentKeywordAction,
  language: ConsentLanguage,
  clinicName: string,
  /** The app the patient wrote from, as they call it: the choice is recorded for that channel only. */
  appName = 'WhatsApp',
): string {
  switch (action.kind) {
    case 'withdraw_all':
      return language === 'fr'
        ? `C’est noté : ${clinicName} ne vous enverra plus de messages automatiques sur ${appName} (rappels de rendez-vous, informations). Vous pouvez toujours nous écrire ici. Pour recevoir de nouveau les rappels, répondez START.`
        : `Done: ${clinicName} will no longer send you automatic messages on ${appName} (appointment reminders, information). You can still write to us here. To get reminders again, reply START.`;
    case 'withdraw_reminders':
      return language === 'fr'
        ? `C’est noté : vous ne recevrez plus de rappels de rendez-vous de ${clinicName} sur ${appName}. Pour les recevoir de nouveau, répondez START.`
        : `Done: you will no longer receive appointment reminders from ${clinicName} on ${appName}. To get them again, reply START.`;
    case 'restore_reminders':
      return language === 'fr'
        ? `C’est noté : vous recevrez de nouveau les rappels de vos rendez-vous chez ${clinicName} sur ${appName}. Pour les arrêter, répondez STOP RAPPELS.`
        : `Done: you will receive reminders of your appointments at ${clinicName} on ${appName} again. To stop them, reply STOP REMINDERS.`;
    case 'withdraw_health_information':
      return language === 'fr'
        ? `C’est noté : vous ne recevrez plus les conseils et informations de santé de ${clinicName} sur ${appName}. Vos rappels de rendez-vous continuent. Pour les recevoir de nouveau, répondez START CONSEILS.`
        : `Done: you will no longer receive health tips and information from ${clinicName} on ${appName}. Your appointment reminders go on. To get them again, reply START INFO.`;
    case 'restore_health_information':
      return language === 'fr'
        ? `C’est noté : vous recevrez de nouveau les conseils et informations de santé de ${clinicName} sur ${appName}. Pour les arrêter, répondez STOP CONSEILS.`
        : `Done: you will receive health tips and information from ${clinicName} on ${appName} again. To stop them, reply STOP INFO.`;
  }
}

/** The answer to HELP on SMS, as carriers expect it: who is writing, how to reach them, how to stop. */
export function smsHelpAnswer(language: ConsentLanguage, clinicName: string): string {
  return language === 'fr'
    ? `${clinicName} : messages de vos rendez-vous et de votre suivi. Répondez ici pour écrire à l’équipe soignante. Répondez STOP pour ne plus recevoir de SMS, START pour les recevoir de nouveau.`
    : `${clinicName}: messages about your appointments and care. Reply here to write to the care team. Reply STOP to stop these texts, START to get them again.`;
}
