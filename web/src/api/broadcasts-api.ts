import type * as Api from './generated/openapi.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type Broadcast = Api.Broadcast;
export type BroadcastWithReport = Api.BroadcastWithReport;
export type BroadcastReport = Api.BroadcastReport;
export type BroadcastRecipient = Api.BroadcastRecipient;
export type NewBroadcast = Api.NewBroadcastInput;
export type PatientGroupSummary = Api.PatientGroup;
export type GroupPreview = Api.PatientGroupPreview;

export type BroadcastStatus = Broadcast['status'];
export type BroadcastLanguage = Broadcast['default_language'];
export const BROADCAST_LANGUAGES: readonly BroadcastLanguage[] = ['fr', 'en'];
/** One language's message: free text (placeholders such as {{first_name}}) or an approved template. */
export type BroadcastContentItem = NonNullable<Broadcast['content']['fr']>;
export type BroadcastContent = Partial<Record<BroadcastLanguage, BroadcastContentItem>>;

export type BroadcastRecipientState = BroadcastRecipient['state'];
export const RECIPIENT_STATES: readonly BroadcastRecipientState[] = [
  'pending',
  'skipped',
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
];

interface Paged<T> {
  data: T[];
  next_cursor?: string | null;
}

export const broadcastKeys = {
  all: ['broadcasts'] as const,
  list: ['broadcasts', 'list'] as const,
  one: (id: string) => ['broadcasts', 'one', id] as const,
  recipients: (id: string, state: string | null) => ['broadcasts', 'recipients', id, state] as const,
  groups: ['patient-groups', 'list'] as const,
  allGroups: ['patient-groups', 'list', 'archived too'] as const,
  preview: (id: string) => ['patient-groups', 'preview', id] as const,
};

export const broadcastsApi = {
  list: (cursor?: string | null) =>
    apiRequest<Paged<Broadcast>>(
      `${API}/broadcasts?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  get: (id: string) => apiRequest<BroadcastWithReport>(`${API}/broadcasts/${id}`),
  create: (body: NewBroadcast) =>
    apiRequest<BroadcastWithReport>(`${API}/broadcasts`, { method: 'POST', body }),
  cancel: (id: string) =>
    apiRequest<BroadcastWithReport>(`${API}/broadcasts/${id}/cancel`, { method: 'POST' }),
  recipients: (id: string, state: string | null, cursor?: string | null) => {
    const params = new URLSearchParams({ limit: '50' });
    if (state) params.set('state', state);
    if (cursor) params.set('cursor', cursor);
    return apiRequest<Paged<BroadcastRecipient>>(`${API}/broadcasts/${id}/recipients?${params}`);
  },
  groups: (includeArchived = false) =>
    apiRequest<Paged<PatientGroupSummary>>(
      `${API}/patient-groups${includeArchived ? '?include_archived=true' : ''}`,
    ),
  preview: (id: string) => apiRequest<GroupPreview>(`${API}/patient-groups/${id}/preview`),
};

/** Still going: its patients are being taken in or its messages are on their way. */
export function inFlight(broadcast: Pick<Broadcast, 'status'>): boolean {
  return broadcast.status === 'scheduled' || broadcast.status === 'sending';
}

/** How far it went: the patients decided (sent on their way or skipped) over those targeted. */
export function progressOf(report: BroadcastReport): { done: number; total: number; percent: number } {
  const total = report.targeted;
  const done = Math.min(total, total - report.pending - report.queued);
  return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}
