import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
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
    // A record merged into another is reached through the survivor: its export or erasure is the survivor's.
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId), isNull(contacts.mergedIntoId)));
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

/**
 * For the patient-merge module: two records of one clinic locked in id order (two merges of the same
 * pair wait for each other instead of deadlocking), opened. Records of another clinic are not found.
 */
export async function lockContactsForMerge(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  ids: readonly string[],
): Promise<Contact[]> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, [...ids])))
    .orderBy(asc(contacts.id))
    .for('update');
  return openContacts(tx, keyring, orgId, rows);
}

/** The ids of a record's channel identities. */
export async function identityIdsOf(tx: DbOrTx, orgId: string, contactId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: contactIdentities.id })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, contactId)));
  return rows.map((row) => row.id);
}

/** The channel types of these identities (how an unmerge tells which conversations came through them). */
export async function channelTypesOfIdentities(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
): Promise<Array<{ id: string; channelType: string }>> {
  return tx
    .select({ id: contactIdentities.id, channelType: contactIdentities.channelType })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, contactId)));
}

/** Moves identities to another record of the clinic: messages on them find that record from now on. */
export async function moveIdentities(
  tx: DbOrTx,
  orgId: string,
  identityIds: readonly string[],
  toContactId: string,
  now: Date,
): Promise<void> {
  if (identityIds.length === 0) return;
  await tx
    .update(contactIdentities)
    .set({ contactId: toContactId, updatedAt: now })
    .where(and(eq(contactIdentities.orgId, orgId), inArray(contactIdentities.id, [...identityIds])));
}

/** Hides a record behind its survivor (a merge), or shows it again (null: an unmerge). */
export async function setMergedInto(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
  survivorId: string | null,
): Promise<void> {
  await tx
    .update(contacts)
    .set({ mergedIntoId: survivorId })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
}

/** The records merged into this one, and into those, at any depth: the same person (an erasure). */
export async function mergedRecordIdsOf(tx: DbOrTx, orgId: string, contactId: string): Promise<string[]> {
  const found: string[] = [];
  let level = [contactId];
  while (level.length > 0) {
    const rows = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), inArray(contacts.mergedIntoId, level)));
    level = rows.map((row) => row.id).filter((id) => !found.includes(id) && id !== contactId);
    found.push(...level);
  }
  return found;
}

/**
 * For the erasure of a survivor: the records merged into it are the same person. Their rows go (their
 * identities and conversations already went with the survivor's) and their keys are destroyed. Answers
 * how many records went.
 */
export async function erasePatientMergedRecords(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactId: string,
): Promise<number> {
  const merged = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.mergedIntoId, contactId)));
  let erased = 0;
  for (const { id } of merged) {
    erased += await erasePatientMergedRecords(tx, keyring, orgId, id);
    await deletePatientContact(tx, orgId, id);
    await keyring.destroyPatientKey(tx, orgId, id);
    erased += 1;
  }
  return erased;
}
