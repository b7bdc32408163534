import { describe, expect, test } from 'vitest';
import type { ConsentRecord } from '../../api/reminder-types.ts';
import { consentHow, REMINDER_QUESTION, reminderQuestionFor } from './consent-wording.ts';

function record(overrides: Partial<ConsentRecord>): ConsentRecord {
  return {
    id: 'r1',
    channel: 'whatsapp',
    purpose: 'appointment_reminders',
    granted: true,
    method: 'chat',
    text_shown: REMINDER_QUESTION.fr,
    message_id: null,
    recorded_by_user_id: null,
    recorded_at: '2026-05-05T08:00:00Z',
    ...overrides,
  };
}

describe('consent wording in the patient panel', () => {
  test('the usual question is offered in the patient’s language, else the screen’s', () => {
    expect(reminderQuestionFor('fr-FR', 'en')).toBe(REMINDER_QUESTION.fr);
    expect(reminderQuestionFor('en', 'fr')).toBe(REMINDER_QUESTION.en);
    expect(reminderQuestionFor(null, 'fr')).toBe(REMINDER_QUESTION.fr);
    expect(reminderQuestionFor('de', 'en')).toBe(REMINDER_QUESTION.en);
  });

  test('asked about another app, the question names it as the chat does there', () => {
    expect(reminderQuestionFor('fr', 'fr', 'telegram')).toMatch(
      /^Acceptez-vous de recevoir des rappels par Telegram.\?$/u,
    );
    expect(reminderQuestionFor('en', 'fr', 'messenger')).toBe(
      'Do you agree to receive reminders on Messenger?',
    );
  });

  test('a withdrawal by keyword shows the word the patient typed', () => {
    expect(
      consentHow(record({ method: 'keyword', granted: false, text_shown: ' STOP ' }), () => null),
    ).toEqual({
      kind: 'keyword',
      keyword: 'STOP',
    });
  });

  test('one recorded by staff names who recorded it, when they are known', () => {
    const names = (id: string) => (id === 'u1' ? 'Julie Bernard' : null);
    expect(consentHow(record({ method: 'staff', recorded_by_user_id: 'u1' }), names)).toEqual({
      kind: 'staff',
      name: 'Julie Bernard',
    });
    expect(consentHow(record({ method: 'staff', recorded_by_user_id: 'gone' }), names)).toEqual({
      kind: 'staff',
      name: null,
    });
  });
});
