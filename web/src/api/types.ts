import type { Permission } from './permission-types.ts';
import type { StaffRole } from './settings-types.ts';
/** The inbox API's JSON, as the contract describes it (snake_case on the wire). */

import type { ConversationAutomation } from './flow-types.ts';

export type ConversationStatus = 'open' | 'pending' | 'closed';
export const CONVERSATION_STATUSES: readonly ConversationStatus[] = ['open', 'pending', 'closed'];

export type InboxView = 'mine' | 'unassigned' | 'urgent' | 'all';
/** In the sidebar's order: Urgent last, so that on a narrow sidebar it wraps alone onto its own line. */
export const INBOX_VIEWS: readonly InboxView[] = ['mine', 'unassigned', 'all', 'urgent'];

/** The signs of an emergency the safety net recognises in a patient's words. */
export const RED_FLAG_CATEGORIES = [
  'loss_of_consciousness',
  'breathing_difficulty',
  'chest_pain',
  'stroke_signs',
  'severe_allergy',
  'heavy_bleeding',
  'seizure',
  'meningitis_signs',
  'sepsis_signs',
  'infant_fever',
  'pregnancy_emergency',
  'poisoning_overdose',
  'severe_head_injury',
  'severe_burn',
  'severe_abdominal_pain',
  'suicidal_thoughts',
] as const;
export type RedFlagCategory = (typeof RED_FLAG_CATEGORIES)[number];

/** The latest red flag of an urgent conversation. */
export interface RedFlag {
  id: string;
  /** A RedFlagCategory; a newer server may send one this app does not know yet. */
  category: string;
  /** The patient's own alarming words. */
  words: string;
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by: { id: string; name: string | null } | null;
}

export type MessageDirection = 'inbound' | 'outbound' | 'note';

export type MessageStatus =
  | 'received'
  | 'queued'
  | 'sending'
  | 'accepted'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'played'
  | 'failed'
  | 'refused';

export interface Org {
  id: string;
  name: string;
  slug: string;
  time_zone: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  /** What the role may do (server's access-rules.ts); the app hides the rest. */
  permissions: Permission[];
  language: string | null;
  org: Org;
  two_factor_enabled?: boolean;
}

export interface Session {
  user: SessionUser;
  csrf_token: string;
  /** The clinic requires two-factor sign-in of this person, not set up yet: the app shows enrolment only. */
  two_factor_enrolment_required?: boolean;
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface MediaFile {
  id: string;
  kind: string;
  status: 'pending' | 'stored' | 'failed';
  mime_type: string | null;
  file_name: string | null;
  size: number | null;
  /** Why it could not be retrieved, or `erased_by_retention_policy`. */
  error?: string | null;
}

export interface LocationContent {
  latitude: number;
  longitude: number;
  name?: string | null;
  address?: string | null;
}

export interface ContactCard {
  name: string | null;
  phones?: Array<{ phone?: string | null; waId?: string | null; type?: string | null }>;
}

export interface ButtonDraft {
  id: string;
  title: string;
}

/** What the clinic posted, kept on outbound messages (camelCase, as it was sent). */
export interface OutboundContent {
  type?: string;
  body?: string;
  buttons?: ButtonDraft[];
  /** A list message: the button that opens it and its rows, by section. */
  buttonLabel?: string;
  sections?: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }>;
  /** A call-to-action button. */
  displayText?: string;
  url?: string;
  name?: string;
  language?: string;
  components?: { body?: string[] };
  caption?: string;
  fileName?: string;
}

/**
 * Parts of a patient's message the database refused, left out so that the rest could be stored, and
 * `message_id` when WhatsApp's id for it was unusable and one of Careline's stands in for it.
 */
export const OMITTED_PARTS = [
  'message_id',
  'profile_name',
  'username',
  'media',
  'reply_to',
  'details',
] as const;
export type OmittedPart = (typeof OMITTED_PARTS)[number];

export interface MessageContent {
  /** What Careline could not store of this message and left out. */
  omitted?: string[];
  location?: LocationContent;
  contacts?: ContactCard[];
  reply?: { id: string; title: string; description?: string | null };
  outbound?: OutboundContent;
}

export interface Message {
  id: string;
  direction: MessageDirection;
  type: string;
  text: string | null;
  content: MessageContent | null;
  status: MessageStatus;
  error: { code: number | null; title: string | null; detail: string | null } | null;
  failure_reason: string | null;
  reactions: Array<{ direction: MessageDirection; emoji: string }>;
  media: MediaFile[];
  author: { id: string; name: string | null } | null;
  /** Written by an automation flow. */
  automated: boolean;
  /** A medical note: only clinicians, supervisors and administrators get it. */
  medical?: boolean;
  edited_at: string | null;
  deleted_at: string | null;
  /** The clinic's retention policy erased its text and details (its files may remain). */
  retention_erased_at?: string | null;
  reply_to_external_id: string | null;
  external_id: string | null;
  occurred_at: string;
}

export interface ContactSummary {
  id: string;
  display_name: string | null;
  phone: string | null;
}

export interface Conversation {
  id: string;
  status: ConversationStatus;
  contact: ContactSummary;
  assignee: { id: string; name: string | null } | null;
  team: { id: string; name: string } | null;
  unread_count: number;
  waiting_since: string | null;
  /** A red flag was raised in this conversation (it stays true once acknowledged). */
  urgent: boolean;
  /** Since when an alert waits for a person to acknowledge it; non-null: pinned first. */
  urgent_since: string | null;
  red_flag: RedFlag | null;
  window: { open: boolean; closes_at: string | null };
  channel: string;
  /** The clinic's number the patient wrote to. */
  channel_account_id: string;
  last_message: Message | null;
  last_message_at: string;
  /** The flow talking with the patient, or paused after a person wrote; null without automation. */
  automation: ConversationAutomation | null;
}

export interface ConversationCounts {
  mine: number;
  unassigned: number;
  all: number;
  unread: number;
  /** Open conversations with an alert nobody acknowledged yet. */
  urgent: number;
}

export interface TemplateComponent {
  type: string;
  text?: string;
  format?: string;
  buttons?: Array<{ type: string; text?: string }>;
}

export interface Template {
  name: string;
  language: string;
  category: string;
  status?: string;
  components: TemplateComponent[];
}

export interface CannedReply {
  id: string;
  shortcut: string;
  text: string;
}

export interface ContactIdentity {
  channel?: string;
  kind?: string;
  type?: string;
  value?: string;
  external_id?: string;
  wa_id?: string;
  bsuid?: string;
}

export interface ContactDetails extends ContactSummary {
  language: string | null;
  tags: string[];
  custom_fields: Record<string, string | number | boolean | null>;
  identities: ContactIdentity[];
  conversations: Array<{ id: string; status: ConversationStatus; last_message_at: string }>;
}

export interface ContactPatch {
  display_name?: string;
  language?: string | null;
  tags?: string[];
  custom_fields?: Record<string, string | number | boolean | null>;
}

export interface StaffUser {
  id: string;
  name: string | null;
  email?: string;
  role?: string;
  online?: boolean;
}

export interface Team {
  id: string;
  name: string;
}

export interface SearchResults {
  messages: Array<{
    message_id: string;
    conversation_id: string;
    contact: ContactSummary | null;
    occurred_at: string;
    snippet: string;
  }>;
  contacts: Array<ContactSummary & { conversation_id?: string | null }>;
}

/** The bodies of `POST /conversations/{id}/messages` (camelCase, as the API takes them). */
export type OutgoingMessage =
  | { type: 'text'; text: string }
  | {
      type: 'image' | 'document' | 'audio' | 'video';
      media: { mediaId: string };
      caption?: string;
      fileName?: string;
    }
  | { type: 'audio' | 'sticker'; media: { mediaId: string } }
  | { type: 'buttons'; body: string; buttons: ButtonDraft[] }
  | { type: 'template'; name: string; language: string; components: { body: string[] } };
