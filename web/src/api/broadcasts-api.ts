import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type BroadcastStatus = 'scheduled' | 'sending' | 'completed' | 'cancelled';
export type BroadcastLanguage = 'fr' | 'en';
export const BROADCAST_LANGUAGES: readonly BroadcastLanguage[] = ['fr', 'en'];

/** One language's message: free text (placeholders such as {{first_name}}) or an approved template. */
export interface BroadcastContentItem {
  text?: string;
  template?: { name: string; language: string; parameters: string[] };
}

export type BroadcastContent = Partial<Record<BroadcastLanguage, BroadcastContentItem>>;

/** What a broadcast did so far: every count the detail page shows. */
export interface BroadcastReport {
  targeted: number;
  pending: number;
  skipped: { total: number; by_reason: Record<string, number> };
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: { total: number; by_code: Array<{ code: string; reason: string | null; count: number }> };
  replied: number;
  opted_out: number;
}

export interface Broadcast {
  id: string;
  name: string;
  group_id: string;
  group_name?: string | null;
  status: BroadcastStatus;
  send_at: string;
  content: BroadcastContent;
  default_language: BroadcastLanguage;
  created_at: string;
  started_at?: string | null;
  completed_at?: string | null;
  cancelled_at?: string | null;
  report: BroadcastReport;
}

export type BroadcastRecipientState =
  | 'pending'
  | 'skipped'
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'failed';
export const RECIPIENT_STATES: readonly BroadcastRecipientState[] = [
  'pending',
  'skipped',
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
];

export interface BroadcastRecipient {
  contact_id: string;
  display_name: string | null;
  state: BroadcastRecipientState;
  skip_reason: string | null;
  channel: string | null;
  language: string | null;
  error_code?: string | number | null;
  error_reason?: string | null;
  conversation_id?: string | null;
  decided_at?: string | null;
}

export interface PatientGroupSummary {
  id: string;
  name: string;
  kind: 'static' | 'dynamic';
  description?: string | null;
}

export interface GroupPreview {
  /** Patients the group holds now. */
  count: number;
}

export interface NewBroadcast {
  name: string;
  group_id: string;
  content: BroadcastContent;
  default_language: BroadcastLanguage;
  send_at?: string;
}

interface Paged<T> {
  data: T[];
  next_cursor?: string | null;
}

export const broadcastKeys = {
  all: ['broadcasts'] as const,
  list: ['broadcasts', 'list'] as const,
  one: (id: string) => ['broadcasts', 'one', id] as const,
  recipients: (id: string, state: string | null) => ['broadcasts', 'recipients', id, state] as const,
  groups: ['patient-groups'] as const,
  preview: (id: string) => ['patient-groups', 'preview', id] as const,
};

export const broadcastsApi = {
  list: (cursor?: string | null) =>
    apiRequest<Paged<Broadcast>>(
      `${API}/broadcasts?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  get: (id: string) => apiRequest<Broadcast>(`${API}/broadcasts/${id}`),
  create: (body: NewBroadcast) => apiRequest<Broadcast>(`${API}/broadcasts`, { method: 'POST', body }),
  cancel: (id: string) => apiRequest<Broadcast>(`${API}/broadcasts/${id}/cancel`, { method: 'POST' }),
  recipients: (id: string, state: string | null, cursor?: string | null) => {
    const params = new URLSearchParams({ limit: '50' });
    if (state) params.set('state', state);
    if (cursor) params.set('cursor', cursor);
    return apiRequest<Paged<BroadcastRecipient>>(`${API}/broadcasts/${id}/recipients?${params}`);
  },
  groups: () => apiRequest<Paged<PatientGroupSummary>>(`${API}/patient-groups`),
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
