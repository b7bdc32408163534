import type { TFunction } from 'i18next';
import type { StepFact } from './flow-outline.ts';

const ASK_KINDS = ['text', 'free_text', 'number', 'date', 'time', 'phone', 'email', 'choice'] as const;

export interface FactContext {
  t: TFunction;
  /** "2 hr", in the interface's language. */
  duration(minutes: number): string;
  /** A flow's name from its key, when the clinic has it. */
  flowName(key: string): string;
}

/** What a step does beyond its text, in a few words: "Expects a number from 0 to 10", "Saved as age". */
export function factText(fact: StepFact, { t, duration, flowName }: FactContext): string {
  switch (fact.kind) {
    case 'answer': {
      const kind = ASK_KINDS.find((k) => k === fact.askKind);
      return kind
        ? t(`settings.automation.outline.facts.answer.${kind}`)
        : t('settings.automation.outline.facts.answer.other', { kind: fact.askKind });
    }
    case 'range':
      if (fact.min !== null && fact.max !== null) {
        return t('settings.automation.outline.facts.range', { min: fact.min, max: fact.max });
      }
      return fact.min !== null
        ? t('settings.automation.outline.facts.rangeMin', { min: fact.min })
        : t('settings.automation.outline.facts.rangeMax', { max: fact.max });
    case 'saveAs':
      return t('settings.automation.outline.facts.saveAs', { key: fact.key });
    case 'screened':
      return t('settings.automation.outline.facts.screened');
    case 'media':
      return t('settings.automation.outline.facts.media', {
        type: fact.fileName ? `${fact.mediaType}, ${fact.fileName}` : fact.mediaType,
      });
    case 'template':
      return t('settings.automation.outline.facts.template', { name: fact.name });
    case 'setField':
      return t('settings.automation.outline.facts.setField', { field: fact.field, value: fact.value });
    case 'tag':
      return fact.action === 'add'
        ? t('settings.automation.outline.facts.addTag', { tag: fact.tag })
        : t('settings.automation.outline.facts.removeTag', { tag: fact.tag });
    case 'assign':
      switch (fact.to) {
        case 'team':
          return t('settings.automation.outline.facts.assignTeam', { name: fact.name });
        case 'agent':
          return t('settings.automation.outline.facts.assignAgent', { name: fact.name });
        case 'role':
          return t('settings.automation.outline.facts.assignRole', { name: fact.name });
      }
      break;
    case 'http':
      return t('settings.automation.outline.facts.http', { method: fact.method, url: fact.url });
    case 'request':
      return t('settings.automation.outline.facts.request', { operation: fact.operation });
    case 'optionsFrom':
      return t('settings.automation.outline.facts.optionsFrom', { path: fact.path });
    case 'wait':
      return fact.minutes !== null
        ? t('settings.automation.outline.facts.waitFor', { duration: duration(fact.minutes) })
        : t('settings.automation.outline.facts.waitUntil', { time: fact.until ?? '?' });
    case 'startFlow':
      return t('settings.automation.outline.facts.startFlow', { name: flowName(fact.flowKey) });
    case 'handoff':
      return fact.reason ? t('settings.automation.outline.facts.handoff', { reason: fact.reason }) : '';
    case 'urgent':
      return fact.reason
        ? t('settings.automation.outline.facts.urgentWhy', { reason: fact.reason })
        : t('settings.automation.outline.facts.urgent');
    case 'comment':
      return t('settings.automation.outline.facts.comment');
  }
  return '';
}
