import type * as Api from './generated/openapi.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type PatientGroup = Api.PatientGroup;
export type GroupPatient = Api.GroupPatient;
export type PatientGroupPreview = Api.PatientGroupPreview;
export type SegmentDefinition = Api.SegmentDefinition;
export type SegmentRule = SegmentDefinition['rules'][number];
/** A rule that is not a nested group. */
export type SegmentLeafRule = Exclude<SegmentRule, { type: 'group' }>;

export const groupKeys = {
  all: ['patient-groups'] as const,
  list: ['patient-groups', 'list'] as const,
  one: (id: string) => ['patient-groups', 'one', id] as const,
  preview: (id: string) => ['patient-groups', 'preview', id] as const,
  members: (id: string) => ['patient-groups', 'members', id] as const,
  draft: (definition: SegmentDefinition) => ['patient-groups', 'draft', JSON.stringify(definition)] as const,
};

/** Patient groups (static lists and dynamic segments) and their preview: `groups.manage`. */
export const groupsApi = {
  list: () => apiRequest<{ data: PatientGroup[] }>(`${API}/patient-groups`),
  get: (id: string) => apiRequest<PatientGroup>(`${API}/patient-groups/${id}`),
  create: (body: Api.NewPatientGroup) =>
    apiRequest<PatientGroup>(`${API}/patient-groups`, { method: 'POST', body }),
  update: (id: string, body: Api.PatientGroupChange) =>
    apiRequest<PatientGroup>(`${API}/patient-groups/${id}`, { method: 'PATCH', body }),
  archive: (id: string) =>
    apiRequest<PatientGroup>(`${API}/patient-groups/${id}/archive`, { method: 'POST' }),
  preview: (id: string) => apiRequest<PatientGroupPreview>(`${API}/patient-groups/${id}/preview`),
  previewDraft: (definition: SegmentDefinition, signal?: AbortSignal) =>
    apiRequest<PatientGroupPreview>(`${API}/patient-groups/preview`, {
      method: 'POST',
      body: { definition },
      ...(signal ? { signal } : {}),
    }),
  members: (id: string, cursor?: string | null) =>
    apiRequest<{ data: GroupPatient[]; next_cursor: string | null }>(
      `${API}/patient-groups/${id}/members?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  addMembers: (id: string, contactIds: string[]) =>
    apiRequest<{ added: number }>(`${API}/patient-groups/${id}/members`, {
      method: 'POST',
      body: { contact_ids: contactIds },
    }),
  removeMember: (id: string, contactId: string) =>
    apiRequest<void>(`${API}/patient-groups/${id}/members/${contactId}`, { method: 'DELETE' }),
};
