import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';

/** FHIR AuditEvent.action: Create, Read, Update, Delete, Execute (a search is an E). */
export const AUDIT_ACTIONS = ['C', 'R', 'U', 'D', 'E'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What was read: a FHIR-like resource type and its id (`Conversation`, `Patient`, `Media`…). */
export interface AuditEntity {
  type: string;
  id: string;
}

/**
 * One read of patient data, append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and chained per
 * clinic: `hash` = SHA-256 of `prev_hash|seq|canonical record` (audit-chain.ts), so a changed or missing
 * row breaks the chain `careline verify-audit` walks. Columns are named after FHIR AuditEvent. No
 * foreign keys to patients or staff: erasing a patient must not erase who read their file.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    recorded: timestamp('recorded', { withTimezone: true, precision: 3 }).notNull(),
    /** `rest` (a read or search through the API or web app) or `export`. */
    type: text('type').notNull(),
    /** `read`, `search`, `download`, `access-report`… */
    subtype: text('subtype').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    /** FHIR outcome code: 0 = success (only reads that answered are recorded). */
    outcome: text('outcome').notNull(),
    agentUserId: uuid('agent_user_id'),
    agentApiKeyId: uuid('agent_api_key_id'),
    agentRole: text('agent_role').notNull(),
    /** The caller's address as Careline saw it (request.ip, behind TRUST_PROXY's proxies). */
    agentNetwork: text('agent_network').notNull(),
    entity: jsonb('entity').$type<AuditEntity[]>().notNull(),
    /** The patients whose data was read (contact ids), for "who has seen my file". */
    patientIds: uuid('patient_ids').array().notNull(),
    /** Why, when the reader gave a reason (X-Access-Reason). */
    purposeOfUse: text('purpose_of_use'),
    /** A search's words are PHI: sealed with the master FieldCipher, never stored readable. */
    querySealed: text('query_sealed'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    index('audit_events_org_recorded_idx').on(t.orgId, t.recorded),
    index('audit_events_patients_idx').using('gin', t.patientIds),
    index('audit_events_agent_idx').on(t.orgId, t.agentUserId).where(sql`${t.agentUserId} is not null`),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * The last link of each clinic's chain. Appending updates this row in the same statement, so concurrent
 * readers queue on its row lock and the chain never forks.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** A clinic's audit rules: the roles that must say why they open a patient's data. */
export const auditSettings = pgTable('audit_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  reasonRequiredRoles: text('reason_required_roles').array().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
