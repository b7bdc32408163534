import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channelAccounts } from '../channel-accounts/channel-account.schema.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';

export const CARE_GROUP_STATUSES = ['creating', 'active', 'failed', 'deleted'] as const;
export type CareGroupStatus = (typeof CARE_GROUP_STATUSES)[number];

/**
 * A small care group on WhatsApp (Cloud API Groups): created from Careline on one of the clinic's numbers,
 * joined by patients through its invite link. Its id and link come from Meta's `group_lifecycle_update`
 * webhook, matched on `request_id`. Subject and description are the clinic's words, not a patient's.
 */
export const careGroups = pgTable(
  'care_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    channelAccountId: uuid('channel_account_id')
      .notNull()
      .references(() => channelAccounts.id),
    /** Meta's group id; null until the creation webhook brings it. */
    externalId: text('external_id'),
    requestId: text('request_id'),
    subject: text('subject').notNull(),
    description: text('description'),
    inviteLink: text('invite_link'),
    status: text('status', { enum: CARE_GROUP_STATUSES }).notNull().default('creating'),
    /** Why creation failed or the group went away, in Meta's words. */
    failure: text('failure'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('care_groups_account_external_unique')
      .on(t.channelAccountId, t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    index('care_groups_org_created').on(t.orgId, t.createdAt),
    index('care_groups_request').on(t.channelAccountId, t.requestId),
  ],
);

export type CareGroup = typeof careGroups.$inferSelect;

export const CARE_GROUP_PARTICIPANT_STATUSES = ['joined', 'left', 'removed'] as const;

/**
 * Someone who joined a care group by its link. They are a patient record (found or created as for a
 * one-to-one message, by their WhatsApp id), so what they write is sealed with their own key and erased
 * with them; a merge or an erasure of the record leaves the row with no patient (set null).
 */
export const careGroupParticipants = pgTable(
  'care_group_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    careGroupId: uuid('care_group_id')
      .notNull()
      .references(() => careGroups.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** Their WhatsApp id and profile name, sealed with the patient's key. */
    waId: text('wa_id').notNull(),
    name: text('name'),
    status: text('status', { enum: CARE_GROUP_PARTICIPANT_STATUSES }).notNull().default('joined'),
    joinedAt: timestamp('joined_at', { withTimezone: true, precision: 3 }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('care_group_participants_contact_unique').on(t.careGroupId, t.contactId),
    index('care_group_participants_org').on(t.orgId, t.careGroupId),
  ],
);

export type CareGroupParticipant = typeof careGroupParticipants.$inferSelect;

export const CARE_GROUP_MESSAGE_STATUSES = [
  'received',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
] as const;
export type CareGroupMessageStatus = (typeof CARE_GROUP_MESSAGE_STATUSES)[number];

/**
 * The group's timeline: what participants wrote (sealed with the writer's patient key) and what the
 * clinic sent (sealed with the clinic key). Unique per group and provider id: redeliveries add nothing.
 */
export const careGroupMessages = pgTable(
  'care_group_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    careGroupId: uuid('care_group_id')
      .notNull()
      .references(() => careGroups.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    participantId: uuid('participant_id').references(() => careGroupParticipants.id, {
      onDelete: 'set null',
    }),
    sentByUserId: uuid('sent_by_user_id').references(() => users.id),
    externalId: text('external_id'),
    type: text('type').notNull(),
    /** Sealed: the participant's key (inbound) or the clinic's (outbound). */
    text: text('text'),
    /** A template's name and language, an unsupported item's provider type: never patient words. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: CARE_GROUP_MESSAGE_STATUSES }).notNull(),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    /** The red-flag screening's first category for a participant's message, or null. */
    redFlag: text('red_flag'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('care_group_messages_external_unique')
      .on(t.careGroupId, t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    index('care_group_messages_timeline').on(t.orgId, t.careGroupId, t.occurredAt),
  ],
);

export type CareGroupMessage = typeof careGroupMessages.$inferSelect;
