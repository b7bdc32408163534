/**
 * The inbox API's JSON under the names the app uses: aliases into the types generated from the server's
 * OpenAPI document (generated/openapi.ts, `npm run api:types`), so the contract has one author.
 */
import type * as Api from './generated/openapi.ts';

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
export type RedFlag = NonNullable<Api.Conversation['red_flag']>;

export type MessageDirection = Api.Message['direction'];
export type MessageStatus = Api.Message['status'];

export type SessionUser = Api.SignedIn['user'];
export type Org = SessionUser['org'];
export type Session = Api.SignedIn;

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export type MediaFile = Api.Media;

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

export type Message = Api.Message;

export type ContactSummary = Api.ContactRef;
export type Conversation = Api.Conversation;
/** One of the patient's channels the care team can answer on, with what its window allows now. */
export type PatientChannel = Api.PatientChannel;
export type ConversationCounts = Api.ConversationCounts;

export type TemplateComponent = Api.TemplateComponent;
export type Template = Api.Template;

export type CannedReply = Api.CannedReply;

export type StaffUser = Api.StaffMember;
export type Team = Api.Team;

export type ContactIdentity = Api.ContactPanel['identities'][number];
export type ContactDetails = Api.ContactPanel;
export type ContactPatch = Api.ContactPatch;

export type SearchResults = Api.SearchResults;

/** What a message may hold on a channel (`GET /limits`): the server checks sends against the same figures. */
export type ChannelLimits = Api.ChannelLimits;

export interface ButtonDraft {
  id: string;
  title: string;
}

/** The bodies of `POST /conversations/{id}/messages` the composer sends (camelCase, as the API takes them). */
export type OutgoingMessage = Api.OutboundMessage;
