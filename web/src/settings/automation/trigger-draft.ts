import {
  EVENT_TRIGGERS,
  type EventTriggerKind,
  type FlowTrigger,
  type KeywordMatch,
} from '../../api/flow-types.ts';

export interface KeywordDraft {
  match: KeywordMatch;
  fr: string[];
  en: string[];
}

/** A flow's triggers as the form edits them: switches for events, a block per keyword trigger. */
export interface TriggerDraft {
  events: EventTriggerKind[];
  keywords: KeywordDraft[];
  /** Triggers the form shows but does not change (the API, another flow): saved back as they were. */
  kept: FlowTrigger[];
}

export function triggerDraftOf(triggers: readonly FlowTrigger[]): TriggerDraft {
  const draft: TriggerDraft = { events: [], keywords: [], kept: [] };
  for (const trigger of triggers) {
    switch (trigger.kind) {
      case 'keyword':
        draft.keywords.push({ match: trigger.match, fr: [...trigger.words.fr], en: [...trigger.words.en] });
        break;
      case 'new_conversation':
      case 'outside_business_hours':
      case 'conversation_closed':
        if (!draft.events.includes(trigger.kind)) draft.events.push(trigger.kind);
        break;
      case 'api':
      case 'flow':
        draft.kept.push(trigger);
        break;
    }
  }
  draft.events.sort((a, b) => EVENT_TRIGGERS.indexOf(a) - EVENT_TRIGGERS.indexOf(b));
  return draft;
}

/** The triggers to save; a keyword block left without any word starts nothing and is dropped. */
export function triggersOfDraft(draft: TriggerDraft): FlowTrigger[] {
  return [
    ...EVENT_TRIGGERS.filter((kind) => draft.events.includes(kind)).map((kind) => ({ kind })),
    ...draft.keywords
      .map((keyword) => ({ ...keyword, fr: cleanWords(keyword.fr), en: cleanWords(keyword.en) }))
      .filter((keyword) => keyword.fr.length > 0 || keyword.en.length > 0)
      .map(
        (keyword): FlowTrigger => ({
          kind: 'keyword',
          match: keyword.match,
          words: { fr: keyword.fr, en: keyword.en },
        }),
      ),
    ...draft.kept,
  ];
}

/** Whether saving the draft would change the flow's triggers (order aside). */
export function changesTriggers(draft: TriggerDraft, triggers: readonly FlowTrigger[]): boolean {
  const saved = triggerDraftOf(triggersOfDraft(draft));
  return JSON.stringify(saved) !== JSON.stringify(triggerDraftOf(triggers));
}

/** Words as the server keeps them: trimmed, each once. */
function cleanWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words
    .map((word) => word.trim())
    .filter((word) => {
      const key = word.toLocaleLowerCase();
      if (word === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
