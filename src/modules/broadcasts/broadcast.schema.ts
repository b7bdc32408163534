import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { patientGroups } from '../patient-groups/patient-group.schema.ts';
import { users } from '../users/user.schema.ts';
import {
  BROADCAST_RECIPIENT_STATES,
  BROADCAST_SKIP_REASONS,
  BROADCAST_STATUSES,
  type BroadcastContent,
} from './broadcast-vocabulary.ts';

/**
 * A health broadcast: one message (free text or an approved template, per language) to a group of
 * patients, now or at `send_at`. Health information only, never marketing. Its words are the clinic's,
 * the same for every patient: what is personal (the patient's name in the text) is sealed in each
 * message the outbox stores.
 */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => patientGroups.id),
    status: text('status', { enum: BROADCAST_STATUSES }).notNull(),
    sendAt: timestamp('send_at', { withTimezone: true, precision: 3 }).notNull(),
    /** Per language (fr, en): `{ text }` or `{ template: { name, language, parameters } }`. */
    content: jsonb('content').$type<BroadcastContent>().notNull(),
    defaultLanguage: text('default_language', { enum: ['fr', 'en'] }).notNull(),
    /** Local wall-clock times (HH:MM) in each patient's time zone when nothing goes; start after end: overnight. */
    quietStart: text('quiet_start').notNull().default('20:00'),
    quietEnd: text('quiet_end').notNull().default('08:00'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    /** The last patient of the group's audience taken in (id order); null: none yet. */
    audienceCursor: uuid('audience_cursor'),
    /** When the whole audience had been taken in. */
    audienceDoneAt: timestamp('audience_done_at', { withTimezone: true, precision: 3 }),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    cancelledByUserId: uuid('cancelled_by_user_id').references(() => users.id),
    /** Bumped by every pass, so the live feed (its trigger) tells the report page to look again. */
    passes: integer('passes').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('broadcasts_org_created_idx').on(t.orgId, t.createdAt, t.id)],
);

/** One patient of a broadcast's audience: at most one row (and one message) per broadcast and patient. */
export const broadcastRecipients = pgTable(
  'broadcast_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    broadcastId: uuid('broadcast_id')
      .notNull()
      .references(() => broadcasts.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    /** pending → queued (its message is the outbox's), or skipped with the reason. */
    state: text('state', { enum: BROADCAST_RECIPIENT_STATES }).notNull(),
    skipReason: text('skip_reason', { enum: BROADCAST_SKIP_REASONS }),
    /** Not before (the end of the patient's quiet hours in their time zone). */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }).notNull(),
    channel: text('channel', { enum: CHANNEL_TYPES }),
    conversationId: uuid('conversation_id'),
    messageId: uuid('message_id'),
    /** The language the patient got it in. */
    language: text('language'),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('broadcast_recipients_unique').on(t.broadcastId, t.contactId),
    index('broadcast_recipients_pending_idx').on(t.broadcastId, t.state, t.dueAt),
    index('broadcast_recipients_message_idx').on(t.messageId),
    index('broadcast_recipients_contact_idx').on(t.orgId, t.contactId),
  ],
);

export type Broadcast = typeof broadcasts.$inferSelect;
export type BroadcastRecipient = typeof broadcastRecipients.$inferSelect;
