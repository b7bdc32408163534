import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { contacts } from './contact.schema.ts';

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
