import { englishEmergencies } from './emergencies.en.ts';
import { frenchEmergencies } from './emergencies.fr.ts';
import type { EmergencyPhrasing } from './evaluate-red-flags.ts';
import { englishOrdinary } from './ordinary.en.ts';
import { frenchOrdinary } from './ordinary.fr.ts';

/** Every phrasing of the evaluation set, both languages: what the test and the bench screen. */
export const EVALUATION_EMERGENCIES: readonly EmergencyPhrasing[] = [
  ...frenchEmergencies,
  ...englishEmergencies,
];
export const EVALUATION_ORDINARY: readonly string[] = [...frenchOrdinary, ...englishOrdinary];
