/** The settings API's JSON (staff, teams, numbers, saved replies), snake_case as on the wire. */

export type StaffRole = 'admin' | 'agent';
export const STAFF_ROLES: readonly StaffRole[] = ['agent', 'admin'];

export type AssignmentMode = 'manual' | 'round_robin' | 'least_open';
export const ASSIGNMENT_MODES: readonly AssignmentMode[] = ['round_robin', 'least_open', 'manual'];

/** Most open conversations automatic assignment gives one person (the server's bounds). */
export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 200;
export const PASSWORD_MIN = 12;

export interface StaffMember {
  id: string;
  name: string | null;
  email: string;
  role: StaffRole;
  online: boolean;
  last_seen_at: string | null;
  open_conversations: number;
  capacity: number;
  /** Signs in with a code from an authenticator app. */
  two_factor_enabled?: boolean;
  /** Only on deactivated members. */
  deactivated_at?: string;
}

/** A member as an administrator's change returns them, with the password Careline chose, once. */
/** One of the signed-in person's browsers (`GET /auth/sessions`). */
export interface ActiveSession {
  id: string;
  /** The browser showing the list. */
  current: boolean;
  created_at: string;
  last_used_at: string;
  expires_at: string;
  browser: string | null;
  os: string | null;
  /** The network it signed in from: 203.0.113.0/24, 2001:db8:1::/48. */
  ip_prefix: string | null;
}

export interface StaffMemberWithPassword extends StaffMember {
  generated_password?: string;
}

export interface NewStaffMember {
  name: string;
  email: string;
  role: StaffRole;
  capacity?: number;
  /** Left out: the server generates one and returns it once. */
  password?: string;
}

export interface StaffPatch {
  name?: string;
  role?: StaffRole;
  capacity?: number;
  active?: boolean;
  password?: string;
}

export interface TeamDetails {
  id: string;
  name: string;
  assignment_mode: AssignmentMode;
  members: Array<{ id: string; name: string | null }>;
  created_at: string;
}

export interface Channel {
  id: string;
  type: string;
  name: string;
  display_phone_number: string | null;
  default_team: { id: string; name: string } | null;
}

export interface SavedReply {
  id: string;
  shortcut: string;
  text: string;
  language: string | null;
  created_by_user_id: string | null;
  created_at: string;
}

export interface SavedReplyDraft {
  shortcut: string;
  text: string;
  language: string | null;
}

/** The clinic's safety net: the numbers the emergency advice gives, and when it goes out. */
export interface SafetySettings {
  emergency_numbers: { emergency: string; european?: string; suicide?: string };
  /** The patient gets the emergency advice at once even when a person handles the conversation. */
  advise_when_staff_handles: boolean;
}

export interface RedFlagFigures {
  category: string;
  count: number;
  acknowledged: number;
  p50_seconds_to_acknowledgement: number | null;
  p90_seconds_to_acknowledgement: number | null;
}

export interface RedFlagReport {
  from: string;
  to: string;
  total: RedFlagFigures;
  categories: RedFlagFigures[];
}

export type AlertKind = 'channel_token_invalid' | 'inbound_not_stored' | 'inbound_item_refused';

/** Something an administrator must fix or retry; the detail quotes nothing of a patient's message. */
export interface OperatorAlert {
  id: string;
  kind: AlertKind | (string & {});
  channel_account_id: string | null;
  detail: string;
  /** POST /alerts/{id}/retry has it done again (a delivery that could not be stored). */
  retryable: boolean;
  created_at: string;
  resolved_at: string | null;
}
