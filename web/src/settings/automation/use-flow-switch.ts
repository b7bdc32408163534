import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { flowName, useFlowLanguage } from '../../api/flow-names.ts';
import type { Flow, FlowDetails } from '../../api/flow-types.ts';
import { flowKeys, flowsApi } from '../../api/flows-api.ts';
import { useNotify } from '../../ui/toasts.tsx';

interface Switching {
  flow: Flow;
  enabled: boolean;
}

/**
 * Turns a flow on or off. The switch moves at once; when the server refuses, it moves back and a
 * toast says why.
 */
export function useFlowSwitch() {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const setEnabled = (key: string, enabled: boolean) => {
    queryClient.setQueryData<Flow[]>(flowKeys.list, (old) =>
      old?.map((flow) => (flow.key === key ? { ...flow, enabled } : flow)),
    );
    queryClient.setQueryData<FlowDetails>(flowKeys.one(key), (old) => (old ? { ...old, enabled } : old));
  };

  return useMutation({
    mutationFn: ({ flow, enabled }: Switching) => flowsApi.change(flow.key, { enabled }),
    onMutate: async ({ flow, enabled }) => {
      await queryClient.cancelQueries({ queryKey: flowKeys.all });
      setEnabled(flow.key, enabled);
    },
    onError: (error, { flow, enabled }) => {
      setEnabled(flow.key, !enabled);
      notify(
        t('settings.automation.toggleFailed', {
          name: flowName(flow, language),
          reason: describeError(error, t),
        }),
      );
    },
    onSuccess: (saved) => {
      setEnabled(saved.key, saved.enabled);
      const name = flowName(saved, language);
      notify(
        saved.enabled
          ? t('settings.automation.turnedOn', { name })
          : t('settings.automation.turnedOff', { name }),
        'careline',
      );
    },
  });
}
