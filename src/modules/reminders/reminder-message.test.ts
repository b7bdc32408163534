import { describe, expect, test } from 'vitest';
import { checkWhatsAppLimits } from '../../channels/whatsapp/whatsapp-limits.ts';
import { appointmentWhen } from '../scheduling/patient-wording.ts';
import {
  parseReminderButtonId,
  type ReminderDetails,
  reminderButtonId,
  reminderButtonsMessage,
  reminderTemplateMessage,
  reminderTypedMessage,
} from './reminder-message.ts';
import { reminderReplyText } from './reminder-reply-texts.ts';
import { REMINDER_TEMPLATE_TEXT } from './reminder-template.ts';
import { typedReminderAction } from './reminder-typed-answer.ts';

const APPOINTMENT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const details = (overrides: Partial<ReminderDetails> = {}): ReminderDetails => ({
  appointmentId: APPOINTMENT,
  language: 'fr',
  patientName: 'Chloé Martin',
  // Tuesday 2 December 2025, 09:30 in Paris.
  start: new Date('2025-12-02T08:30:00Z'),
  timeZone: 'Europe/Paris',
  practitionerName: 'Dr Hélène Roux',
  locationName: 'Centre Belleville',
  locationAddress: '12 rue de Belleville\n75020 Paris',
  ...overrides,
});

describe('the reminder message', () => {
  test('in French inside the window: who, when, where, with three reply buttons', () => {
    expect(reminderButtonsMessage(details())).toEqual({
      type: 'buttons',
      body: 'Bonjour Chloé, nous vous rappelons votre rendez-vous du mardi 2 décembre à 9 h 30 avec Dr Hélène Roux, Centre Belleville, 12 rue de Belleville 75020 Paris. Merci de le confirmer, de l’annuler ou de le déplacer avec les boutons ci-dessous.',
      buttons: [
        { id: `reminder:confirm:${APPOINTMENT}`, title: 'Confirmer' },
        { id: `reminder:cancel:${APPOINTMENT}`, title: 'Annuler' },
        { id: `reminder:reschedule:${APPOINTMENT}`, title: 'Déplacer' },
      ],
    });
  });

  test('in English, the time on a 12-hour clock in the clinic’s zone', () => {
    const message = reminderButtonsMessage(
      details({
        language: 'en',
        start: new Date('2025-12-02T13:05:00Z'),
        locationAddress: null,
        patientName: null,
      }),
    );
    expect(message).toMatchObject({
      body: 'Hello there, this is a reminder of your appointment on Tuesday 2 December at 2:05 pm with Dr Hélène Roux, Centre Belleville. Please confirm, cancel or reschedule it with the buttons below.',
      buttons: [{ title: 'Confirm' }, { title: 'Cancel' }, { title: 'Reschedule' }],
    });
  });

  test('outside the window: the approved template, its five values and three quick-reply payloads', () => {
    expect(reminderTemplateMessage(details(), 'rappel_rendez_vous')).toEqual({
      type: 'template',
      name: 'rappel_rendez_vous',
      language: 'fr',
      components: {
        body: [
          'Chloé',
          'mardi 2 décembre',
          '9 h 30',
          'Dr Hélène Roux',
          'Centre Belleville, 12 rue de Belleville 75020 Paris',
        ],
        buttons: [
          { index: 0, subType: 'quick_reply', payload: `reminder:confirm:${APPOINTMENT}` },
          { index: 1, subType: 'quick_reply', payload: `reminder:cancel:${APPOINTMENT}` },
          { index: 2, subType: 'quick_reply', payload: `reminder:reschedule:${APPOINTMENT}` },
        ],
      },
    });
    // The template's words and placeholders are the ones Meta must approve: five values, three buttons.
    for (const text of Object.values(REMINDER_TEMPLATE_TEXT)) {
      expect(text.body.match(/\{\{\d\}\}/g)).toEqual(['{{1}}', '{{2}}', '{{3}}', '{{4}}', '{{5}}']);
      expect(Object.keys(text.buttons)).toEqual(['confirm', 'cancel', 'reschedule']);
    }
  });

  test('a long address and name still fit WhatsApp’s limits (body, button titles, ids)', () => {
    for (const language of ['fr', 'en'] as const) {
      const long = details({
        language,
        locationAddress: 'Bâtiment B, '.repeat(40),
        practitionerName: 'Dr '.repeat(30),
      });
      expect(checkWhatsAppLimits(reminderButtonsMessage(long))).toEqual([]);
      expect(checkWhatsAppLimits(reminderTemplateMessage(long, 'rappel_rendez_vous'))).toEqual([]);
    }
  });

  test('where a channel cannot show the buttons: the same words, and what to reply that counts as a tap', () => {
    const fr = reminderTypedMessage(details());
    expect(fr).toEqual({
      type: 'text',
      text: 'Bonjour Chloé, nous vous rappelons votre rendez-vous du mardi 2 décembre à 9 h 30 avec Dr Hélène Roux, Centre Belleville, 12 rue de Belleville 75020 Paris. Pour le confirmer, répondez «\u00A0oui\u00A0»\u202F; pour l’annuler, «\u00A0annuler\u00A0»\u202F; pour le déplacer, «\u00A0déplacer\u00A0».',
    });
    const en = reminderTypedMessage(details({ language: 'en' }));
    expect(en).toMatchObject({
      text: expect.stringMatching(/reply “yes”; to cancel it, “cancel”; to move it, “reschedule”\.$/),
    });
    // Each word the patient is told to type is read as the button it stands for.
    expect(['oui', 'annuler', 'déplacer', 'yes', 'cancel', 'reschedule'].map(typedReminderAction)).toEqual([
      'confirm',
      'cancel',
      'reschedule',
      'confirm',
      'cancel',
      'reschedule',
    ]);
  });

  test('dates and times follow the clinic’s clock across the DST change', () => {
    // Sunday 30 March 2025: 08:00 UTC is 10:00 in Paris (summer time since 02:00).
    expect(appointmentWhen(new Date('2025-03-30T08:00:00Z'), 'Europe/Paris', 'fr')).toEqual({
      date: 'dimanche 30 mars',
      time: '10 h',
    });
    expect(appointmentWhen(new Date('2025-03-29T23:30:00Z'), 'Europe/Paris', 'en')).toEqual({
      date: 'Sunday 30 March',
      time: '12:30 am',
    });
  });

  test('button ids carry the action and the appointment, and nothing else is read as one', () => {
    expect(parseReminderButtonId(reminderButtonId(APPOINTMENT, 'cancel'))).toEqual({
      action: 'cancel',
      appointmentId: APPOINTMENT,
    });
    expect(parseReminderButtonId(`reminder:delete:${APPOINTMENT}`)).toBeNull();
    expect(parseReminderButtonId('confirm')).toBeNull();
    expect(parseReminderButtonId(`reminder:confirm:${APPOINTMENT}x`)).toBeNull();
  });

  test('typed answers stand for the buttons, whole messages only', () => {
    expect(typedReminderAction('Oui !')).toBe('confirm');
    expect(typedReminderAction('je confirme')).toBe('confirm');
    expect(typedReminderAction("J'annule")).toBe('cancel');
    expect(typedReminderAction('ANNULER')).toBe('cancel');
    expect(typedReminderAction('Déplacer')).toBe('reschedule');
    expect(typedReminderAction('oui mais je serai en retard')).toBeNull();
  });

  test('answers to a tap say what happened to which appointment', () => {
    const appointment = {
      start: new Date('2025-12-02T08:30:00Z'),
      timeZone: 'Europe/Paris',
      practitionerName: 'Dr Roux',
    };
    expect(reminderReplyText('confirmed', 'fr', appointment)).toBe(
      'Merci, c’est noté\u00A0: nous vous attendons le mardi 2 décembre à 9 h 30 avec Dr Roux. À bientôt\u202F!',
    );
    expect(reminderReplyText('ask_cancel', 'fr', appointment)).toBe(
      'Vous voulez bien annuler votre rendez-vous du mardi 2 décembre à 9 h 30 avec Dr Roux\u202F?',
    );
    expect(reminderReplyText('ask_confirm_moved', 'en', appointment)).toBe(
      'Your appointment has been moved: it is now on Tuesday 2 December at 9:30 am with Dr Roux. Do you confirm you will come?',
    );
    expect(reminderReplyText('cancelled', 'en', appointment)).toBe(
      'Your appointment on Tuesday 2 December at 9:30 am with Dr Roux is cancelled. To book another one, write to us here.',
    );
    expect(reminderReplyText('already_cancelled', 'fr', appointment)).toContain('était déjà annulé');
    expect(reminderReplyText('past', 'en', appointment)).toContain('has already passed');
    expect(reminderReplyText('unknown', 'fr', null)).toContain('Nous ne retrouvons pas ce rendez-vous');
  });
});
