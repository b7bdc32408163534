import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EVALUATION_EMERGENCIES, EVALUATION_ORDINARY } from '../evaluation/evaluation-set.ts';
import { tokenise } from '../tokenise.ts';
import { knownFeatureWeights } from './feature-weights.ts';
import { tokenFeatures } from './message-features.ts';
import { RED_FLAG_MODEL_PATH } from './red-flag-classifier.ts';
import { loadedModel, storedRedFlagModelSchema } from './red-flag-model.ts';

const model = loadedModel(
  storedRedFlagModelSchema.parse(JSON.parse(readFileSync(RED_FLAG_MODEL_PATH, 'utf8'))),
);

/** The reference: the features' strings, looked up one by one. */
function weightsOfFeatureStrings(text: string): Float64Array[] {
  return tokenFeatures(tokenise(text), model.vocabulary).flatMap(
    (feature) => model.weights.get(feature) ?? [],
  );
}

describe('knownFeatureWeights', () => {
  test('the same weights in the same order as the features looked up by their strings', () => {
    const messages = [
      ...EVALUATION_EMERGENCIES.map(([message]) => message),
      ...EVALUATION_ORDINARY,
      // Both sets run together, a clause break lost: pairs across what were two messages.
      ...EVALUATION_ORDINARY.map((message, i) => `${message} ${EVALUATION_ORDINARY[i + 1] ?? ''}`),
      'no chest pain. pas de fièvre mais une raideur de la nuque, not fainted but 39,5',
    ];
    for (const message of messages) {
      const found = knownFeatureWeights(tokenise(message), model);
      const expected = weightsOfFeatureStrings(message);
      // The same arrays of the model, not equal copies.
      expect(found.length, message).toBe(expected.length);
      expect(
        found.every((weights, i) => weights === expected[i]),
        message,
      ).toBe(true);
    }
  });
});
