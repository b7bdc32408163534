import type { Step } from '../engine/index.ts';
import type { BilingualText } from './bilingual-text.ts';

export interface TeamHandoff {
  /** The team's name, as the clinic wrote it (see BUILT_IN_TEAMS). */
  team: string;
  /** What the patient reads: who answers, and when. */
  message: BilingualText;
  /** Why the flow stopped, for reports (`appointment_request`, `symptom_intake`…). */
  reason: string;
  /** For the care team, in the clinic's language, stored with the handoff. */
  note?: BilingualText;
  urgent?: boolean;
}

/**
 * The steps that leave a conversation to a team: `id` assigns it, `id_tell` tells the patient, `id_end`
 * hands off. The engine's handoff names no team, hence the assignment first. A team with nobody online
 * still receives the conversation in its queue, so a failed assignment goes on the same way.
 */
export function handOffToTeam(id: string, handoff: TeamHandoff): Record<string, Step> {
  return {
    [id]: { type: 'assign', target: { team: handoff.team }, next: `${id}_tell`, failure: `${id}_tell` },
    [`${id}_tell`]: { type: 'send', message: { type: 'text', text: handoff.message }, next: `${id}_end` },
    [`${id}_end`]: {
      type: 'handoff',
      reason: handoff.reason,
      ...(handoff.note === undefined ? {} : { note: handoff.note }),
      ...(handoff.urgent === undefined ? {} : { urgent: handoff.urgent }),
    },
  };
}
