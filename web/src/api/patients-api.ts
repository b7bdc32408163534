import type * as Api from './generated/openapi.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type DuplicateSuggestion = Api.DuplicateSuggestion;
export type MergePreview = Api.MergePreview;
export type ContactMerge = Api.ContactMerge;
export type MergeRequest = Api.ContactMergeRequestInput;
export type FieldSide = 'survivor' | 'merged';

export interface MergeHistory {
  merged_into: { merge_id: string; contact_id: string } | null;
  data: ContactMerge[];
}

export const patientKeys = {
  duplicates: ['patients', 'duplicates'] as const,
  duplicatesOf: (id: string) => ['patients', 'duplicates', id] as const,
  merges: (id: string) => ['patients', 'merges', id] as const,
  preview: (id: string, otherId: string) => ['patients', 'preview', id, otherId] as const,
};

/** One patient across channels: duplicate suggestions, the merge screen, merge and unmerge. */
export const patientsApi = {
  duplicates: () => apiRequest<{ data: DuplicateSuggestion[] }>(`${API}/contacts/duplicates`),
  duplicatesOf: (id: string) =>
    apiRequest<{ data: DuplicateSuggestion[] }>(`${API}/contacts/${id}/duplicates`),
  dismiss: (id: string, otherId: string) =>
    apiRequest<void>(`${API}/contacts/${id}/duplicates/dismiss`, {
      method: 'POST',
      body: { other_id: otherId },
    }),
  preview: (id: string, otherId: string) =>
    apiRequest<MergePreview>(`${API}/contacts/${id}/merge-preview?other_id=${encodeURIComponent(otherId)}`),
  merge: (id: string, body: MergeRequest) =>
    apiRequest<ContactMerge>(`${API}/contacts/${id}/merge`, { method: 'POST', body }),
  unmerge: (mergeId: string) =>
    apiRequest<ContactMerge>(`${API}/contact-merges/${mergeId}/unmerge`, { method: 'POST' }),
  merges: (id: string) => apiRequest<MergeHistory>(`${API}/contacts/${id}/merges`),
};
