import { describe, expect, test } from 'vitest';
import { buildSmsText } from './build-sms-text.ts';
import { matchChoice, SmsChoices } from './sms-choices.ts';

const reminder = {
  type: 'buttons' as const,
  body: 'Rendez-vous demain à 9h avec le Dr Martin.',
  buttons: [
    { id: 'reminder:a1:confirm', title: 'Confirmer' },
    { id: 'reminder:a1:cancel', title: 'Annuler' },
    { id: 'reminder:a1:reschedule', title: 'Déplacer' },
  ],
};

describe('numbered choices on SMS', () => {
  test('buttons are written as numbered lines under the text', () => {
    expect(buildSmsText(reminder)).toEqual({
      ok: true,
      body: 'Rendez-vous demain à 9h avec le Dr Martin.\n\n1. Confirmer\n2. Annuler\n3. Déplacer',
    });
  });

  test('a list’s rows are numbered across its sections, and come back as list replies', () => {
    const list = {
      type: 'list' as const,
      body: 'Quel créneau ?',
      buttonLabel: 'Choisir',
      sections: [
        { title: 'Matin', rows: [{ id: 'm9', title: '9h' }] },
        { title: 'Après-midi', rows: [{ id: 'a14', title: '14h' }] },
      ],
    };
    expect(buildSmsText(list)).toMatchObject({ ok: true, body: 'Quel créneau ?\n\n1. 9h\n2. 14h' });
    const choices = new SmsChoices();
    choices.remember('+33757000001', '+33612000001', list);
    expect(choices.match('+33757000001', '+33612000001', '2')).toEqual({
      id: 'a14',
      title: '14h',
      from: 'list',
    });
  });

  test.each([
    ['2', 'reminder:a1:cancel'],
    [' 3. ', 'reminder:a1:reschedule'],
    ['1)', 'reminder:a1:confirm'],
    ['#2', 'reminder:a1:cancel'],
    ['CONFIRMER', 'reminder:a1:confirm'],
    ['deplacer !', 'reminder:a1:reschedule'],
    ['annuler', 'reminder:a1:cancel'],
  ])('%j is the choice %s', (text, id) => {
    const choices = new SmsChoices();
    choices.remember('+33757000001', '+33612000001', reminder);
    expect(choices.match('+33757000001', '+33612000001', text)?.id).toBe(id);
  });

  test('a number out of range, other words, another patient or another number are no choice', () => {
    const choices = new SmsChoices();
    choices.remember('+33757000001', '+33612000001', reminder);
    expect(choices.match('+33757000001', '+33612000001', '4')).toBeNull();
    expect(choices.match('+33757000001', '+33612000001', 'je préfère annuler')).toBeNull();
    expect(choices.match('+33757000001', '+33612000002', '2')).toBeNull();
    expect(choices.match('+33757000002', '+33612000001', '2')).toBeNull();
  });

  test('a plain text sent afterwards ends the menu', () => {
    const choices = new SmsChoices();
    choices.remember('+33757000001', '+33612000001', reminder);
    choices.remember('+33757000001', '+33612000001', { type: 'text', text: 'À demain' });
    expect(choices.match('+33757000001', '+33612000001', '2')).toBeNull();
  });

  test('the carriers’ keywords are never a choice, even one of that title: the number answers them', () => {
    const english = [
      { id: 'confirm', title: 'Confirm', from: 'buttons' as const },
      { id: 'cancel', title: 'Cancel', from: 'buttons' as const },
    ];
    expect(matchChoice(english, 'Cancel')).toBeNull();
    expect(matchChoice(english, 'STOP')).toBeNull();
    expect(matchChoice(english, '2')?.id).toBe('cancel');
    expect(matchChoice(english, 'confirm')?.id).toBe('confirm');
  });

  test('what an SMS cannot carry is refused with the field to fix', () => {
    expect(buildSmsText({ type: 'image', media: { url: 'https://example.org/a.png' } })).toMatchObject({
      ok: false,
      violations: [{ field: 'type' }],
    });
    expect(buildSmsText({ type: 'text', text: 'a'.repeat(1601) })).toMatchObject({
      ok: false,
      violations: [{ field: 'text', actual: 1601 }],
    });
  });
});
