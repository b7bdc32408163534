import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANNEL_TYPES } from '../channel-accounts/channel-account.schema.ts';
import { orgs } from '../orgs/org.schema.ts';

/** A patient (or any person the clinic talks to), independent of channel. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    displayName: text('display_name'),
    phone: text('phone'),
    /** BCP 47 (fr, en-GB): the language flows and templates answer in; null = the clinic's default. */
    language: text('language'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_org_phone_idx').on(t.orgId, t.phone),
    index('contacts_org_created_idx').on(t.orgId, t.createdAt),
    index('contacts_tags_idx').using('gin', t.tags),
  ],
);

/**
 * How a contact is reached on one channel. WhatsApp senders may have a phone (wa_id), a
 * business-scoped user id (BSUID), or both; either one identifies them, so each is unique per clinic.
 */
export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    channelType: text('channel_type', { enum: CHANNEL_TYPES }).notNull(),
    externalId: text('external_id'),
    phone: text('phone'),
    bsuid: text('bsuid'),
    parentBsuid: text('parent_bsuid'),
    username: text('username'),
    profileName: text('profile_name'),
    // WhatsApp user_preferences "stop" for marketing messages (Meta refuses them with 131050 anyway).
    marketingOptOutAt: timestamp('marketing_opt_out_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contact_identities_external_unique')
      .on(t.orgId, t.channelType, t.externalId)
      .where(sql`${t.externalId} is not null`),
    uniqueIndex('contact_identities_bsuid_unique')
      .on(t.orgId, t.channelType, t.bsuid)
      .where(sql`${t.bsuid} is not null`),
    index('contact_identities_contact_idx').on(t.contactId),
  ],
);

export type Contact = typeof contacts.$inferSelect;
export type ContactIdentity = typeof contactIdentities.$inferSelect;
