import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Flow, FlowDetails } from '../../api/flow-types.ts';
import { flowKeys } from '../../api/flows-api.ts';

/** Puts a flow the server returned into the list and its page, so both show it without asking again. */
export function useStoreFlow(): (saved: Flow) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (saved: Flow) => {
      queryClient.setQueryData<Flow[]>(flowKeys.list, (old) =>
        old?.map((flow) => (flow.key === saved.key ? saved : flow)),
      );
      queryClient.setQueryData<FlowDetails>(flowKeys.one(saved.key), (old) =>
        old ? { ...old, ...saved } : old,
      );
    },
    [queryClient],
  );
}
