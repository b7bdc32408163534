import { writeFileSync } from 'node:fs';
import { EVALUATION_EMERGENCIES, EVALUATION_ORDINARY } from '../evaluation/evaluation-set.ts';
import { RED_FLAG_MODEL_PATH } from './red-flag-classifier.ts';
import { trainRedFlagModel } from './train-red-flag-model.ts';

// `npm run redflags:train`: after the evaluation set changes, the stored model is trained again from it.
const started = performance.now();
const model = trainRedFlagModel({ emergencies: EVALUATION_EMERGENCIES, ordinary: EVALUATION_ORDINARY });
writeFileSync(RED_FLAG_MODEL_PATH, `${JSON.stringify(model)}\n`);
console.log(
  `red-flag model: ${model.features.length} features, trained on ${EVALUATION_EMERGENCIES.length} emergencies and ${EVALUATION_ORDINARY.length} ordinary messages in ${Math.round(performance.now() - started)} ms → ${RED_FLAG_MODEL_PATH}`,
);
