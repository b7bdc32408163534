import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contacts } from '../contacts/contact.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';

/** A static group is a list the staff keep by hand; a dynamic one is a segment evaluated when it is used. */
export const PATIENT_GROUP_KINDS = ['static', 'dynamic'] as const;
export type PatientGroupKind = (typeof PATIENT_GROUP_KINDS)[number];

/**
 * Patients who share something (a condition, a programme, a language): who a health broadcast goes to.
 * A dynamic group stores its segment's rules (`definition`), never its members: they are whoever matches
 * at the moment the group is previewed or a broadcast is sent.
 */
export const patientGroups = pgTable(
  'patient_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind', { enum: PATIENT_GROUP_KINDS }).notNull(),
    /** The segment's rules for a dynamic group (segment-rules.ts); null for a static one. */
    definition: jsonb('definition').$type<unknown>(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Archived groups keep their past broadcasts' history but are no longer offered. */
    archivedAt: timestamp('archived_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('patient_groups_org_name_unique').on(t.orgId, t.name).where(sql`${t.archivedAt} is null`),
    index('patient_groups_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** The members of a static group. */
export const patientGroupMembers = pgTable(
  'patient_group_members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => patientGroups.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    addedByUserId: uuid('added_by_user_id').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.groupId, t.contactId] }),
    index('patient_group_members_contact_idx').on(t.orgId, t.contactId),
  ],
);

export type PatientGroup = typeof patientGroups.$inferSelect;
export type PatientGroupMember = typeof patientGroupMembers.$inferSelect;
