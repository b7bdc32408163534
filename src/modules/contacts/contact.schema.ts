import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHANNEL_TYPES } from '../channel-accounts/channel-account.schema.ts';
import { orgs } from '../orgs/org.schema.ts';

/**
 * A patient (or any person the clinic talks to), independent of channel. Name, phone, tags (a JSON
 * array) and custom fields (a JSON object) are sealed with the patient's own key (contact-sealing.ts);
 * lookups go through keyed hashes of them (blind index): the phone's, every name-word prefix's, every
 * tag's.
 */
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
    tags: text('tags').notNull().default('[]'),
    customFields: text('custom_fields').notNull().default('{}'),
    phoneHash: bigint('phone_hash', { mode: 'bigint' }),
    nameTerms: bigint('name_terms', { mode: 'bigint' }).array().notNull().default(sql`'{}'::bigint[]`),
    tagTerms: bigint('tag_terms', { mode: 'bigint' }).array().notNull().default(sql`'{}'::bigint[]`),
    /**
     * Blind-index hashes that suggest two records are one person (never merge them by themselves): the
     * e-mail custom field's, and the birth date custom field's (the name is compared once a pair is found).
     */
    emailHash: bigint('email_hash', { mode: 'bigint' }),
    birthDateHash: bigint('birth_date_hash', { mode: 'bigint' }),
    /** Phone hashes of contact cards the patient shared (a Telegram or LINE "share my number"): suggestions too. */
    sharedPhoneHashes: bigint('shared_phone_hashes', { mode: 'bigint' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    /**
     * Set while this record is merged into another (patient-merge): hidden from lists and searches, kept
     * as it was so that an unmerge restores it.
     */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => contacts.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_org_phone_hash_idx').on(t.orgId, t.phoneHash),
    index('contacts_org_created_idx').on(t.orgId, t.createdAt),
    index('contacts_name_terms_idx').using('gin', t.nameTerms),
    index('contacts_tag_terms_idx').using('gin', t.tagTerms),
    index('contacts_org_email_hash_idx').on(t.orgId, t.emailHash).where(sql`${t.emailHash} is not null`),
    index('contacts_org_birth_hash_idx')
      .on(t.orgId, t.birthDateHash)
      .where(sql`${t.birthDateHash} is not null`),
    index('contacts_merged_into_idx').on(t.orgId, t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
    // Rows an older version wrote, until the in-place sealing reaches them (then this index is empty).
    index('contacts_plain_phone_idx').on(t.orgId, t.phone).where(sql`${t.phone} not like 'cl1.%'`),
  ],
);

/**
 * How a contact is reached on one channel: the channel's id for them and, where the channel adds one, a
 * second id scoped to the business (a person may come with either or both). Either identifies them, so
 * each is unique per clinic and channel.
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
    /** Blind-index hashes of the two ids: what inbound messages are matched on. */
    externalIdHash: bigint('external_id_hash', { mode: 'bigint' }),
    scopedIdHash: bigint('scoped_id_hash', { mode: 'bigint' }),
    phone: text('phone'),
    scopedId: text('scoped_id'),
    parentScopedId: text('parent_scoped_id'),
    username: text('username'),
    profileName: text('profile_name'),
    // The person stopped marketing messages on this channel (the provider refuses them anyway).
    marketingOptOutAt: timestamp('marketing_opt_out_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contact_identities_external_hash_unique')
      .on(t.orgId, t.channelType, t.externalIdHash)
      .where(sql`${t.externalIdHash} is not null`),
    uniqueIndex('contact_identities_scoped_hash_unique')
      .on(t.orgId, t.channelType, t.scopedIdHash)
      .where(sql`${t.scopedIdHash} is not null`),
    // Identities an older version wrote, until the in-place sealing reaches them.
    index('contact_identities_plain_external_idx')
      .on(t.orgId, t.channelType, t.externalId)
      .where(sql`${t.externalId} not like 'cl1.%'`),
    index('contact_identities_plain_scoped_idx')
      .on(t.orgId, t.channelType, t.scopedId)
      .where(sql`${t.scopedId} not like 'cl1.%'`),
    index('contact_identities_contact_idx').on(t.contactId),
  ],
);

/**
 * "Not the same person": a pair of patients a person looked at and kept apart, so that the pair is no
 * longer suggested as a duplicate. The smaller id first.
 */
export const contactDuplicateDismissals = pgTable(
  'contact_duplicate_dismissals',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contactA: uuid('contact_a').notNull(),
    contactB: uuid('contact_b').notNull(),
    dismissedByUserId: uuid('dismissed_by_user_id'),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.contactA, t.contactB] })],
);

/** A contact row as stored: sealed values and hashes. */
export type ContactRow = typeof contacts.$inferSelect;
export type ContactIdentityRow = typeof contactIdentities.$inferSelect;

/** A contact as Careline works with it, opened; an erased patient's fields read null / empty. */
export interface Contact {
  id: string;
  orgId: string;
  displayName: string | null;
  phone: string | null;
  language: string | null;
  tags: string[];
  customFields: Record<string, string>;
  /** The record this one is merged into, while it is (then it is hidden from lists). */
  mergedIntoId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An identity, opened. */
export type ContactIdentity = Omit<ContactIdentityRow, 'externalIdHash' | 'scopedIdHash'>;
