import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { flowName, useFlowLanguage } from '../../api/flow-names.ts';
import type { Flow } from '../../api/flow-types.ts';
import { formatMinutes } from './format-minutes.ts';
import type { FactContext } from './step-facts.ts';

/** How the outline words durations and names the flows a step starts, in the interface's language. */
export function useFactContext(flows: readonly Flow[]): Omit<FactContext, 't'> {
  const { i18n } = useTranslation();
  const language = useFlowLanguage();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(
    () => ({
      duration: (minutes: number) => formatMinutes(minutes, locale),
      flowName: (key: string) => {
        const flow = flows.find((f) => f.key === key);
        return flow ? flowName(flow, language) : key;
      },
    }),
    [flows, language, locale],
  );
}
