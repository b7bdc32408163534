import { describe, expect, test } from 'vitest';
import { faqMenuFlow } from './faq-menu.flow.ts';
import {
  effectOf,
  FlowChat,
  hostContext,
  sent,
  shown,
  TEXT_ONLY,
  transcript,
} from './flow-chat.test-support.ts';

const MAIN_MENU_FR = [
  'Conseils santé',
  'Questions fréquentes',
  'Question médicale',
  'Prendre rendez-vous',
  'Autre chose',
];

function chat(options: Parameters<typeof hostContext>[0] = {}): FlowChat {
  return new FlowChat(faqMenuFlow.definition, hostContext(options));
}

describe('FAQ menu on WhatsApp', () => {
  test('the welcome names the emergency number the clinic set, in the patient’s language', () => {
    const [alone] = sent(chat({ emergencyNumbers: { emergency: '112' } }).start());
    expect(shown(alone).text).toContain('appelez le 112.');
    const [english] = sent(chat({ language: 'en' }).start());
    expect(shown(english).text).toContain('In an emergency, do not wait for our reply: call 15 (or 112).');
  });

  test('welcomes the patient by the clinic’s name, then lists what they can do', () => {
    const [welcome, menu] = sent(chat().start());
    expect(shown(welcome).text).toContain('Bienvenue chez Cabinet Dupont');
    expect(shown(welcome).text).toContain(
      'En cas d’urgence, n’attendez pas notre réponse : appelez le 15 (ou le 112).',
    );
    // The colon is held to its word by a no-break space: it never starts a line on the phone.
    expect(welcome?.type === 'text' ? welcome.text : '').toContain('réponse\u00A0: appelez');
    expect(menu?.type).toBe('list');
    expect(shown(menu).options).toEqual(MAIN_MENU_FR);
  });

  test('FAQ by its number, a question by its title typed without accents, then back to the menu', () => {
    const patient = chat();
    patient.start();

    const faq = sent(patient.say('2'));
    expect(shown(faq[0]).text).toBe('Quelle est votre question ?');
    expect(shown(faq[0]).options).toEqual([
      'Horaires d’ouverture',
      'Adresse et accès',
      'Documents à apporter',
      'Ordonnance à renouveler',
      'Retour au menu',
    ]);

    const answer = sent(patient.say('documents a apporter'));
    expect(answer[0]?.type).toBe('buttons');
    expect(shown(answer[0]).text).toContain('Carte Vitale');
    expect(shown(answer[0]).options).toEqual(['Autres questions', 'Menu principal', 'Parler à quelqu’un']);

    const menu = sent(patient.tap('menu'));
    expect(shown(menu[0]).options).toEqual(MAIN_MENU_FR);
    expect(patient.status).toBe('waiting_input');
  });

  test('health tips: a tip, then other tips', () => {
    const patient = chat();
    patient.start();
    expect(shown(sent(patient.say('conseils sante'))[0]).options).toContain('Fièvre chez l’adulte');
    expect(transcript(patient.tap('fever'))).toContain('38 °C');
    expect(shown(sent(patient.tap('more'))[0]).text).toBe('Quel conseil vous intéresse ?');
  });

  test('a non-urgent medical question starts its own flow', () => {
    const patient = chat();
    patient.start();
    const effects = patient.tap('question');
    expect(effectOf(effects, 'start_flow')).toEqual({ type: 'start_flow', flowKey: 'non_urgent_question' });
    expect(patient.status).toBe('completed');
  });

  test('an appointment starts booking by chat', () => {
    const patient = chat();
    patient.start();
    const effects = patient.say('rdv');
    expect(effectOf(effects, 'start_flow')).toEqual({ type: 'start_flow', flowKey: 'booking' });
    expect(patient.status).toBe('completed');
  });

  test('"something else", or talking to someone after an answer, goes to reception', () => {
    const other = chat();
    other.start();
    expect(effectOf(other.tap('other'), 'assign')?.target).toEqual({ team: 'Accueil' });
    expect(other.status).toBe('handed_off');

    const afterAnswer = chat();
    afterAnswer.start();
    afterAnswer.tap('faq');
    afterAnswer.tap('hours');
    expect(effectOf(afterAnswer.say('Parler a quelqu un'), 'assign')?.target).toEqual({ team: 'Accueil' });
    expect(afterAnswer.status).toBe('handed_off');
  });

  test('a patient who writes instead of choosing is shown the menu again once, then goes to reception', () => {
    const patient = chat();
    patient.start();
    const retry = sent(patient.say('Est-ce que le docteur Martin consulte samedi ?'));
    expect(shown(retry[0]).options).toEqual(MAIN_MENU_FR);
    const effects = patient.say('le docteur Martin samedi ?');
    expect(effectOf(effects, 'assign')?.target).toEqual({ team: 'Accueil' });
    expect(effectOf(effects, 'handoff')?.note).toContain('n’a pas compris');
    expect(patient.status).toBe('handed_off');
  });

  test('an English patient reads English', () => {
    const patient = chat({ language: 'en' });
    const [welcome, menu] = sent(patient.start());
    expect(shown(welcome).text).toContain('Welcome to Cabinet Dupont');
    expect(shown(menu).options).toEqual([
      'Health tips',
      'FAQ',
      'Medical question',
      'Book an appointment',
      'Something else',
    ]);
    expect(shown(sent(patient.say('faq'))[0]).options).toContain('Prescription renewal');
  });
});

describe('FAQ menu on a channel without buttons or lists', () => {
  test('menus are numbered texts, answered by number or by title', () => {
    const patient = chat({ channel: TEXT_ONLY });
    const [, menu] = sent(patient.start());
    expect(menu?.type).toBe('text');
    expect(shown(menu).text).toContain('1. Conseils santé — Hydratation, fièvre, médicaments, vaccins');
    expect(shown(menu).text).toContain('5. Autre chose');

    expect(shown(sent(patient.say('2'))[0]).text).toContain('4. Ordonnance à renouveler');
    const answer = shown(sent(patient.say('ordonnance a renouveler'))[0]).text;
    expect(answer).toContain('Renouveler une ordonnance');
    expect(answer).toContain('2. Menu principal');
    expect(shown(sent(patient.say('2'))[0]).text).toContain('Que souhaitez-vous faire ?');
  });
});
