import { apiRequest, withPageAccessReason } from './http-client.ts';
import type {
  CannedReply,
  ChannelLimits,
  ContactDetails,
  ContactPatch,
  Conversation,
  ConversationCounts,
  ConversationStatus,
  InboxView,
  MediaFile,
  Message,
  OutgoingMessage,
  Page,
  PatientChannel,
  SearchResults,
  Session,
  StaffUser,
  Team,
  Template,
} from './types.ts';

const API = '/api/v1';

/** TanStack Query keys, shaped so that live events can invalidate by prefix. */
export const queryKeys = {
  session: ['session'] as const,
  limits: ['limits'] as const,
  conversations: ['conversations'] as const,
  conversationList: (view: InboxView, status: ConversationStatus, channel: string | undefined) =>
    ['conversations', 'list', view, status, channel ?? 'every-number'] as const,
  counts: (channel: string | undefined) => ['conversations', 'counts', channel ?? 'every-number'] as const,
  conversation: (id: string) => ['conversations', 'one', id] as const,
  messages: (conversationId: string) => ['messages', conversationId] as const,
  /** A conversation's patient on every channel: any message of theirs, in any conversation, changes it. */
  patientTimelines: ['patient-timeline'] as const,
  patientTimeline: (conversationId: string) => ['patient-timeline', conversationId] as const,
  /** Under `conversations`: a window opening or closing comes with a conversation event. */
  patientChannels: (conversationId: string) => ['conversations', 'channels', conversationId] as const,
  contact: (id: string) => ['contacts', id] as const,
  templates: ['templates'] as const,
  cannedReplies: (q: string) => ['canned-replies', q] as const,
  users: ['users'] as const,
  teams: ['teams'] as const,
  search: (q: string) => ['search', q] as const,
};

export const LIST_PAGE_SIZE = 50;

export const authApi = {
  login: (email: string, password: string) =>
    apiRequest<Session>(`${API}/auth/login`, {
      method: 'POST',
      body: { email, password },
      expectUnauthorized: true,
    }),
  logout: () => apiRequest<void>(`${API}/auth/logout`, { method: 'POST', expectUnauthorized: true }),
  me: () => apiRequest<Session>(`${API}/auth/me`, { expectUnauthorized: true }),
};

export const inboxApi = {
  conversations: (
    view: InboxView,
    status: ConversationStatus,
    channel: string | undefined,
    cursor: string | null,
  ) =>
    apiRequest<Page<Conversation>>(
      `${API}/conversations?${query({
        view,
        status,
        channel_account_id: channel ?? null,
        limit: String(LIST_PAGE_SIZE),
        cursor,
      })}`,
    ),
  counts: (channel: string | undefined) =>
    apiRequest<ConversationCounts>(
      `${API}/conversations/counts?${query({ channel_account_id: channel ?? null })}`,
    ),
  conversation: (id: string) => apiRequest<Conversation>(`${API}/conversations/${id}`),
  messages: (conversationId: string, cursor: string | null) =>
    apiRequest<Page<Message>>(
      `${API}/conversations/${conversationId}/messages?${query({ limit: '50', cursor })}`,
    ),
  patientTimeline: (conversationId: string, cursor: string | null) =>
    apiRequest<Page<Message>>(
      `${API}/conversations/${conversationId}/messages?${query({ limit: '50', cursor, channels: 'all' })}`,
    ),
  patientChannels: (conversationId: string) =>
    apiRequest<{ data: PatientChannel[] }>(`${API}/conversations/${conversationId}/channels`),
  /** `channelAccountId`: on another of the patient's channels (the message lands in their conversation there). */
  send: (conversationId: string, message: OutgoingMessage, channelAccountId?: string) =>
    apiRequest<Message>(
      `${API}/conversations/${conversationId}/messages${channelAccountId ? `?${query({ channel_account_id: channelAccountId })}` : ''}`,
      { method: 'POST', body: message },
    ),
  addNote: (conversationId: string, text: string, medical = false) =>
    apiRequest<Message>(`${API}/conversations/${conversationId}/notes`, {
      method: 'POST',
      body: { text, medical },
    }),
  setStatus: (conversationId: string, status: ConversationStatus) =>
    apiRequest<Conversation>(`${API}/conversations/${conversationId}/status`, {
      method: 'POST',
      body: { status },
    }),
  assign: (conversationId: string, assignment: { user_id: string | null; team_id: string | null }) =>
    apiRequest<Conversation>(`${API}/conversations/${conversationId}/assign`, {
      method: 'POST',
      body: assignment,
    }),
  acknowledgeUrgent: (conversationId: string) =>
    apiRequest<Conversation>(`${API}/conversations/${conversationId}/acknowledge-urgent`, { method: 'POST' }),
  markRead: (conversationId: string) =>
    apiRequest<void>(`${API}/conversations/${conversationId}/read`, { method: 'POST' }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<MediaFile>(`${API}/media`, { method: 'POST', form });
  },
  templates: () => apiRequest<Page<Template>>(`${API}/templates?status=APPROVED`),
  limits: () => apiRequest<{ data: ChannelLimits[] }>(`${API}/limits`),
  cannedReplies: (q: string) => apiRequest<Page<CannedReply>>(`${API}/canned-replies?${query({ q })}`),
  contact: (id: string) => apiRequest<ContactDetails>(`${API}/contacts/${id}`),
  updateContact: (id: string, patch: ContactPatch) =>
    apiRequest<ContactDetails>(`${API}/contacts/${id}`, { method: 'PATCH', body: patch }),
  users: () => apiRequest<Page<StaffUser>>(`${API}/users`),
  teams: () => apiRequest<Page<Team>>(`${API}/teams`),
  search: (q: string, signal?: AbortSignal) =>
    apiRequest<SearchResults>(`${API}/search?${query({ q })}`, signal ? { signal } : {}),
};

/**
 * Where the bytes of a file are (the session cookie authorises them). The server serves every file as
 * a download; `inline` asks it to let the page show a picture, voice note or video, which it grants
 * only to files whose bytes are one of those.
 */
export function mediaUrl(mediaId: string, options: { inline?: boolean } = {}): string {
  return withPageAccessReason(`${API}/media/${mediaId}${options.inline ? '?disposition=inline' : ''}`);
}

/** A file the page can show itself: pictures, sound and video, as the server confirmed from its bytes. */
export function isShownInline(file: { mime_type: string | null }): boolean {
  return /^(image\/(jpeg|png|webp)|audio\/|video\/)/.test(file.mime_type ?? '');
}

function query(params: Record<string, string | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== '') search.set(key, value);
  return search.toString();
}
