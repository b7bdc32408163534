import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EVALUATION_EMERGENCIES, EVALUATION_ORDINARY } from '../evaluation/evaluation-set.ts';
import { tokenise } from '../tokenise.ts';
import { knownFeatureIds, probabilitiesOfTokens } from './feature-weights.ts';
import { tokenFeatures } from './message-features.ts';
import { RED_FLAG_MODEL_PATH } from './red-flag-classifier.ts';
import { classProbabilities, loadedModel, storedRedFlagModelSchema } from './red-flag-model.ts';

const model = loadedModel(
  storedRedFlagModelSchema.parse(JSON.parse(readFileSync(RED_FLAG_MODEL_PATH, 'utf8'))),
);

const featureNames = [...model.weights.keys()];

/** The reference: the features' strings that the model knows. */
function knownFeatureStrings(text: string): string[] {
  return tokenFeatures(tokenise(text), model.vocabulary).filter((feature) => model.weights.has(feature));
}

const messages = [
  ...EVALUATION_EMERGENCIES.map(([message]) => message),
  ...EVALUATION_ORDINARY,
  // Both sets run together, a clause break lost: pairs across what were two messages.
  ...EVALUATION_ORDINARY.map((message, i) => `${message} ${EVALUATION_ORDINARY[i + 1] ?? ''}`),
  'no chest pain. pas de fièvre mais une raideur de la nuque, not fainted but 39,5',
];

describe('the classifier read through its index of features', () => {
  test('finds the features the strings name, in the same order', () => {
    for (const message of messages) {
      const found = knownFeatureIds(tokenise(message), model).map((id) => featureNames[id]);
      expect(found, message).toEqual(knownFeatureStrings(message));
    }
  });

  test('gives the probabilities of classProbabilities, to the last bit', () => {
    for (const message of messages) {
      const expected = knownFeatureStrings(message);
      const found = probabilitiesOfTokens(tokenise(message), model, 3);
      if (expected.length === 0) expect(found, message).toBeNull();
      else expect(found, message).toEqual(classProbabilities(model, expected, 3));
    }
  });
});
