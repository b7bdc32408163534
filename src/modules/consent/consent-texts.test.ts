import { describe, expect, test } from 'vitest';
import { REMINDER_CONSENT_QUESTION, reminderConsentQuestion } from './consent-texts.ts';

describe('the question asked before any reminder', () => {
  test('names the app of the conversation it is asked in, in French and English', () => {
    expect(reminderConsentQuestion('telegram', 'fr')).toBe(
      'Acceptez-vous de recevoir des rappels par Telegram\u202F?',
    );
    expect(reminderConsentQuestion('telegram', 'en')).toBe('Do you agree to receive reminders on Telegram?');
    expect(reminderConsentQuestion('messenger', 'fr')).toBe(
      'Acceptez-vous de recevoir des rappels par Messenger\u202F?',
    );
    expect(reminderConsentQuestion('instagram', 'en')).toBe(
      'Do you agree to receive reminders on Instagram?',
    );
  });

  test('on WhatsApp, the words the ledger has always kept', () => {
    expect(REMINDER_CONSENT_QUESTION).toEqual({
      fr: 'Acceptez-vous de recevoir des rappels par WhatsApp\u202F?',
      en: 'Do you agree to receive reminders on WhatsApp?',
    });
  });
});
