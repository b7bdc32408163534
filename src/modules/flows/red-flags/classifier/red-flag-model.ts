import { z } from 'zod';

/**
 * A multinomial logistic regression over `messageFeatures`, stored small: the features it kept, and for
 * each one a weight per class quantised to a signed byte (`weights`, base64, features × classes, times
 * `scale`). Class 0 is `ordinary`; the others are red-flag categories.
 */
export const storedRedFlagModelSchema = z.strictObject({
  /** SHA-256 of the phrasings it was trained on: tells when the evaluation set moved on without it. */
  trainedOn: z.string().regex(/^[0-9a-f]{64}$/),
  classes: z.array(z.string()).min(2),
  bias: z.array(z.number()),
  scale: z.number().positive(),
  features: z.array(z.string()),
  weights: z.base64(),
});

export type StoredRedFlagModel = z.infer<typeof storedRedFlagModelSchema>;

export interface RedFlagModel {
  trainedOn: string;
  classes: readonly string[];
  bias: readonly number[];
  /** Each feature's weight per class, in class order. */
  weights: ReadonlyMap<string, Float64Array>;
  /**
   * Every word some feature is made of (without the `~` of a denied word): a word outside it cannot be
   * part of a known feature, so reading a message skips it without building its pairs.
   */
  vocabulary: ReadonlySet<string>;
}

/** The words of a feature: one word, or two separated by a space, each perhaps marked denied (`~`). */
export function featureWords(feature: string): string[] {
  return feature.split(' ').map((word) => (word.startsWith('~') ? word.slice(1) : word));
}

export function loadedModel(stored: StoredRedFlagModel): RedFlagModel {
  const bytes = new Int8Array(Buffer.from(stored.weights, 'base64'));
  const k = stored.classes.length;
  if (bytes.length !== stored.features.length * k)
    throw new Error('red-flag model: weights do not match features');
  const weights = new Map<string, Float64Array>();
  stored.features.forEach((feature, at) => {
    weights.set(
      feature,
      Float64Array.from(bytes.subarray(at * k, at * k + k), (byte) => byte * stored.scale),
    );
  });
  const vocabulary = new Set(stored.features.flatMap(featureWords));
  return { trainedOn: stored.trainedOn, classes: stored.classes, bias: stored.bias, weights, vocabulary };
}

/** The probability of each class for a message's features. */
export function classProbabilities(
  model: RedFlagModel,
  features: readonly string[],
  ordinaryBoost = 0,
): number[] {
  const scores = biasScores(model, ordinaryBoost);
  for (const feature of features) {
    const weights = model.weights.get(feature);
    if (weights === undefined) continue;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) + (weights[c] ?? 0);
  }
  return probabilitiesOfScores(scores);
}

/** Each class's score before any feature is weighed: its bias, the ordinary class's boosted. */
export function biasScores(model: RedFlagModel, ordinaryBoost: number): number[] {
  const scores = [...model.bias];
  scores[0] = (scores[0] ?? 0) + ordinaryBoost;
  return scores;
}

/** The scores (log-odds) made probabilities: a softmax. */
export function probabilitiesOfScores(scores: readonly number[]): number[] {
  const highest = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - highest));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
