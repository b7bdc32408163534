/**
 * The question the booking flow asks before any reminder, as a flow text: `{{channel.name}}` is the app
 * the conversation is on, and the patient agrees for that channel only (the ledger is per channel and
 * purpose). The ledger keeps the exact words the patient saw, so consent's texts (consent-texts.ts)
 * build the recorded question from these.
 */
export const REMINDER_CONSENT_PROMPT: Readonly<Record<'fr' | 'en', string>> = {
  // A narrow no-break space before "?": French spacing, as every French text a patient reads.
  fr: 'Acceptez-vous de recevoir des rappels par {{channel.name}}\u202F?',
  en: 'Do you agree to receive reminders on {{channel.name}}?',
};
