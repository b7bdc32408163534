import { useTranslation } from 'react-i18next';
import type { Flow, FlowLanguage } from './flow-types.ts';

/** The interface's language, as flows speak it (their texts are in French and English). */
export function useFlowLanguage(): FlowLanguage {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
}

/** A flow's name in the language asked, else in the other one, else its key. */
export function flowName(flow: Pick<Flow, 'key' | 'name'>, language: FlowLanguage): string {
  return flow.name[language] || flow.name[language === 'fr' ? 'en' : 'fr'] || flow.key;
}

export function flowDescription(flow: Pick<Flow, 'description'>, language: FlowLanguage): string | null {
  if (!flow.description) return null;
  return flow.description[language] || flow.description[language === 'fr' ? 'en' : 'fr'] || null;
}
