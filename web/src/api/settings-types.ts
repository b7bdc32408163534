/**
 * The settings API's JSON (staff, teams, numbers, saved replies) under the names the screens use: the
 * responses are aliases into the types generated from the server's OpenAPI document (generated/openapi.ts).
 */
import type * as Api from './generated/openapi.ts';

export type StaffRole = Api.StaffMember['role'];
export const STAFF_ROLES: readonly StaffRole[] = ['agent', 'clinician', 'supervisor', 'admin', 'auditor'];

export type AssignmentMode = Api.Team['assignment_mode'];
export const ASSIGNMENT_MODES: readonly AssignmentMode[] = ['round_robin', 'least_open', 'manual'];

/** Most open conversations automatic assignment gives one person (the server's bounds). */
export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 200;
export const PASSWORD_MIN = 12;

export type StaffMember = Api.StaffMember;

/** One of the signed-in person's browsers (`GET /auth/sessions`). */
export type ActiveSession = Api.ActiveSession;

/** A member as an administrator's change returns them, with the password Careline chose, once. */
export type StaffMemberWithPassword = Api.StaffMemberWithPassword;

export type NewStaffMember = Api.NewStaffMember;

export type StaffPatch = Api.StaffPatch;

export type TeamDetails = Api.Team;

export type Channel = Api.Channel;

export type ChannelType = Api.Channel['type'];

export type NewChannel = Api.NewChannel;

export type ChannelPatch = Api.ChannelPatch;

export type SavedReply = Api.CannedReply;

export type SavedReplyDraft = Api.NewCannedReply;

/** The clinic's safety net: the numbers the emergency advice gives, and when it goes out. */
export type SafetySettings = Api.SafetySettings;

export type RedFlagReport = Api.RedFlagReport;
export type RedFlagFigures = RedFlagReport['total'];

export type AlertKind =
  | 'channel_token_invalid'
  | 'inbound_not_stored'
  | 'inbound_item_refused'
  | 'line_quota_warning'
  | 'webhook_subscription_disabled';

/** Something an administrator must fix or retry; the detail quotes nothing of a patient's message. */
export type OperatorAlert = Api.Alert;

/** Who sees which conversations (GET/PATCH /access-settings). */
export type AccessSettings = Api.AccessSettings;
