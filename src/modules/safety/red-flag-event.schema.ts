import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from '../contacts/contact.schema.ts';
import { conversations } from '../inbox/conversation.schema.ts';
import { messages } from '../inbox/message.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';

/** Who had the conversation when the red flag came: the bot (a flow, or nobody yet) or a person. */
export const RED_FLAG_HANDLERS = ['automation', 'staff'] as const;
export type RedFlagHandler = (typeof RED_FLAG_HANDLERS)[number];

/**
 * A patient's message that reads like an emergency, one row per message, written in the transaction
 * that stores the message: the conversation is urgent before anything answers it. The response (advice,
 * flow stopped, hand-off) and the team's acknowledgement are filled in as they happen, so the clinic can
 * see what was sent and how long a person took.
 */
export const redFlagEvents = pgTable(
  'red_flag_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    /** The most urgent category found: it decides the advice. */
    category: text('category').notNull(),
    /** Every category the message raised, most urgent first. */
    categories: jsonb('categories').$type<string[]>().notNull(),
    /** The patient's own words that raised it, as typed. */
    words: text('words').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, precision: 3 }).notNull(),
    /** Set once automation has answered it (advice, flow stopped, hand-off); null until then. */
    respondedAt: timestamp('responded_at', { withTimezone: true, precision: 3 }),
    handledBy: text('handled_by', { enum: RED_FLAG_HANDLERS }),
    /** The advice sent to the patient (its message), or why none was. */
    adviceMessageId: uuid('advice_message_id').references(() => messages.id),
    adviceSkippedReason: text('advice_skipped_reason'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, precision: 3 }),
    acknowledgedByUserId: uuid('acknowledged_by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('red_flag_events_message_idx').on(t.messageId),
    index('red_flag_events_org_raised_idx').on(t.orgId, t.raisedAt),
    index('red_flag_events_pending_idx').on(t.conversationId).where(sql`${t.acknowledgedAt} is null`),
  ],
);

export type RedFlagEvent = typeof redFlagEvents.$inferSelect;
