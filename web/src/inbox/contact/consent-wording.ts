import type { ConsentRecord } from '../../api/reminder-types.ts';
import type { ChannelType } from '../../api/settings-types.ts';
import { CHANNEL_NAMES } from '../../ui/channel-icon.tsx';

/**
 * The question the booking flow asks before any reminder, word for word as the server has it
 * (src/modules/consent/consent-texts.ts), for WhatsApp: asked the same way on the phone, it is recorded the
 * same way. On another app its name takes WhatsApp's place, as the chat asks it there.
 */
export const REMINDER_QUESTION = {
  fr: 'Acceptez-vous de recevoir des rappels par WhatsApp ?',
  en: 'Do you agree to receive reminders on WhatsApp?',
} as const;

/** The question in the patient's language (theirs when set, else the screen's), for the app it is about. */
export function reminderQuestionFor(
  patientLanguage: string | null,
  interfaceLanguage: 'fr' | 'en',
  channel: ChannelType = 'whatsapp',
): string {
  const language = patientLanguage?.toLowerCase().split('-')[0];
  const question =
    language === 'fr' || language === 'en'
      ? REMINDER_QUESTION[language]
      : REMINDER_QUESTION[interfaceLanguage];
  return question.replace('WhatsApp', CHANNEL_NAMES[channel]);
}

/** How the answer was given, for a sentence: a keyword is shown as typed, staff by their name. */
export type ConsentHow =
  | { kind: 'chat' }
  | { kind: 'keyword'; keyword: string }
  | { kind: 'staff'; name: string | null }
  | { kind: 'api' };

export function consentHow(record: ConsentRecord, staffName: (userId: string) => string | null): ConsentHow {
  switch (record.method) {
    case 'chat':
      return { kind: 'chat' };
    case 'keyword':
      return { kind: 'keyword', keyword: record.text_shown.trim() };
    case 'staff':
      return {
        kind: 'staff',
        name: record.recorded_by_user_id ? staffName(record.recorded_by_user_id) : null,
      };
    case 'api':
      return { kind: 'api' };
  }
}
