import type { TFunction } from 'i18next';
import type { FlowLanguage, FlowTrigger } from '../../api/flow-types.ts';

/**
 * What starts a flow, in words: "New conversation", "Keyword: menu, help". Keywords are shown in the
 * interface's language, or in the other one when the flow has none in it.
 */
export function triggerLabel(
  trigger: FlowTrigger,
  language: FlowLanguage,
  t: TFunction,
  /** Most keywords said; the others are counted ("menu, help and 3 more"). */
  limit = Number.POSITIVE_INFINITY,
): string {
  switch (trigger.kind) {
    case 'keyword': {
      const words = keywordsIn(trigger.words, language);
      const shown = words.slice(0, limit).join(', ');
      const more = words.length - Math.min(words.length, limit);
      const list =
        words.length === 0
          ? t('settings.automation.triggers.noWords')
          : more > 0
            ? t('settings.automation.triggers.more', { words: shown, count: more })
            : shown;
      return trigger.match === 'exact'
        ? t('settings.automation.triggers.keywordExact', { words: list })
        : t('settings.automation.triggers.keywordContains', { words: list });
    }
    case 'new_conversation':
    case 'outside_business_hours':
    case 'conversation_closed':
    case 'api':
    case 'flow':
      return t(`settings.automation.triggers.${trigger.kind}`);
  }
}

/** The words of one language, else of the other: patients mix them, and both are matched. */
export function keywordsIn(words: { fr: string[]; en: string[] }, language: FlowLanguage): string[] {
  const wanted = words[language];
  return wanted.length > 0 ? wanted : words[language === 'fr' ? 'en' : 'fr'];
}

/** The order a list says triggers in: what patients do first, then keywords, then by whom else. */
export const TRIGGER_ORDER: readonly FlowTrigger['kind'][] = [
  'new_conversation',
  'outside_business_hours',
  'conversation_closed',
  'keyword',
  'flow',
  'api',
];
