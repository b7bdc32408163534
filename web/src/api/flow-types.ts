/**
 * The automation API's JSON (flows, their versions, satisfaction figures) under the names the screens
 * use: aliases into the types generated from the server's OpenAPI document (generated/openapi.ts).
 */
import type * as Api from './generated/openapi.ts';

export type FlowLanguage = keyof Api.Flow['name'];
export const FLOW_LANGUAGES: readonly FlowLanguage[] = ['fr', 'en'];

/** What starts a flow; the server keeps them beside the definition, not in it. */
export type FlowTrigger = Api.Flow['triggers'][number];
export type FlowTriggerKind = FlowTrigger['kind'];
export type KeywordMatch = Extract<FlowTrigger, { kind: 'keyword' }>['match'];

/** Triggers an administrator turns on or off with one switch (keywords have their own editor). */
export const EVENT_TRIGGERS = [
  'new_conversation',
  'outside_business_hours',
  'conversation_closed',
] as const satisfies readonly FlowTriggerKind[];
export type EventTriggerKind = (typeof EVENT_TRIGGERS)[number];

/**
 * `definition` stays an open record: the screens read it defensively (flow-outline.ts) so that a step
 * kind this app does not know yet is still shown, and the JSON editor edits it as the engine checks it.
 */
export type Flow = Api.Flow;
export type FlowDetails = Api.FlowDetails;
export type FlowVersion = FlowDetails['versions'][number];

export interface FlowSettingsPatch {
  enabled?: boolean;
  triggers?: FlowTrigger[];
  priority?: number;
  once_per_contact?: boolean;
}

/** The priority bounds the server accepts. */
export const PRIORITY_MIN = 0;
export const PRIORITY_MAX = 10_000;

export type CsatSummary = Api.CsatSummary;

export interface CsatFilter {
  from?: string;
  to?: string;
  team_id?: string;
  assignee_user_id?: string;
}

/** The flow talking with the patient (running), or waiting for the care team to hand back (paused). */
export type ConversationAutomation = NonNullable<Api.Conversation['automation']>;

export type AutomationSession = Api.AutomationSession;
