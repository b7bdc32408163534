import type * as Api from './generated/openapi.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type CareGroup = Api.CareGroup;
export type CareGroupMessage = Api.CareGroupMessage;
export type CareGroupAvailability = Api.CareGroupAvailability;

export const careGroupKeys = {
  all: ['care-groups'] as const,
  group: (id: string) => ['care-groups', id] as const,
  messages: (id: string) => ['care-groups', id, 'messages'] as const,
};

/** WhatsApp care groups (Cloud API Groups): small groups joined by invite link. */
export const careGroupsApi = {
  list: (): Promise<{ data: CareGroup[]; availability: CareGroupAvailability[] }> =>
    apiRequest(`${API}/care-groups`),
  group: (id: string): Promise<CareGroup> => apiRequest(`${API}/care-groups/${encodeURIComponent(id)}`),
  create: (body: Api.NewCareGroup): Promise<CareGroup> =>
    apiRequest(`${API}/care-groups`, { method: 'POST', body }),
  resetLink: (id: string): Promise<CareGroup> =>
    apiRequest(`${API}/care-groups/${encodeURIComponent(id)}/invite-link`, { method: 'POST' }),
  messages: (id: string): Promise<{ data: CareGroupMessage[] }> =>
    apiRequest(`${API}/care-groups/${encodeURIComponent(id)}/messages`),
  send: (id: string, body: Api.NewCareGroupMessage): Promise<CareGroupMessage> =>
    apiRequest(`${API}/care-groups/${encodeURIComponent(id)}/messages`, { method: 'POST', body }),
};
