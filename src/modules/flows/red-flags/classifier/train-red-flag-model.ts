import { createHash } from 'node:crypto';
import type { RedFlagCategory } from '../red-flag-category.ts';
import { messageFeatures } from './message-features.ts';
import type { StoredRedFlagModel } from './red-flag-model.ts';

export interface TrainingSet {
  emergencies: ReadonlyArray<readonly [message: string, category: RedFlagCategory]>;
  ordinary: readonly string[];
}

const EPOCHS = 12;
const L2 = 1e-5;
const LEARNING_RATE = 0.5;
/** Features seen in fewer phrasings than this are noise (a name, a typo once): they are left out. */
const MIN_PHRASINGS = 2;
/** A feature whose weights are all closer to zero than this changes no decision: it is left out. */
const MIN_WEIGHT = 0.05;

/**
 * Trains the classifier on the evaluation set (softmax regression, AdaGrad). Deterministic: the same
 * phrasings give the same model on any machine, so the stored model can be checked against its data.
 */
export function trainRedFlagModel(set: TrainingSet): StoredRedFlagModel {
  const classes = ['ordinary', ...new Set(set.emergencies.map(([, category]) => category))].sort((a, b) =>
    a === 'ordinary' ? -1 : b === 'ordinary' ? 1 : a.localeCompare(b),
  );
  const examples = [
    ...set.emergencies.map(([message, category]) => ({
      features: messageFeatures(message),
      label: classes.indexOf(category),
    })),
    ...set.ordinary.map((message) => ({ features: messageFeatures(message), label: 0 })),
  ];
  const seenIn = new Map<string, number>();
  for (const { features } of examples)
    for (const feature of features) seenIn.set(feature, (seenIn.get(feature) ?? 0) + 1);
  const vocabulary = [...seenIn.keys()]
    .filter((feature) => (seenIn.get(feature) ?? 0) >= MIN_PHRASINGS)
    .sort();
  const indexOf = new Map(vocabulary.map((feature, index) => [feature, index]));
  const rows = examples.map(({ features, label }) => ({
    at: features.flatMap((feature) => indexOf.get(feature) ?? []),
    label,
  }));

  const k = classes.length;
  const weights = new Float64Array(vocabulary.length * k);
  const squares = new Float64Array(vocabulary.length * k);
  const bias = new Float64Array(k);
  const biasSquares = new Float64Array(k);
  const random = seededRandom(0x5eed);
  const order = rows.map((_, index) => index);
  const scores = new Float64Array(k);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const row = rows[index];
      if (row === undefined) continue;
      scores.set(bias);
      for (const at of row.at) for (let c = 0; c < k; c++) add(scores, c, weights[at * k + c] ?? 0);
      softmaxInPlace(scores);
      for (let c = 0; c < k; c++) {
        const error = (scores[c] ?? 0) - (c === row.label ? 1 : 0);
        adaGradStep(bias, biasSquares, c, error);
        for (const at of row.at) {
          const i = at * k + c;
          adaGradStep(weights, squares, i, error + L2 * (weights[i] ?? 0));
        }
      }
    }
  }

  const features: string[] = [];
  const kept: number[] = [];
  let largest = 0;
  vocabulary.forEach((feature, at) => {
    const row = weights.subarray(at * k, at * k + k);
    if (!row.some((weight) => Math.abs(weight) >= MIN_WEIGHT)) return;
    features.push(feature);
    for (const weight of row) {
      kept.push(weight);
      largest = Math.max(largest, Math.abs(weight));
    }
  });
  const scale = largest / 127 || 1;
  const bytes = Int8Array.from(kept, (weight) => Math.round(weight / scale));
  return {
    trainedOn: fingerprint(set),
    classes,
    bias: [...bias].map(round),
    scale,
    features,
    weights: Buffer.from(bytes.buffer).toString('base64'),
  };
}

/** SHA-256 over the phrasings and their categories, in order. */
export function fingerprint(set: TrainingSet): string {
  const hash = createHash('sha256');
  for (const [message, category] of set.emergencies) hash.update(`${category}\t${message}\n`);
  for (const message of set.ordinary) hash.update(`ordinary\t${message}\n`);
  return hash.digest('hex');
}

function add(values: Float64Array, at: number, amount: number): void {
  values[at] = (values[at] ?? 0) + amount;
}

/** One AdaGrad step: each weight's rate shrinks with the gradients it has already had. */
function adaGradStep(values: Float64Array, squares: Float64Array, at: number, gradient: number): void {
  add(squares, at, gradient * gradient);
  add(values, at, (-LEARNING_RATE / Math.sqrt((squares[at] ?? 0) + 1e-8)) * gradient);
}

function softmaxInPlace(scores: Float64Array): void {
  let highest = -Infinity;
  for (const score of scores) highest = Math.max(highest, score);
  let total = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp((scores[c] ?? 0) - highest);
    total += scores[c] ?? 0;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) / total;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** mulberry32: a small seeded generator, so training is repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] ?? 0, items[i] ?? 0];
  }
}
