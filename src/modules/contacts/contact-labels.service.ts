import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import { contactIdentities, contacts } from './contact.schema.ts';

/**
 * The patients' names and numbers (still sealed) as a subquery, for a query of another module that
 * shows them beside its own rows (messages found, appointments) in one statement: PostgreSQL folds it
 * into the outer join.
 */
export function contactLabels(db: DbOrTx) {
  return db
    .select({
      id: contacts.id,
      orgId: contacts.orgId,
      displayName: contacts.displayName,
      phone: contacts.phone,
    })
    .from(contacts)
    .as('contact_label');
}

/**
 * Each patient record with the record it counts as (itself, or the survivor it was merged into), as a
 * subquery: lists kept by other modules (a group's members) join it to write to the person, once.
 */
export function contactSurvivors(db: DbOrTx) {
  return db
    .select({
      id: contacts.id,
      orgId: contacts.orgId,
      survivorId: sql<string>`coalesce(${contacts.mergedIntoId}, ${contacts.id})`.as('survivor_id'),
    })
    .from(contacts)
    .as('contact_survivor');
}

/**
 * What a segment (a dynamic patient group) may filter patients on without opening their records, as a
 * subquery: the language, the blind-index hashes of the tags and of the birth date, whether the record
 * is merged into another. Names, tags and custom fields themselves stay sealed.
 */
export function segmentableContacts(db: DbOrTx) {
  return db
    .select({
      id: contacts.id,
      orgId: contacts.orgId,
      mergedIntoId: contacts.mergedIntoId,
      language: contacts.language,
      tagTerms: contacts.tagTerms,
      birthDateHash: contacts.birthDateHash,
    })
    .from(contacts)
    .as('segment_contact');
}

/** Who can be reached on a channel type: the patient record (its survivor) holding an identity there. */
export function channelIdentityHolders(db: DbOrTx, orgId: string, channelType: ChannelType) {
  return db
    .select({ contactId: sql<string>`coalesce(${contacts.mergedIntoId}, ${contacts.id})`.as('holder_id') })
    .from(contactIdentities)
    .innerJoin(contacts, and(eq(contacts.orgId, orgId), eq(contacts.id, contactIdentities.contactId)))
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.channelType, channelType)));
}
