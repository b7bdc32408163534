/** The automation API's JSON (flows, their versions, satisfaction figures), snake_case as on the wire. */

export type FlowLanguage = 'fr' | 'en';
export const FLOW_LANGUAGES: readonly FlowLanguage[] = ['fr', 'en'];

export type KeywordMatch = 'exact' | 'contains';

/** What starts a flow; the server keeps them beside the definition, not in it. */
export type FlowTrigger =
  | { kind: 'keyword'; match: KeywordMatch; words: { fr: string[]; en: string[] } }
  | { kind: 'new_conversation' }
  | { kind: 'outside_business_hours' }
  | { kind: 'conversation_closed' }
  | { kind: 'api' }
  | { kind: 'flow' };

export type FlowTriggerKind = FlowTrigger['kind'];

/** Triggers an administrator turns on or off with one switch (keywords have their own editor). */
export const EVENT_TRIGGERS = ['new_conversation', 'outside_business_hours', 'conversation_closed'] as const;
export type EventTriggerKind = (typeof EVENT_TRIGGERS)[number];

export interface Flow {
  key: string;
  name: { fr: string; en: string };
  description: { fr: string; en: string } | null;
  enabled: boolean;
  triggers: FlowTrigger[];
  /** Lower wins when several flows' triggers match. */
  priority: number;
  once_per_contact: boolean;
  /** The version new sessions start on. */
  version: number;
  /** The built-in flow it was installed from; null for the clinic's own. */
  built_in: string | null;
  /** The steps, as the flow engine runs them (see flow-outline.ts for how the screens read them). */
  definition: Record<string, unknown>;
  updated_at: string;
}

export interface FlowVersion {
  version: number;
  created_at: string;
  created_by: string | null;
}

export interface FlowDetails extends Flow {
  versions: FlowVersion[];
}

export interface FlowSettingsPatch {
  enabled?: boolean;
  triggers?: FlowTrigger[];
  priority?: number;
  once_per_contact?: boolean;
}

/** The priority bounds the server accepts. */
export const PRIORITY_MIN = 0;
export const PRIORITY_MAX = 10_000;

export interface CsatSummary {
  count: number;
  /** Mean rating, 1–5, rounded to two decimals; null without answers. */
  average: number | null;
  /** Answers per rating, "1" to "5". */
  distribution: Record<string, number>;
}

export interface CsatFilter {
  from?: string;
  to?: string;
  team_id?: string;
  assignee_user_id?: string;
}

/** The flow talking with the patient (running), or waiting for the care team to hand back (paused). */
export interface ConversationAutomation {
  flow_key: string;
  status: 'running' | 'paused';
  /** Why it is paused: `agent_replied`… */
  reason: string | null;
  started_at: string;
}

export interface AutomationSession {
  session_id: string;
  status: string;
}
