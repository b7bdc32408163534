import { useQuery } from '@tanstack/react-query';
import type {
  AutomationSession,
  CsatFilter,
  CsatSummary,
  Flow,
  FlowDetails,
  FlowSettingsPatch,
} from './flow-types.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

/** Query keys of automation: one prefix, so a change to a flow refreshes the list and its page. */
export const flowKeys = {
  all: ['flows'] as const,
  list: ['flows', 'list'] as const,
  one: (key: string) => ['flows', 'one', key] as const,
  csat: (filter: CsatFilter) => ['csat', filter] as const,
};

export const flowsApi = {
  list: () => apiRequest<{ data: Flow[] }>(`${API}/flows`),
  get: (key: string) => apiRequest<FlowDetails>(`${API}/flows/${encodeURIComponent(key)}`),
  /** Publishes a new version; the server answers 400 naming each problem by its path. */
  publish: (key: string, definition: Record<string, unknown>) =>
    apiRequest<Flow>(`${API}/flows/${encodeURIComponent(key)}/definition`, {
      method: 'PUT',
      body: { definition },
    }),
  change: (key: string, patch: FlowSettingsPatch) =>
    apiRequest<Flow>(`${API}/flows/${encodeURIComponent(key)}`, { method: 'PATCH', body: patch }),
  csat: (filter: CsatFilter) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
    return apiRequest<CsatSummary>(`${API}/csat?${params}`);
  },

  startAutomation: (conversationId: string, flowKey: string) =>
    apiRequest<AutomationSession>(`${API}/conversations/${conversationId}/automation`, {
      method: 'POST',
      body: { flow_key: flowKey },
    }),
  resumeAutomation: (conversationId: string) =>
    apiRequest<AutomationSession>(`${API}/conversations/${conversationId}/automation/resume`, {
      method: 'POST',
    }),
  stopAutomation: (conversationId: string) =>
    apiRequest<AutomationSession>(`${API}/conversations/${conversationId}/automation/stop`, {
      method: 'POST',
    }),
};

/** The clinic's flows (agents may read them: the inbox names the flow talking with a patient). */
export function useFlows() {
  return useQuery({
    queryKey: flowKeys.list,
    queryFn: async () => (await flowsApi.list()).data,
    staleTime: 60_000,
  });
}
