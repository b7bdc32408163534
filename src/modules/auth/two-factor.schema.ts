import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/user.schema.ts';

/** A person's unused recovery codes, by hash only (they are shown once, at creation). Used = deleted. */
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [unique('two_factor_recovery_codes_user_code_unique').on(t.userId, t.codeHash)],
);

/**
 * The step between a right password and the second factor: not a session (it opens no route), only
 * the right to send a code for that person, for five minutes. `throttleKey` is the sign-in source the
 * password was counted against, so that wrong codes count there too; `deviceId` the browser's known
 * device, if any.
 */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    throttleKey: text('throttle_key').notNull(),
    deviceId: uuid('device_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('sign_in_challenges_user_idx').on(t.userId)],
);

export type SignInChallenge = typeof signInChallenges.$inferSelect;
