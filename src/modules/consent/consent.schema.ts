import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CHANNEL_TYPES } from '../channel-accounts/channel-account.schema.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';

/** Why Careline may write to a patient unprompted. Each needs the patient's own agreement, per channel. */
export const CONSENT_PURPOSES = [
  'appointment_reminders',
  'health_information',
  'pharmacy_notifications',
  'marketing',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_METHODS = ['chat', 'keyword', 'staff', 'api'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * The consent ledger: every agreement and withdrawal, never updated or deleted, with when, where, how
 * and the exact words the patient was shown. The current state of a purpose is its latest record.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    channel: text('channel', { enum: CHANNEL_TYPES }).notNull(),
    purpose: text('purpose', { enum: CONSENT_PURPOSES }).notNull(),
    granted: boolean('granted').notNull(),
    method: text('method', { enum: CONSENT_METHODS }).notNull(),
    /** The question or keyword exactly as the patient saw or typed it. */
    textShown: text('text_shown').notNull(),
    /** The patient's message that gave or withdrew it, when there is one. */
    messageId: uuid('message_id'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /**
     * Order of recording. STOP then START in one batch of messages are recorded in one transaction, at
     * the same `recorded_at`: this says which came last.
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('consent_records_contact_idx').on(t.orgId, t.contactId, t.channel, t.purpose, t.recordedAt)],
);

export type ConsentRecord = typeof consentRecords.$inferSelect;
