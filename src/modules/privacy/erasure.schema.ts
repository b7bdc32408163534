import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from '../auth/api-key.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';

/**
 * That a patient was erased, by whom and when, under a random reference the clinic can quote (e.g. in
 * its answer to the patient). Never who was erased: keeping that would defeat the erasure.
 */
export const erasures = pgTable(
  'erasures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    reference: text('reference').notNull().unique(),
    erasedByUserId: uuid('erased_by_user_id').references(() => users.id),
    erasedByApiKeyId: uuid('erased_by_api_key_id').references(() => apiKeys.id),
    /** How many rows (and files) of each kind went: counts only. */
    removed: jsonb('removed').$type<Record<string, number>>().notNull().default({}),
    erasedAt: timestamp('erased_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('erasures_org_idx').on(t.orgId, t.erasedAt)],
);

export type Erasure = typeof erasures.$inferSelect;
