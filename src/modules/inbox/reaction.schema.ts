import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';
import { MESSAGE_DIRECTIONS, messages } from './message.schema.ts';

/** An emoji on a message: one per side (patient, clinic), replaced or removed as people change it. */
export const messageReactions = pgTable(
  'message_reactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    direction: text('direction', { enum: MESSAGE_DIRECTIONS }).notNull(),
    emoji: text('emoji').notNull(),
    externalId: text('external_id'),
    reactedAt: timestamp('reacted_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('message_reactions_one_per_side').on(t.messageId, t.direction)],
);

export type MessageReaction = typeof messageReactions.$inferSelect;
