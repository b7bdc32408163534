import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What changed, per clinic, in order: the feed of live updates (SSE, with Last-Event-ID resume).
 * Written by database triggers on messages and conversations, so no code path can forget to publish.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('events_org_idx').on(t.orgId, t.id)],
);

export type CarelineEvent = typeof events.$inferSelect;
