import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';

/** Exactly which rows a merge moved from the merged record to the survivor: what an unmerge moves back. */
export interface MovedRows {
  identities: string[];
  conversations: string[];
  appointments: string[];
  consents: string[];
  /**
   * The merged record's live conversations that the survivor also had on the same channel account (one
   * live conversation per patient and account): closed by the merge, reopened as they were by the unmerge.
   */
  closedConversations: Array<{ id: string; status: string; closedAt: string | null }>;
  /**
   * The static patient groups the merged record was in (`groups`), and those of them the survivor joined
   * through the merge (`joined`). Absent from merges made before groups existed.
   */
  groupMemberships?: { groups: string[]; joined: string[] };
  /** The merged record's prescription orders. Absent from merges made before orders followed merges. */
  prescriptionOrders?: string[];
}

/**
 * One merge of two records of the same patient, decided by a person: who, when, what moved, and the
 * survivor's own fields as they were (sealed with the survivor's key), so that an unmerge restores both
 * records exactly. The merged record's row is kept untouched apart from `contacts.merged_into_id`.
 *
 * The contact ids carry no foreign key on purpose (like data keys): erasing the patient erases the
 * records, and what this row holds of them was sealed with their keys, destroyed with them.
 */
export const contactMerges = pgTable(
  'contact_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    mergedByUserId: uuid('merged_by_user_id'),
    mergedByApiKeyId: uuid('merged_by_api_key_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true, precision: 3 }).notNull(),
    /**
     * Which record's value each conflicting field took (`{ "display_name": "merged", … }`), sealed with the
     * survivor's key: even a custom field's name may say something of the patient.
     */
    fieldChoices: text('field_choices').notNull(),
    /** The survivor's name, phone, language, tags and custom fields before the merge, sealed. */
    survivorBefore: text('survivor_before').notNull(),
    moved: jsonb('moved').$type<MovedRows>().notNull(),
    unmergedAt: timestamp('unmerged_at', { withTimezone: true, precision: 3 }),
    unmergedByUserId: uuid('unmerged_by_user_id'),
    unmergedByApiKeyId: uuid('unmerged_by_api_key_id'),
  },
  (t) => [
    // A record is merged into at most one other at a time.
    uniqueIndex('contact_merges_one_live_per_merged')
      .on(t.orgId, t.mergedId)
      .where(sql`${t.unmergedAt} is null`),
    index('contact_merges_survivor_idx').on(t.orgId, t.survivorId, t.mergedAt),
  ],
);

export type ContactMergeRow = typeof contactMerges.$inferSelect;
