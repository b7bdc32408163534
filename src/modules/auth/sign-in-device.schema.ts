import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';

/**
 * A browser someone signed in from with the right password (the careline_device cookie; only its
 * SHA-256 is stored). Failed sign-ins from it are counted apart from everyone else's, so no one can
 * keep a person out of the browsers they already use by guessing at their account elsewhere.
 */
export const signInDevices = pgTable(
  'sign_in_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_devices_user_idx').on(t.userId)],
);

export type SignInDevice = typeof signInDevices.$inferSelect;
