import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';

/**
 * The first answer to a request sent with an `Idempotency-Key`, kept for at least 24 hours so a client
 * that retries (a timeout, a lost connection) gets that answer again instead of sending twice. A key
 * belongs to one caller of one clinic (`principal`: the API key or the signed-in user). While the first
 * request runs the row has no response yet and a claim that lapses at `locked_until`.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the request (route, target, body): the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    /** Who holds the key while the first request runs: only that run may store its answer. */
    claim: uuid('claim').notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }).notNull(),
    responseStatus: integer('response_status'),
    responseType: text('response_type'),
    /** Only in rows stored before encryption (they expire within a day): see response_sealed. */
    responseBody: jsonb('response_body'),
    /** The answer's JSON body, sealed with the clinic's key: it holds what the message said. */
    responseSealed: text('response_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('idempotency_keys_scope_unique').on(t.orgId, t.principal, t.key),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
