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
  failed: { total: number; by_error: Array<{ code: number | null; reason: string | null; count: number }> };
  replied: number;
  opted_out: number;
}

/** A broadcast as the list gives it. */
export interface Broadcast {
  id: string;
  name: string;
  group_id: string;
  status: BroadcastStatus;
  send_at: string;
  content: BroadcastContent;
  default_language: BroadcastLanguage;
  quiet_hours: { start: string; end: string };
  created_by_user_id: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
}

/** One broadcast with its report, computed when asked. */
export interface BroadcastWithReport extends Broadcast {
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
  id: string;
  contact_id: string;
  contact_name: string | null;
  channel: string | null;
  state: BroadcastRecipientState;
  /** Skipped: why (no_consent…); failed: the channel's reason. */
  reason: string | null;
  error_code: number | null;
  conversation_id: string | null;
  message_id: string | null;
}

export interface PatientGroupSummary {
  id: string;
  name: string;
  description: string | null;
  kind: 'static' | 'dynamic';
  /** A static group's members; null for a dynamic one (its preview counts them). */
  member_count: number | null;
}

export interface GroupPreview {
  /** Patients the group holds now. */
  size: number;
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
