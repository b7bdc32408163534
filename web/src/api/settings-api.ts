import { apiRequest } from './http-client.ts';
import type {
  AccessSettings,
  ActiveSession,
  AssignmentMode,
  Channel,
  ChannelPatch,
  NewChannel,
  NewStaffMember,
  OperatorAlert,
  RedFlagReport,
  SafetySettings,
  SavedReply,
  SavedReplyDraft,
  StaffMember,
  StaffMemberWithPassword,
  StaffPatch,
  TeamDetails,
} from './settings-types.ts';
import type { Page } from './types.ts';

const API = '/api/v1';

/**
 * Query keys of the settings screens. Each starts like the inbox's own key for the same data
 * (`['users']`, `['teams']`, `['canned-replies']`), so invalidating one refreshes both.
 */
export const settingsKeys = {
  staff: ['users', 'with-deactivated'] as const,
  teams: ['teams', 'details'] as const,
  channels: ['channels'] as const,
  savedReplies: ['canned-replies', { all: true }] as const,
  safety: ['safety-settings'] as const,
  redFlagReport: ['red-flags', 'report'] as const,
  alerts: ['alerts'] as const,
  sessions: ['auth-sessions'] as const,
  access: ['access-settings'] as const,
};

/** The most a page of saved replies holds: the screen reads them all, page after page. */
const REPLIES_PAGE = 100;

export const settingsApi = {
  staff: () => apiRequest<{ data: StaffMember[] }>(`${API}/users?include_deactivated=true`),
  addStaff: (member: NewStaffMember) =>
    apiRequest<StaffMemberWithPassword>(`${API}/users`, { method: 'POST', body: member }),
  changeStaff: (id: string, patch: StaffPatch) =>
    apiRequest<StaffMemberWithPassword>(`${API}/users/${id}`, { method: 'PATCH', body: patch }),
  signOutEverywhere: (id: string) =>
    apiRequest<{ signed_out: number }>(`${API}/users/${id}/sign-out-everywhere`, { method: 'POST' }),

  sessions: () => apiRequest<{ data: ActiveSession[] }>(`${API}/auth/sessions`),
  signOutSession: (id: string) => apiRequest<void>(`${API}/auth/sessions/${id}`, { method: 'DELETE' }),
  signOutOtherSessions: () =>
    apiRequest<{ signed_out: number }>(`${API}/auth/sessions/sign-out-others`, { method: 'POST' }),

  teams: () => apiRequest<{ data: TeamDetails[] }>(`${API}/teams`),
  createTeam: (team: { name: string; assignment_mode: AssignmentMode }) =>
    apiRequest<TeamDetails>(`${API}/teams`, { method: 'POST', body: team }),
  changeTeam: (id: string, patch: { name?: string; assignment_mode?: AssignmentMode }) =>
    apiRequest<TeamDetails>(`${API}/teams/${id}`, { method: 'PATCH', body: patch }),
  setTeamMembers: (id: string, userIds: string[]) =>
    apiRequest<TeamDetails>(`${API}/teams/${id}/members`, { method: 'PUT', body: { user_ids: userIds } }),

  channels: () => apiRequest<{ data: Channel[] }>(`${API}/channels`),
  setDefaultTeam: (channelId: string, teamId: string | null) =>
    apiRequest<Channel>(`${API}/channels/${channelId}`, {
      method: 'PATCH',
      body: { default_team_id: teamId },
    }),
  addChannel: (channel: NewChannel) =>
    apiRequest<Channel>(`${API}/channels`, { method: 'POST', body: channel }),
  changeChannel: (id: string, patch: ChannelPatch) =>
    apiRequest<Channel>(`${API}/channels/${id}`, { method: 'PATCH', body: patch }),
  removeChannel: (id: string) => apiRequest<void>(`${API}/channels/${id}`, { method: 'DELETE' }),

  savedReplies: async (): Promise<SavedReply[]> => {
    const all: SavedReply[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ limit: String(REPLIES_PAGE) });
      if (cursor) params.set('cursor', cursor);
      const page: Page<SavedReply> = await apiRequest<Page<SavedReply>>(`${API}/canned-replies?${params}`);
      all.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    return all;
  },
  createSavedReply: (draft: SavedReplyDraft) =>
    apiRequest<SavedReply>(`${API}/canned-replies`, { method: 'POST', body: draft }),
  changeSavedReply: (id: string, draft: Partial<SavedReplyDraft>) =>
    apiRequest<SavedReply>(`${API}/canned-replies/${id}`, { method: 'PATCH', body: draft }),
  deleteSavedReply: (id: string) => apiRequest<void>(`${API}/canned-replies/${id}`, { method: 'DELETE' }),

  safety: () => apiRequest<SafetySettings>(`${API}/safety-settings`),
  changeSafety: (settings: SafetySettings) =>
    apiRequest<SafetySettings>(`${API}/safety-settings`, { method: 'PUT', body: settings }),
  /** The server's default period: the last 30 days. */
  redFlagReport: () => apiRequest<RedFlagReport>(`${API}/red-flags/report`),

  alerts: () => apiRequest<{ data: OperatorAlert[] }>(`${API}/alerts`),
  accessSettings: () => apiRequest<AccessSettings>(`${API}/access-settings`),
  changeAccessSettings: (settings: AccessSettings) =>
    apiRequest<AccessSettings>(`${API}/access-settings`, { method: 'PATCH', body: settings }),
  retryAlert: (id: string) => apiRequest<OperatorAlert>(`${API}/alerts/${id}/retry`, { method: 'POST' }),
  resolveAlert: (id: string) => apiRequest<OperatorAlert>(`${API}/alerts/${id}/resolve`, { method: 'POST' }),
};
