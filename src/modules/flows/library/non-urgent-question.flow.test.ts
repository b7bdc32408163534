import { describe, expect, test } from 'vitest';
import { effectOf, FlowChat, hostContext, notes, sent, transcript } from './flow-chat.test-support.ts';
import { nonUrgentQuestionFlow } from './non-urgent-question.flow.ts';

function chat(language: 'fr' | 'en' = 'fr'): FlowChat {
  return new FlowChat(nonUrgentQuestionFlow.definition, hostContext({ language }));
}

describe('non-urgent medical question', () => {
  test('the question goes to the nurses, with a note, and the patient is told when they will answer', () => {
    const patient = chat();
    expect(transcript(patient.start())).toContain('Quelle est votre question ?');
    expect(
      transcript(patient.say('Puis-je prendre de l’ibuprofène avec mon traitement pour la tension ?')),
    ).toContain('Depuis quand ?');
    const effects = patient.say('-');
    expect(transcript(effects)).toContain('sous 48 h ouvrées');
    expect(notes(effects)).toEqual([
      '❓ Question médicale non urgente (réponse promise sous 48 h ouvrées)\n' +
        'Question : Puis-je prendre de l’ibuprofène avec mon traitement pour la tension ?\n' +
        'Depuis : -',
    ]);
    expect(effectOf(effects, 'assign')?.target).toEqual({ team: 'Infirmiers' });
    expect(effectOf(effects, 'handoff')).toEqual({
      type: 'handoff',
      reason: 'non_urgent_question',
      urgent: false,
    });
    expect(effects.map((effect) => effect.type)).toEqual(['send', 'add_note', 'assign', 'handoff', 'end']);
    expect(patient.status).toBe('handed_off');
  });

  test('a red flag in an answer stops it: urgent handoff, no confirmation of a 48-hour delay', () => {
    const patient = chat();
    patient.start();
    patient.say('Ma toux ne passe pas');
    const effects = patient.say('depuis hier et je n’arrive plus à respirer');
    expect(effectOf(effects, 'red_flag')).toMatchObject({
      category: 'breathing_difficulty',
      stepId: 'since',
    });
    expect(effectOf(effects, 'handoff')).toMatchObject({ reason: 'red_flag', urgent: true });
    expect(notes(effects)[0]).toContain('Question : Ma toux ne passe pas');
    expect(sent(effects)).toEqual([]);
    expect(effectOf(effects, 'assign')).toBeUndefined();
    expect(patient.status).toBe('handed_off');
  });

  test('an English patient is asked and answered in English', () => {
    const patient = chat('en');
    expect(transcript(patient.start())).toContain('What is your question?');
    expect(transcript(patient.say('Can I take ibuprofen with my blood pressure pills?'))).toContain(
      'Since when?',
    );
    expect(transcript(patient.say('-'))).toContain('within 2 working days');
  });
});
