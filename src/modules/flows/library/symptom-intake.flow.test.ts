import { describe, expect, test } from 'vitest';
import type { FlowEffect } from '../engine/index.ts';
import { effectOf, FlowChat, hostContext, notes, sent, shown, transcript } from './flow-chat.test-support.ts';
import { symptomIntakeFlow } from './symptom-intake.flow.ts';

function chat(language: 'fr' | 'en' = 'fr', fields: Record<string, string> = {}): FlowChat {
  const patient = new FlowChat(symptomIntakeFlow.definition, hostContext({ language, fields }));
  patient.start();
  return patient;
}

/** Answers the questions in order and returns what the last answer caused. */
function answer(patient: FlowChat, ...replies: string[]): FlowEffect[] {
  let effects: FlowEffect[] = [];
  for (const reply of replies) effects = patient.say(reply);
  return effects;
}

/** Nothing more is asked: the patient is with people, and the flow takes no further answer. */
function expectNoMoreQuestions(patient: FlowChat, effects: FlowEffect[]): void {
  expect(sent(effects)).toEqual([]);
  expect(patient.status).toBe('handed_off');
  expect(patient.say('et maintenant ?')).toEqual([]);
}

describe('symptom intake: red flags stop it at once', () => {
  test('chest pain as the main complaint', () => {
    const patient = chat();
    const effects = patient.say('j’ai une douleur dans la poitrine');
    expect(effectOf(effects, 'red_flag')).toMatchObject({ category: 'chest_pain', stepId: 'complaint' });
    expect(effectOf(effects, 'handoff')).toMatchObject({ reason: 'red_flag', urgent: true });
    expect(notes(effects)[0]).toContain('Motif : j’ai une douleur dans la poitrine');
    // The answers are medical: the front desk does not read them, clinicians do.
    expect(effectOf(effects, 'add_note')).toMatchObject({ medical: true });
    expectNoMoreQuestions(patient, effects);
  });

  test('breathlessness in the last answer, with the earlier answers in the note', () => {
    const patient = chat();
    const effects = answer(
      patient,
      'de la toux',
      'depuis 5 jours',
      '6',
      '40',
      'non',
      'je n’arrive plus à respirer',
    );
    expect(effectOf(effects, 'red_flag')).toMatchObject({
      category: 'breathing_difficulty',
      stepId: 'treatments',
    });
    expect(effectOf(effects, 'handoff')?.urgent).toBe(true);
    const [note] = notes(effects);
    for (const line of [
      'Motif : de la toux',
      'Depuis : depuis 5 jours',
      'Intensité (0–10) : 6',
      'Âge (ans) : 40',
    ]) {
      expect(note).toContain(line);
    }
    expect(note).toContain('Grossesse : non');
    expectNoMoreQuestions(patient, effects);
  });

  test('even where a number is expected', () => {
    const patient = chat();
    const effects = answer(patient, 'mal à la tête', 'depuis ce matin', 'j’ai une douleur dans la poitrine');
    expect(effectOf(effects, 'red_flag')?.category).toBe('chest_pain');
    expectNoMoreQuestions(patient, effects);
  });
});

describe('symptom intake: who answers', () => {
  test('a child with a fever goes to Pédiatrie, without being asked about pregnancy', () => {
    const patient = chat();
    const afterAge = answer(patient, 'Mon fils a de la fièvre et tousse', 'depuis hier', '5', '6');
    expect(transcript(afterAge)).toContain('médicaments');
    const effects = patient.say('Doliprane');
    expect(effectOf(effects, 'assign')?.target).toEqual({ team: 'Pédiatrie' });
    expect(transcript(effects)).toContain('l’équipe de pédiatrie');
    expect(effectOf(effects, 'handoff')).toMatchObject({ reason: 'symptom_intake', urgent: false });
    expect(notes(effects)).toEqual([
      [
        '📋 Questionnaire symptômes',
        'Motif : Mon fils a de la fièvre et tousse',
        'Depuis : depuis hier',
        'Intensité (0–10) : 5',
        'Âge (ans) : 6',
        'Grossesse : non demandée',
        'Traitements en cours : Doliprane',
      ].join('\n'),
    ]);
    expect(patient.status).toBe('handed_off');
  });

  test('an adult with itchy spots goes to Dermatologie; pregnancy is asked with three buttons', () => {
    const patient = chat();
    const pregnancy = sent(answer(patient, 'des boutons qui grattent', 'depuis 2 semaines', '3', '34 ans'));
    expect(pregnancy[0]?.type).toBe('buttons');
    expect(shown(pregnancy[0])).toEqual({
      text: 'Êtes-vous enceinte ? (ou la personne pour qui vous écrivez)',
      options: ['Oui', 'Non', 'Non concerné(e)'],
    });
    patient.tap('yes');
    const effects = patient.say('aucun');
    expect(effectOf(effects, 'assign')?.target).toEqual({ team: 'Dermatologie' });
    const [note] = notes(effects);
    expect(note).toContain('Grossesse : OUI');
    expect(note).toContain('Traitements en cours : aucun');
  });

  test.each([
    ['sex', 'M'],
    ['gender', 'Homme'],
    ['sex', 'male'],
  ])('a patient recorded male (%s: %s) is not asked about pregnancy; the note says so', (field, value) => {
    const patient = chat('fr', { [field]: value });
    const next = sent(answer(patient, 'mal au ventre', 'depuis hier', '4', '34'));
    expect(shown(next[0]).text).toMatch(/^Prenez-vous actuellement des médicaments/);
    const [note] = notes(patient.say('aucun'));
    expect(note).toContain('Grossesse : non demandée');
  });

  test('a patient recorded female, or with no sex recorded, is asked', () => {
    const records: Array<Record<string, string>> = [{ sex: 'F' }, {}];
    for (const fields of records) {
      const patient = chat('fr', fields);
      const next = sent(answer(patient, 'mal au ventre', 'depuis hier', '4', '34'));
      expect(shown(next[0]).text).toBe('Êtes-vous enceinte ? (ou la personne pour qui vous écrivez)');
    }
  });

  test('the intro and the acknowledgement name the clinic’s emergency number', () => {
    const patient = new FlowChat(symptomIntakeFlow.definition, hostContext());
    expect(transcript(patient.start())).toContain(
      'En cas d’urgence, n’attendez pas : appelez le 15 (ou le 112).',
    );
    const effects = answer(patient, 'mal à la gorge', 'depuis 3 jours', '4', '70', 'aucun');
    expect(transcript(effects)).toContain('en cas d’urgence, appelez le 15 (ou le 112).');
    const london = new FlowChat(
      symptomIntakeFlow.definition,
      hostContext({ language: 'en', emergencyNumbers: { emergency: '999' } }),
    );
    expect(transcript(london.start())).toContain('In an emergency, do not wait: call 999.');
  });

  test.each([
    ['mal à la gorge', '45', 'Médecine générale'],
    ['eczéma sur les mains', '8', 'Pédiatrie'],
    ['une plaque rouge sur la peau du bras', '70', 'Dermatologie'],
    ['douleurs au genou', '15', 'Pédiatrie'],
    ['douleurs au genou', '16', 'Médecine générale'],
  ])('"%s" at %s years goes to %s', (complaint, age, team) => {
    const patient = chat();
    answer(patient, complaint, 'depuis 3 jours', '4', age);
    if (patient.session?.stepId === 'pregnancy') patient.say('non concerne');
    expect(effectOf(patient.say('aucun'), 'assign')?.target).toEqual({ team });
  });

  test('a severity of 9 stops the questions: a calm message, an urgent handoff to a doctor', () => {
    const patient = chat();
    const effects = answer(patient, 'mal au dos', 'depuis hier soir', '9');
    expect(effectOf(effects, 'assign')?.target).toEqual({ team: 'Médecine générale' });
    expect(effectOf(effects, 'handoff')).toMatchObject({ reason: 'severe_symptoms', urgent: true });
    expect(effectOf(effects, 'red_flag')).toBeUndefined();
    const text = transcript(effects);
    expect(text).toContain('en priorité à un médecin');
    expect(text).not.toContain('Quel âge');
    const [note] = notes(effects);
    for (const line of ['Motif : mal au dos', 'Depuis : depuis hier soir', 'Intensité (0–10) : 9']) {
      expect(note).toContain(line);
    }
    expect(patient.status).toBe('handed_off');
  });

  test('a severity of 7 does not', () => {
    const patient = chat();
    const effects = answer(patient, 'mal au dos', 'depuis hier soir', '7');
    expect(transcript(effects)).toContain('Quel âge');
    expect(effectOf(effects, 'handoff')).toBeUndefined();
  });

  test('a severity out of range is asked again with the range; three misses go to a person', () => {
    const patient = chat();
    expect(transcript(answer(patient, 'mal au dos', 'depuis hier', '12'))).toBe(
      'Merci de répondre par un nombre entre 0 et 10.',
    );
    patient.say('beaucoup');
    const effects = patient.say('très fort');
    expect(effectOf(effects, 'assign')?.target).toEqual({ team: 'Médecine générale' });
    expect(notes(effects)[0]).toContain('incomplet');
    expect(notes(effects)[0]).toContain('Motif : mal au dos');
    expect(patient.status).toBe('handed_off');
  });
});

describe('symptom intake in English', () => {
  test('an English patient is asked in English; the team’s note stays in the clinic’s French', () => {
    const patient = chat('en');
    expect(transcript(patient.say('itchy rash on my arm'))).toBe(
      'Since when? (for example “for 3 days”, “since this morning”)',
    );
    expect(transcript(patient.say('since Monday'))).toContain('On a scale of 0 to 10');
    expect(transcript(patient.say('2'))).toContain('How old is the person');
    expect(shown(sent(patient.say('29'))[0]).options).toEqual(['Yes', 'No', 'Not applicable']);
    expect(transcript(patient.say('No'))).toContain('List them, or reply “none”');
    const effects = patient.say('none');
    expect(effectOf(effects, 'assign')?.target).toEqual({ team: 'Dermatologie' });
    expect(transcript(effects)).toContain('our dermatology team');
    expect(notes(effects)[0]).toContain('Motif : itchy rash on my arm');
  });
});
