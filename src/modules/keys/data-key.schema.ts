import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';

/**
 * The keys that seal a clinic's data at rest, each wrapped by the master key (CARELINE_SECRET_KEY).
 * One clinic key per clinic (its shared data and the blind index), and one key per patient for
 * everything about that patient, so that erasing a patient deletes one row and with it every copy of
 * their data, backups included. `contact_id` has no foreign key on purpose: a key outlives nothing,
 * but it is created before the patient's row exists in the transaction that creates both.
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    /** Written into every envelope the key seals: `c…` for a clinic key, `p…` for a patient's. */
    id: text('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    contactId: uuid('contact_id'),
    /** The 32-byte key sealed by the master FieldCipher, base64; associated data binds it to id and clinic. */
    wrapped: text('wrapped').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('data_keys_clinic_unique').on(t.orgId).where(sql`${t.contactId} is null`),
    uniqueIndex('data_keys_patient_unique').on(t.orgId, t.contactId).where(sql`${t.contactId} is not null`),
    index('data_keys_org_idx').on(t.orgId),
  ],
);

export type DataKey = typeof dataKeys.$inferSelect;
