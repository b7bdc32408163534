import { describe, expect, test } from 'vitest';
import { csatFlow } from './csat.flow.ts';
import {
  effectOf,
  FlowChat,
  hostContext,
  sent,
  shown,
  TEXT_ONLY,
  transcript,
} from './flow-chat.test-support.ts';

function chat(options: Parameters<typeof hostContext>[0] = {}): FlowChat {
  return new FlowChat(csatFlow.definition, hostContext(options));
}

describe('satisfaction survey', () => {
  test('asks for a rating as a list on WhatsApp, not a link', () => {
    const [prompt] = sent(chat().start());
    expect(prompt?.type).toBe('list');
    expect(shown(prompt).text).toContain('Votre conversation avec Cabinet Dupont est terminée');
    expect(shown(prompt).options).toHaveLength(5);
  });

  test('a tapped rating and a comment', () => {
    const patient = chat();
    patient.start();
    expect(transcript(patient.tap('csat_5'))).toContain('Souhaitez-vous ajouter un commentaire ?');
    const effects = patient.say('Très bonne écoute, merci');
    expect(effectOf(effects, 'csat')).toEqual({
      type: 'csat',
      rating: 5,
      comment: 'Très bonne écoute, merci',
    });
    expect(transcript(effects)).toContain('Merci pour votre retour');
    expect(patient.status).toBe('completed');
  });

  test('a typed "4" and no comment', () => {
    const patient = chat();
    patient.start();
    patient.say('4');
    const effects = patient.say('Passer');
    expect(effectOf(effects, 'csat')).toEqual({ type: 'csat', rating: 4 });
    expect(patient.status).toBe('completed');
  });

  test('a rating stands alone when the comment never comes', () => {
    const patient = chat();
    patient.start();
    patient.tap('csat_2');
    expect(effectOf(patient.timerFires(), 'csat')).toEqual({ type: 'csat', rating: 2 });
    expect(patient.status).toBe('completed');
  });

  test('numbered on a channel without lists, answered by number', () => {
    const patient = chat({ channel: TEXT_ONLY, language: 'en' });
    const [prompt] = sent(patient.start());
    expect(prompt?.type).toBe('text');
    expect(shown(prompt).text).toContain('5. ⭐⭐⭐⭐⭐ Very satisfied');
    expect(transcript(patient.say('3'))).toContain('reply “Skip”');
    expect(effectOf(patient.say('skip'), 'csat')).toEqual({ type: 'csat', rating: 3 });
  });

  test('a patient who writes something else is not asked again: the survey steps aside, nothing recorded', () => {
    const patient = chat();
    patient.start();
    const effects = patient.say('j’ai oublié de demander mon ordonnance');
    expect(effectOf(effects, 'csat')).toBeUndefined();
    expect(sent(effects)).toEqual([]);
    expect(effects.some((e) => e.type === 'close_conversation')).toBe(false);
    expect(patient.status).toBe('completed');
  });

  test('after the thanks, the conversation the answer opened is closed', () => {
    const patient = chat();
    patient.start();
    patient.say('5');
    const effects = patient.say('Passer');
    expect(effectOf(effects, 'csat')).toEqual({ type: 'csat', rating: 5 });
    expect(effects.map((e) => e.type)).toContain('close_conversation');
  });
});
