import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';
import { USER_ROLES } from './user-roles.ts';

// The vocabulary lives apart from the table so that other modules can use it without the table.
export { USER_ROLES, type UserRole } from './user-roles.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    email: text('email').notNull(),
    name: text('name'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    /** Interface language; null = the browser's. */
    language: text('language'),
    /** Most open conversations automatic assignment gives this agent. */
    capacity: integer('capacity').notNull().default(10),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
    /** Refreshed while the agent has the inbox open: "online" for assignment. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }),
    /** Set when an administrator deactivated the account: no sign-in, no conversations. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true, precision: 3 }),
    /**
     * The TOTP secret (base32), sealed with the master field cipher (two-factor-secret.ts). Set with
     * `totpEnabledAt` null while enrolment waits for its first code.
     */
    totpSecret: text('totp_secret'),
    /** When two-factor sign-in was confirmed; null = not enrolled. */
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true, precision: 3 }),
    /** The last 30-second time step a code was accepted for: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // One sign-in identity across clinics: an e-mail names one person.
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;
