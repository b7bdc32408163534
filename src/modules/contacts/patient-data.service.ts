import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { deletedRows } from '../../platform/db/row-deletion.ts';
import type { Keyring } from '../keys/keyring.ts';
import { openContacts, openIdentities } from './contact.repository.ts';
import { type Contact, type ContactIdentity, contactIdentities, contacts } from './contact.schema.ts';

/**
 * One patient's own rows, for the privacy module's export and erasure: their profile and their
 * identities on each channel, opened with the patient's key.
 */

/** Undefined when not in this clinic; `lock` holds the row until the transaction ends (an erasure). */
export async function readPatientContact(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactId: string,
  options: { lock: boolean },
): Promise<Contact | undefined> {
  const query = tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
  const rows = options.lock ? await query.for('update') : await query;
  const [contact] = await openContacts(tx, keyring, orgId, rows);
  return contact;
}

/** Oldest first. */
export async function readPatientIdentities(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactId: string,
): Promise<ContactIdentity[]> {
  return openIdentities(
    tx,
    keyring,
    orgId,
    await tx
      .select()
      .from(contactIdentities)
      .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, contactId)))
      .orderBy(asc(contactIdentities.createdAt)),
  );
}

/** Identities first: they point at the contact. Answers how many rows went. */
export async function deletePatientContact(tx: DbOrTx, orgId: string, contactId: string): Promise<number> {
  const identities = await deletedRows(
    tx,
    contactIdentities,
    and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, contactId)),
  );
  const contact = await deletedRows(tx, contacts, and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
  return identities + contact;
}
