import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins per source: an e-mail address tried from browsers it has not been used in, or one
 * known browser of an account. Keyed by a SHA-256 of the source, whether the account exists or not,
 * so unknown and real accounts are throttled alike (and without an org_id: an unknown e-mail has no
 * clinic). Rows untouched for a day are forgotten.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    keyHash: text('key_hash').primaryKey(),
    /** Consecutive failures since the last pause. */
    failures: integer('failures').notNull().default(0),
    /** Pauses so far: each one lasts twice the one before. */
    pauses: integer('pauses').notNull().default(0),
    pausedUntil: timestamp('paused_until', { withTimezone: true, precision: 3 }),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('sign_in_throttles_updated_idx').on(t.updatedAt)],
);

export type SignInThrottle = typeof signInThrottles.$inferSelect;
