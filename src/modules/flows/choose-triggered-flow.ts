import { type BusinessHours, clinicTime, foldText, isOpen } from './engine/index.ts';
import type { FlowTrigger, FlowTriggerKind } from './flow-trigger.schema.ts';

export interface TriggerCandidate {
  id: string;
  key: string;
  priority: number;
  triggers: readonly FlowTrigger[];
  /** Once-per-contact flows this patient already ran are left out by the caller. */
}

/** What happened, as the triggers see it. */
export type TriggerOccasion =
  | {
      kind: 'message';
      text: string | null;
      /** This message opened the conversation. */
      newConversation: boolean;
      now: string;
      timeZone: string;
      businessHours: BusinessHours;
    }
  | { kind: 'conversation_closed' };

export interface TriggeredFlow<T extends TriggerCandidate> {
  flow: T;
  trigger: FlowTriggerKind;
  /** The keyword that matched, for the flow to use as `vars.trigger`. */
  keyword?: string;
}

/**
 * The flow to start, if any: among enabled flows whose triggers match, the one of lowest priority
 * number (then key, so the choice is stable). A keyword is more specific than "new conversation" or
 * "outside business hours", so among flows of equal priority a keyword match wins.
 */
export function chooseTriggeredFlow<T extends TriggerCandidate>(
  candidates: readonly T[],
  occasion: TriggerOccasion,
): TriggeredFlow<T> | null {
  const matches: Array<TriggeredFlow<T> & { rank: number }> = [];
  for (const flow of candidates) {
    const match = firstMatch(flow.triggers, occasion);
    if (match) matches.push({ flow, ...match });
  }
  matches.sort(
    (a, b) => a.flow.priority - b.flow.priority || a.rank - b.rank || a.flow.key.localeCompare(b.flow.key),
  );
  const best = matches[0];
  if (!best) return null;
  return { flow: best.flow, trigger: best.trigger, ...(best.keyword ? { keyword: best.keyword } : {}) };
}

function firstMatch(
  triggers: readonly FlowTrigger[],
  occasion: TriggerOccasion,
): { trigger: FlowTriggerKind; keyword?: string; rank: number } | null {
  let best: { trigger: FlowTriggerKind; keyword?: string; rank: number } | null = null;
  for (const trigger of triggers) {
    const found = matchOne(trigger, occasion);
    if (found && (!best || found.rank < best.rank)) best = found;
  }
  return best;
}

function matchOne(
  trigger: FlowTrigger,
  occasion: TriggerOccasion,
): { trigger: FlowTriggerKind; keyword?: string; rank: number } | null {
  switch (trigger.kind) {
    case 'keyword': {
      if (occasion.kind !== 'message' || !occasion.text) return null;
      const keyword = matchKeyword(trigger, occasion.text);
      return keyword ? { trigger: 'keyword', keyword, rank: 0 } : null;
    }
    case 'outside_business_hours': {
      if (occasion.kind !== 'message' || !occasion.newConversation) return null;
      const open = isOpen(occasion.businessHours, clinicTime(occasion.now, occasion.timeZone));
      return open ? null : { trigger: 'outside_business_hours', rank: 1 };
    }
    case 'new_conversation':
      return occasion.kind === 'message' && occasion.newConversation
        ? { trigger: 'new_conversation', rank: 2 }
        : null;
    case 'conversation_closed':
      return occasion.kind === 'conversation_closed' ? { trigger: 'conversation_closed', rank: 0 } : null;
    case 'api':
    case 'flow':
      // Started on purpose (POST …/flow, a start_flow step), never by what a patient writes.
      return null;
  }
}

/** Patients mix languages (and their profile's may be unknown): both lists are always tried. */
function matchKeyword(trigger: Extract<FlowTrigger, { kind: 'keyword' }>, text: string): string | undefined {
  const words = [...trigger.words.fr, ...trigger.words.en];
  const message = foldText(text);
  if (message === '') return undefined;
  return words.find((word) => {
    const folded = foldText(word);
    if (folded === '') return false;
    if (trigger.match === 'exact') return message === folded;
    return ` ${message} `.includes(` ${folded} `);
  });
}
