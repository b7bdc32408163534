import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';

/** A saved answer an agent inserts by typing /shortcut in the composer. */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    shortcut: text('shortcut').notNull(),
    text: text('text').notNull(),
    language: text('language'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('canned_replies_org_shortcut_unique').on(t.orgId, t.shortcut)],
);

export type CannedReply = typeof cannedReplies.$inferSelect;
