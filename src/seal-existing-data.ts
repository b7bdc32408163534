import { sealCsatCommentsStep } from './modules/flows/csat-seal-step.ts';
import { sealMessagesStep } from './modules/inbox/message-seal-step.ts';
import type { SealStep } from './modules/keys/seal-in-place.ts';
import { sealMediaFileNamesStep } from './modules/media/media-seal-step.ts';
import { sealRedFlagWordsStep } from './modules/safety/red-flag-seal-step.ts';

/**
 * What a database written by an older Careline holds in plain text, sealed in place after start-up
 * (main.ts) and by `careline seal-existing-data`. Each module contributes the steps for its tables.
 */
export const SEAL_STEPS: readonly SealStep[] = [
  sealMessagesStep,
  sealRedFlagWordsStep,
  sealCsatCommentsStep,
  sealMediaFileNamesStep,
];
