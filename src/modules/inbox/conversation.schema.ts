import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channelAccounts } from '../channel-accounts/channel-account.schema.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { teams } from '../teams/team.schema.ts';
import { users } from '../users/user.schema.ts';
import { CONVERSATION_STATUSES } from './conversation-statuses.ts';

// The vocabulary lives apart from the table so that other modules can use it without the table.
export { CONVERSATION_STATUSES, type ConversationStatus } from './conversation-statuses.ts';

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    channelAccountId: uuid('channel_account_id')
      .notNull()
      .references(() => channelAccounts.id),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open'),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // The WhatsApp 24-hour customer-service window runs from the patient's last message.
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true, precision: 3 }),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    teamId: uuid('team_id').references(() => teams.id),
    /** Patient messages the care team has not read yet. */
    unreadCount: integer('unread_count').notNull().default(0),
    /** Since when the patient waits for an answer: their first message after the clinic's last one. */
    waitingSince: timestamp('waiting_since', { withTimezone: true, precision: 3 }),
    urgent: boolean('urgent').notNull().default(false),
    /** A red flag nobody has acknowledged yet, since when: the conversation is pinned first until then. */
    urgentSince: timestamp('urgent_since', { withTimezone: true, precision: 3 }),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // At most one live conversation per patient and channel account, even under concurrent webhooks.
    uniqueIndex('conversations_one_live_per_contact')
      .on(t.channelAccountId, t.contactId)
      .where(sql`${t.status} <> 'closed'`),
    index('conversations_org_list_idx').on(t.orgId, t.lastMessageAt, t.id),
    index('conversations_assignee_idx').on(t.orgId, t.assigneeUserId, t.status),
    index('conversations_urgent_idx').on(t.orgId, t.urgentSince).where(sql`${t.urgentSince} is not null`),
  ],
);

export type Conversation = typeof conversations.$inferSelect;
