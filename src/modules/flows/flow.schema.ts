import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts } from '../contacts/contact.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { teams } from '../teams/team.schema.ts';
import { users } from '../users/user.schema.ts';
import type { FlowSession } from './engine/index.ts';
import type { FlowTrigger } from './flow-trigger.schema.ts';

/**
 * An automation of a clinic: its triggers and switches here, its steps in `flow_versions`. Editing
 * a flow adds a version; sessions already running stay on the version they started with.
 */
export const flows = pgTable(
  'flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    key: text('key').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    triggers: jsonb('triggers').$type<FlowTrigger[]>().notNull().default([]),
    /** Lower wins when several flows' triggers match the same message. */
    priority: integer('priority').notNull().default(100),
    oncePerContact: boolean('once_per_contact').notNull().default(false),
    currentVersion: integer('current_version').notNull(),
    /** The built-in flow it was installed from, if any. */
    builtIn: text('built_in'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('flows_org_key_unique').on(t.orgId, t.key)],
);

export const flowVersions = pgTable(
  'flow_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id),
    version: integer('version').notNull(),
    /** The engine's FlowDefinition, validated before it is stored. */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('flow_versions_flow_version_unique').on(t.flowId, t.version)],
);

export const FLOW_SESSION_STATUSES = [
  'running',
  'paused',
  'completed',
  'handed_off',
  'failed',
  'stopped',
] as const;
export type FlowSessionStatus = (typeof FLOW_SESSION_STATUSES)[number];
export const LIVE_FLOW_SESSION_STATUSES = [
  'running',
  'paused',
] as const satisfies readonly FlowSessionStatus[];

/** One run of a flow in one conversation; `state` is the engine's session, kept as it returned it. */
export const flowSessions = pgTable(
  'flow_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id),
    flowVersion: integer('flow_version').notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    status: text('status', { enum: FLOW_SESSION_STATUSES }).notNull(),
    /** Written by Careline before flow state was sealed; new sessions keep it null (see `state_sealed`). */
    state: jsonb('state').$type<FlowSession | null>(),
    /** The whole state (variables, intake answers, HTTP results) as JSON, sealed with the patient's key. */
    stateSealed: text('state_sealed'),
    /** Why it ended or paused, for the agent: `agent_replied`, `red_flag`, `expired`, `loop`… */
    reason: text('reason'),
    trigger: text('trigger').notNull(),
    /** A session nobody answers must not hold the conversation: it ends at this time. */
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    // One live automation per conversation: a second trigger never starts a parallel bot.
    uniqueIndex('flow_sessions_one_live_per_conversation')
      .on(t.conversationId)
      .where(sql`${t.status} in ('running', 'paused')`),
    index('flow_sessions_contact_flow_idx').on(t.orgId, t.contactId, t.flowId),
  ],
);

/**
 * Where automation is in each conversation's stream of patient messages: they are handed to flows
 * in order, once, whatever order their jobs run in.
 */
export const flowConversationCursors = pgTable('flow_conversation_cursors', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  /** The last patient message handed to automation, by arrival order (messages.seq). */
  lastMessageSeq: bigint('last_message_seq', { mode: 'number' }).notNull(),
});

/** A patient's rating of a conversation, with who looked after it then. */
export const csatResponses = pgTable(
  'csat_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    flowSessionId: uuid('flow_session_id')
      .notNull()
      .references(() => flowSessions.id),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    teamId: uuid('team_id').references(() => teams.id),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('csat_responses_session_unique').on(t.flowSessionId),
    index('csat_responses_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

export type Flow = typeof flows.$inferSelect;
export type FlowVersion = typeof flowVersions.$inferSelect;
export type FlowSessionRow = typeof flowSessions.$inferSelect;
export type CsatResponse = typeof csatResponses.$inferSelect;
