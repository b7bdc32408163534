import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';

export const FHIR_AUTH_KINDS = ['bearer', 'smart'] as const;
export type FhirAuthKind = (typeof FHIR_AUTH_KINDS)[number];

/**
 * A clinic's EHR: where its FHIR server is and how Careline signs in there. The bearer token or the
 * SMART private key are sealed with the clinic's key (`secrets`); the public key is not a secret and
 * is shown to the administrator to register in the EHR.
 */
export const fhirConnections = pgTable('fhir_connections', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  baseUrl: text('base_url').notNull(),
  authKind: text('auth_kind', { enum: FHIR_AUTH_KINDS }).notNull(),
  /** SMART Backend Services: the client id the EHR gave Careline. */
  clientId: text('client_id'),
  /** SMART: the scopes asked for (`system/*.read system/*.write` by default). */
  scope: text('scope'),
  /** Sealed JSON: `{ token }` or `{ privateJwk }`. */
  secrets: text('secrets'),
  /** The public half of the SMART key (a JWK as JSON, with its `kid` and `alg`). */
  publicJwk: text('public_jwk'),
  enabled: boolean('enabled').notNull().default(false),
  importIntervalMinutes: integer('import_interval_minutes').notNull().default(60),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export type FhirConnectionRow = typeof fhirConnections.$inferSelect;

export const FHIR_LINKED_TYPES = ['Patient', 'Practitioner', 'Appointment', 'Communication'] as const;
export type FhirLinkedType = (typeof FHIR_LINKED_TYPES)[number];

/**
 * Which Careline record a resource of the EHR is, so that a re-import updates in place and a
 * write-back updates the same remote resource. `localUpdatedAt` is the local record's `updated_at` as
 * last synchronised: a change notice for a record already in step writes nothing back (no echo of an
 * import).
 */
export const fhirLinks = pgTable(
  'fhir_links',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    resourceType: text('resource_type', { enum: FHIR_LINKED_TYPES }).notNull(),
    localId: uuid('local_id').notNull(),
    remoteId: text('remote_id').notNull(),
    remoteVersionId: text('remote_version_id'),
    remoteLastUpdated: timestamp('remote_last_updated', { withTimezone: true, precision: 3 }),
    localUpdatedAt: timestamp('local_updated_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.resourceType, t.localId] }),
    uniqueIndex('fhir_links_remote_unique').on(t.orgId, t.resourceType, t.remoteId),
  ],
);

export type FhirLink = typeof fhirLinks.$inferSelect;

export const FHIR_SYNC_DIRECTIONS = ['import', 'write_back'] as const;
export const FHIR_SYNC_OUTCOMES = [
  'created',
  'updated',
  'linked',
  'unchanged',
  'ambiguous',
  'conflict',
  'skipped',
  'failed',
  'retrying',
] as const;
export type FhirSyncOutcome = (typeof FHIR_SYNC_OUTCOMES)[number];

/**
 * What each synchronisation did, resource by resource, for the clinic's administrator: never a
 * patient's data nor a secret, only kinds, ids, outcomes, HTTP statuses and messages Careline wrote.
 */
export const fhirSyncLog = pgTable(
  'fhir_sync_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    runId: uuid('run_id'),
    direction: text('direction', { enum: FHIR_SYNC_DIRECTIONS }).notNull(),
    resourceType: text('resource_type').notNull(),
    localId: uuid('local_id'),
    remoteId: text('remote_id'),
    outcome: text('outcome', { enum: FHIR_SYNC_OUTCOMES }).notNull(),
    httpStatus: integer('http_status'),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('fhir_sync_log_org_idx').on(t.orgId, t.id)],
);

export type FhirSyncLogRow = typeof fhirSyncLog.$inferSelect;
