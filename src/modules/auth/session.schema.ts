import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';

/**
 * A signed-in browser. Only a SHA-256 of the cookie's token is stored; its CSRF token is derived from
 * the cookie's (csrfTokenOf), not stored. `expires_at` never passes `created_at` plus the absolute lifetime.
 * `browser`, `os` and `ip_prefix` let a person recognise the session in their list (session-origin.ts):
 * families from a closed list and a /24 or /48 network, never the User-Agent or the full address.
 */
export const sessions = pgTable(
  'sessions',
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
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    browser: text('browser'),
    os: text('os'),
    ipPrefix: text('ip_prefix'),
    /**
     * A session of someone their clinic requires two-factor sign-in of, who has not set it up yet: it
     * may only enrol (api-key.auth.ts refuses every other route with 403).
     */
    twoFactorEnrolmentOnly: boolean('two_factor_enrolment_only').notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type Session = typeof sessions.$inferSelect;
