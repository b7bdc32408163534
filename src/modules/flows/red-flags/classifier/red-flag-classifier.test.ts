import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EVALUATION_EMERGENCIES, EVALUATION_ORDINARY } from '../evaluation/evaluation-set.ts';
import { screenForRedFlags } from '../screen-for-red-flags.ts';
import { messageFeatures } from './message-features.ts';
import { classifyMessage, RED_FLAG_MODEL_PATH } from './red-flag-classifier.ts';
import { loadedModel } from './red-flag-model.ts';
import { fingerprint, trainRedFlagModel } from './train-red-flag-model.ts';

describe('the red-flag classifier', () => {
  test('the stored model was trained on the evaluation set as it is now', () => {
    const stored = JSON.parse(readFileSync(RED_FLAG_MODEL_PATH, 'utf8')) as { trainedOn: string };
    expect(
      stored.trainedOn,
      'the evaluation set changed since the model was trained: run `npm run redflags:train` and commit the model',
    ).toBe(fingerprint({ emergencies: EVALUATION_EMERGENCIES, ordinary: EVALUATION_ORDINARY }));
  });

  test('training is repeatable: the same phrasings give the same model', () => {
    const set = {
      emergencies: EVALUATION_EMERGENCIES.slice(0, 200),
      ordinary: EVALUATION_ORDINARY.slice(0, 100),
    };
    expect(trainRedFlagModel(set)).toEqual(trainRedFlagModel(set));
  });

  test('a denial changes the words it reaches, until the clause or a « mais » ends it', () => {
    expect(messageFeatures('no chest pain')).toEqual([
      'no',
      'chest',
      '~chest',
      'no ~chest',
      'pain',
      '~pain',
      '~chest ~pain',
    ]);
    expect(messageFeatures('pas de fièvre mais une raideur')).toContain('raideur');
    expect(messageFeatures('I have not fainted. My chest hurts')).toContain('chest');
  });

  test.each([
    'Mon fils a de la fièvre et tousse',
    'fièvre et toux depuis hier',
    'I have a fever and a cough',
    'ma fille a 38 de fièvre depuis hier',
    'my son has a temperature and a cough',
    'jai de la fievre et mal a la gorge',
    'I feel sick and dizzy since this morning',
    'I think I have a UTI, it burns when I pee',
    "j'ai vomi deux fois cette nuit",
    'my baby has been crying all night',
  ])('an everyday complaint a GP sees all day is no red flag: %s', (message) => {
    expect(screenForRedFlags(message).findings).toEqual([]);
  });

  test('a message with nothing it knows is no finding', () => {
    expect(classifyMessage('🙂🙂')).toBeNull();
    expect(classifyMessage('')).toBeNull();
  });

  test('reads the words no pattern was written for, and quotes the clause that weighs most', () => {
    // A model trained on a handful of phrasings: what it finds comes from the data, not from the lexicon.
    const model = loadedModel(
      trainRedFlagModel({
        emergencies: [
          ['my chest is crushing and my arm is numb', 'chest_pain'],
          ['crushing in my chest, sweating', 'chest_pain'],
          ['a crushing weight on my chest', 'chest_pain'],
          ['crushing chest, grey and clammy', 'chest_pain'],
          ['his chest feels crushing', 'chest_pain'],
          ['he swallowed all the pills in the box', 'poisoning_overdose'],
          ['she took all the pills', 'poisoning_overdose'],
        ],
        ordinary: [
          'can I book an appointment',
          'thanks, see you on monday',
          'can I book for my son',
          'see you',
        ],
      }),
    );
    const finding = classifyMessage('Hello. Crushing feeling in my chest since lunch. Thanks', model);
    expect(finding?.category).toBe('chest_pain');
    expect(finding?.matched).toBe('Crushing feeling in my chest since lunch.');
    expect(classifyMessage('can I book an appointment for monday', model)).toBeNull();
  });
});
