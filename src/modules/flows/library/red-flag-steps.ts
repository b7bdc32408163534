import type { Step } from '../engine/index.ts';
import type { BilingualText } from './bilingual-text.ts';

/**
 * The host does the essentials on the engine's `red_flag` effect: emergency advice to the patient with
 * the clinic's numbers, the conversation marked urgent, a note naming the sign the patient wrote. A flow
 * only adds what the host cannot know, the answers given so far, and leaves the patient to people at once.
 */
export const RED_FLAG_HANDOFF: Step = { type: 'handoff', reason: 'red_flag', urgent: true };

/** Where `settings.onRedFlag: 'red_flag'` leads: a note of the answers so far, then the urgent handoff. */
export function redFlagSteps(answersSoFar: BilingualText): Record<string, Step> {
  return {
    red_flag: {
      type: 'note',
      medical: true,
      text: { fr: `⚠️ Signal d’alerte : ${answersSoFar.fr}`, en: `⚠️ Red flag: ${answersSoFar.en}` },
      next: 'red_flag_handoff',
    },
    red_flag_handoff: RED_FLAG_HANDOFF,
  };
}
