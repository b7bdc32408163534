import { describe, expect, test } from 'vitest';
import { CONSENT_PURPOSES } from './consent.schema.ts';
import { isHelpKeyword, isProviderStop, matchConsentKeyword } from './consent-keyword.ts';
import { consentKeywordConfirmation, smsHelpAnswer } from './consent-texts.ts';

describe('consent keywords', () => {
  test.each([
    ['STOP', 'withdraw_all'],
    ['stop', 'withdraw_all'],
    ['  Stop. ', 'withdraw_all'],
    ['STOP!!!', 'withdraw_all'],
    ['ARRÊT', 'withdraw_all'],
    ['arret', 'withdraw_all'],
    ['Arrêt !', 'withdraw_all'],
    ['UNSUBSCRIBE', 'withdraw_all'],
    ['Désabonner', 'withdraw_all'],
    ['DESABONNER', 'withdraw_all'],
    ['STOP RAPPELS', 'withdraw_reminders'],
    ['stop   rappels', 'withdraw_reminders'],
    ['Stop-rappels', 'withdraw_reminders'],
    ['STOP REMINDERS', 'withdraw_reminders'],
    ['START', 'restore_reminders'],
    ['start.', 'restore_reminders'],
    ['REPRENDRE', 'restore_reminders'],
    ['Unstop', 'restore_reminders'],
    ['RESUME', 'restore_reminders'],
    ['résumé', 'restore_reminders'],
    ['STOP CONSEILS', 'withdraw_health_information'],
    ['stop conseils !', 'withdraw_health_information'],
    ['Stop Infos', 'withdraw_health_information'],
    ['STOP INFO', 'withdraw_health_information'],
    ['stop health tips', 'withdraw_health_information'],
    ['STOP NEWS.', 'withdraw_health_information'],
    ['START CONSEILS', 'restore_health_information'],
    ['start infos', 'restore_health_information'],
    ['START INFO', 'restore_health_information'],
    ['Start health tips', 'restore_health_information'],
  ])('%j is a keyword: %s', (text, kind) => {
    expect(matchConsentKeyword(text)?.action.kind).toBe(kind);
  });

  test.each([
    'stop the pain please',
    'Je voudrais arrêter mon traitement',
    'Ne pas stop',
    'stopper',
    'STOP RAPPELS SVP merci beaucoup',
    'stop conseils de sport',
    'les infos',
    'start date?',
    'Bonjour',
    '',
  ])('%j is a patient talking, not a keyword', (text) => {
    expect(matchConsentKeyword(text)).toBeNull();
  });

  test('STOP withdraws every purpose; STOP RAPPELS only reminders; START restores only reminders', () => {
    expect(matchConsentKeyword('STOP')).toMatchObject({ purposes: CONSENT_PURPOSES, granted: false });
    expect(matchConsentKeyword('STOP RAPPELS')).toMatchObject({
      purposes: ['appointment_reminders'],
      granted: false,
    });
    expect(matchConsentKeyword('START')).toMatchObject({
      purposes: ['appointment_reminders'],
      granted: true,
    });
  });

  test('STOP CONSEILS / STOP INFO withdraw health information only; START CONSEILS brings it back', () => {
    expect(matchConsentKeyword('STOP CONSEILS')).toMatchObject({
      purposes: ['health_information'],
      granted: false,
    });
    expect(matchConsentKeyword('stop info', 'sms')).toMatchObject({
      purposes: ['health_information'],
      granted: false,
    });
    expect(matchConsentKeyword('START CONSEILS')).toMatchObject({
      purposes: ['health_information'],
      granted: true,
    });
    expect(isProviderStop('STOP CONSEILS', 'sms')).toBe(false);
    expect(consentKeywordConfirmation({ kind: 'withdraw_health_information' }, 'fr', 'Belleville')).toBe(
      'C’est noté : vous ne recevrez plus les conseils et informations de santé de Belleville sur WhatsApp. Vos rappels de rendez-vous continuent. Pour les recevoir de nouveau, répondez START CONSEILS.',
    );
    expect(
      consentKeywordConfirmation({ kind: 'restore_health_information' }, 'en', 'Belleville', 'Telegram'),
    ).toBe(
      'Done: you will receive health tips and information from Belleville on Telegram again. To stop them, reply STOP INFO.',
    );
  });

  test('the confirmation says what changed and how to undo it, in the patient’s language', () => {
    const all = consentKeywordConfirmation({ kind: 'withdraw_all' }, 'fr', 'Centre Belleville');
    expect(all).toContain('Centre Belleville ne vous enverra plus de messages automatiques');
    expect(all).toContain('répondez START');
    expect(consentKeywordConfirmation({ kind: 'withdraw_reminders' }, 'en', 'Belleville')).toBe(
      'Done: you will no longer receive appointment reminders from Belleville on WhatsApp. To get them again, reply START.',
    );
    expect(consentKeywordConfirmation({ kind: 'restore_reminders' }, 'fr', 'Belleville')).toContain(
      'Pour les arrêter, répondez STOP RAPPELS.',
    );
  });

  test('Telegram’s « /start », sent by the app when a person opens a bot, is a greeting, not START', () => {
    expect(matchConsentKeyword('/start')).toBeNull();
    expect(matchConsentKeyword('/start@clinique_du_parc_bot')).toBeNull();
    expect(matchConsentKeyword('/START')).toBeNull();
    expect(matchConsentKeyword('START')).toMatchObject({ granted: true });
    expect(matchConsentKeyword('/stop')).toMatchObject({ granted: false });
  });

  test('the confirmation names the app the patient wrote from', () => {
    expect(consentKeywordConfirmation({ kind: 'withdraw_all' }, 'fr', 'Belleville', 'Telegram')).toContain(
      'messages automatiques sur Telegram',
    );
    expect(
      consentKeywordConfirmation({ kind: 'restore_reminders' }, 'en', 'Belleville', 'Messenger'),
    ).toContain('at Belleville on Messenger again');
  });

  test('on SMS, the carriers’ STOPALL, CANCEL, END and QUIT withdraw too; elsewhere they are words', () => {
    for (const word of ['STOPALL', 'Cancel', 'end', 'QUIT.', 'STOP', 'Arrêt'])
      expect(matchConsentKeyword(word, 'sms'), word).toMatchObject({
        granted: false,
        purposes: CONSENT_PURPOSES,
      });
    for (const word of ['STOPALL', 'Cancel', 'end', 'QUIT'])
      expect(matchConsentKeyword(word, 'whatsapp'), word).toBeNull();
    expect(matchConsentKeyword('UNSTOP', 'sms')).toMatchObject({ granted: true });
    expect(matchConsentKeyword('cancel my appointment', 'sms')).toBeNull();
  });

  test('HELP and AIDE are answered on SMS only, with the clinic’s name and how to stop', () => {
    expect(isHelpKeyword('HELP', 'sms')).toBe(true);
    expect(isHelpKeyword('aide !', 'sms')).toBe(true);
    expect(isHelpKeyword('help', 'whatsapp')).toBe(false);
    expect(isHelpKeyword('help me please', 'sms')).toBe(false);
    expect(smsHelpAnswer('fr', 'Centre Belleville')).toMatch(/^Centre Belleville : .*Répondez STOP/);
    expect(smsHelpAnswer('en', 'Belleville')).toContain('Reply STOP to stop these texts');
  });

  test('only the SMS provider’s own opt-out words go unconfirmed: it answers them and blocks what follows', () => {
    for (const word of ['STOP', 'stopall', 'Cancel', 'END', 'quit', 'UNSUBSCRIBE'])
      expect(isProviderStop(word, 'sms'), word).toBe(true);
    expect(isProviderStop('ARRÊT', 'sms')).toBe(false);
    expect(isProviderStop('STOP RAPPELS', 'sms')).toBe(false);
    expect(isProviderStop('STOP', 'whatsapp')).toBe(false);
  });
});
