import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from '../red-flag-category.ts';
import { type Token, tokenise } from '../tokenise.ts';
import { probabilitiesOfTokens } from './feature-weights.ts';
import { messageFeatures } from './message-features.ts';
import {
  classProbabilities,
  loadedModel,
  type RedFlagModel,
  storedRedFlagModelSchema,
} from './red-flag-model.ts';

export const RED_FLAG_MODEL_PATH = fileURLToPath(new URL('./red-flag-model.json', import.meta.url));

/**
 * Above this probability of being an emergency (one minus that of an ordinary message), the classifier
 * raises a message the lexicon let through. Chosen on messages it was not trained on (README of the
 * evaluation set): lower lets more false alarms through than it catches emergencies.
 */
export const EMERGENCY_PROBABILITY = 0.85;

/**
 * Added to the ordinary class's score (a log-odds): the evaluation set holds more emergencies than
 * ordinary messages, an inbox a hundred times fewer. Without it « mon fils a de la fièvre et tousse » read
 * as meningitis and "I have saved them" as suicidal; with it the unseen probes lose one emergency in a hundred
 * (README of the evaluation set).
 */
const ORDINARY_PRIOR = 3;

export interface ClassifierFinding {
  category: RedFlagCategory;
  probability: number;
  /** The clause that weighs most toward the category, as typed. */
  matched: string;
}

let model: RedFlagModel | undefined;

function storedModel(): RedFlagModel {
  model ??= loadedModel(
    storedRedFlagModelSchema.parse(JSON.parse(readFileSync(RED_FLAG_MODEL_PATH, 'utf8'))),
  );
  return model;
}

/**
 * The second reader behind the lexicon: a classifier trained on the evaluation set, which knows how
 * emergencies are worded overall rather than one pattern at a time, so it catches phrasings no pattern
 * was written for. Null when it reads the message as ordinary.
 */
export function classifyMessage(text: string, given: RedFlagModel = storedModel()): ClassifierFinding | null {
  return classifyTokens(text, tokenise(text), given);
}

/**
 * `classifyMessage` of a message already tokenised by `tokenise(text)` (no language hint: the model was
 * trained on that reading), so that the screener does not tokenise every message twice.
 */
export function classifyTokens(
  text: string,
  tokens: readonly Token[],
  given: RedFlagModel = storedModel(),
): ClassifierFinding | null {
  const probabilities = probabilitiesOfTokens(tokens, given, ORDINARY_PRIOR);
  // Nothing it knows (an emoji, a name): the class priors alone would speak, and they are the training
  // set's, where emergencies are many, not the inbox's.
  if (probabilities === null) return null;
  const emergency = 1 - (probabilities[0] ?? 1);
  if (emergency <= EMERGENCY_PROBABILITY) return null;
  let best = 1;
  for (let index = 2; index < probabilities.length; index++) {
    if ((probabilities[index] ?? 0) > (probabilities[best] ?? 0)) best = index;
  }
  const category = given.classes[best];
  if (!isCategory(category)) return null;
  return { category, probability: emergency, matched: strongestClause(given, text, best) };
}

function isCategory(name: string | undefined): name is RedFlagCategory {
  return (RED_FLAG_CATEGORIES as readonly string[]).includes(name ?? '');
}

const CLAUSE = /[^.!?;\n]+[.!?;]*/g;
const MAX_QUOTE = 200;

function strongestClause(given: RedFlagModel, text: string, classIndex: number): string {
  let best = { weight: -Infinity, clause: text };
  for (const [clause] of text.matchAll(CLAUSE)) {
    const probabilities = classProbabilities(given, messageFeatures(clause, given.vocabulary));
    const weight = (probabilities[classIndex] ?? 0) - (probabilities[0] ?? 0);
    if (weight > best.weight) best = { weight, clause };
  }
  const quote = best.clause.trim();
  return quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote;
}
