import type { Token } from '../tokenise.ts';
import { FeatureWords } from './message-features.ts';
import { biasScores, probabilitiesOfScores, type RedFlagModel } from './red-flag-model.ts';

/** A feature's id, alone and denied (`~word`): [plain, denied]; -1 where the model has no such feature. */
type Ids = [plain: number, denied: number];

/** What the model knows of one word: its features, and the pairs it starts, by the next word. */
interface WordFeatures {
  alone: Ids;
  /** [after the word plain, after it denied]: by the next word, that pair's ids. */
  pairs: [Map<string, Ids> | undefined, Map<string, Ids> | undefined];
}

interface FeatureIndex {
  byWord: ReadonlyMap<string, WordFeatures>;
  /** Every feature's weights in a row, by feature id (`classes` numbers each): summed without chasing arrays. */
  weights: Float64Array;
  classes: number;
  /** By feature id, whether the message being read has it: set while reading, cleared after. */
  seen: Uint8Array;
}

const INDEXES = new WeakMap<RedFlagModel, FeatureIndex>();

/**
 * The probability of each class for a message already tokenised: what `classProbabilities` gives for
 * `tokenFeatures(tokens, model.vocabulary)`, to the last bit (the same weights summed in the same order),
 * without building each feature's string (most messages are ordinary and are all read by the
 * classifier, hundreds of words each). Null when the model knows none of its features.
 */
export function probabilitiesOfTokens(
  tokens: readonly Token[],
  model: RedFlagModel,
  ordinaryBoost: number,
): number[] | null {
  const ids = knownFeatureIds(tokens, model);
  if (ids.length === 0) return null;
  const { weights, classes } = indexOf(model);
  const scores = biasScores(model, ordinaryBoost);
  for (const id of ids) {
    const base = id * classes;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) + (weights[base + c] ?? 0);
  }
  return probabilitiesOfScores(scores);
}

/**
 * The ids of the features of a message that the model knows (their rank in `model.weights`), each once,
 * in the order of `tokenFeatures`: a sum of floating-point numbers depends on its order.
 */
export function knownFeatureIds(tokens: readonly Token[], model: RedFlagModel): number[] {
  const { byWord, seen } = indexOf(model);
  const order: number[] = [];
  const addOnce = (id: number): void => {
    if (id === -1 || seen[id] === 1) return;
    seen[id] = 1;
    order.push(id);
  };
  let previous: WordFeatures | undefined;
  let previousDenied = false;
  const words = new FeatureWords(tokens);
  while (words.next()) {
    const { word, denied } = words;
    if (words.afterBreak) previous = undefined;
    const known = byWord.get(word);
    if (known !== undefined) {
      addOnce(known.alone[0]);
      addOnce(known.alone[denied ? 1 : 0]);
      addOnce(previous?.pairs[previousDenied ? 1 : 0]?.get(word)?.[denied ? 1 : 0] ?? -1);
    }
    previous = known;
    previousDenied = denied;
  }
  for (const id of order) seen[id] = 0;
  return order;
}

/** The model's features by their first word (`featureWords`), built once per model. */
function indexOf(model: RedFlagModel): FeatureIndex {
  const known = INDEXES.get(model);
  if (known !== undefined) return known;
  const byWord = new Map<string, WordFeatures>();
  const entryOf = (word: string): WordFeatures => {
    let entry = byWord.get(word);
    if (entry === undefined) {
      entry = { alone: [-1, -1], pairs: [undefined, undefined] };
      byWord.set(word, entry);
    }
    return entry;
  };
  const classes = model.bias.length;
  const weights = new Float64Array(model.weights.size * classes);
  let id = -1;
  for (const [feature, featureWeights] of model.weights) {
    id += 1;
    // The sum reads `classes` numbers per feature: a feature with fewer would read its neighbour's.
    if (featureWeights.length !== classes) throw new Error('red-flag model: a feature lacks weights');
    weights.set(featureWeights, id * classes);
    const words = feature.split(' ').map(bareWord);
    // Every word of a feature is known, as in `model.vocabulary`: a word outside it ends a run of pairs.
    for (const { word } of words) entryOf(word);
    const [first, second, ...more] = words;
    if (first === undefined || more.length > 0) continue;
    const entry = entryOf(first.word);
    if (second === undefined) {
      entry.alone[first.denied] = id;
      continue;
    }
    let pairs = entry.pairs[first.denied];
    if (pairs === undefined) {
      pairs = new Map();
      entry.pairs[first.denied] = pairs;
    }
    let ids = pairs.get(second.word);
    if (ids === undefined) {
      ids = [-1, -1];
      pairs.set(second.word, ids);
    }
    ids[second.denied] = id;
  }
  const index = { byWord, weights, classes, seen: new Uint8Array(model.weights.size) };
  INDEXES.set(model, index);
  return index;
}

/** A word of a feature without its `~`, and whether it had one (1) or not (0). */
function bareWord(word: string): { word: string; denied: 0 | 1 } {
  return word.startsWith('~') ? { word: word.slice(1), denied: 1 } : { word, denied: 0 };
}
