import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  type Contact,
  type ContactIdentity,
  type ContactIdentityRow,
  type ContactRow,
  contactIdentities,
  contacts,
} from './contact.schema.ts';
import {
  type ContactFields,
  HASH,
  type IdentityFields,
  openContact,
  openIdentity,
  phoneHashOf,
  sealContactFields,
  sealedValuesOf,
  sealIdentityFields,
} from './contact-sealing.ts';

/**
 * Every function here takes and returns plain text: values are sealed with the patient's key on the
 * way in and opened on the way out. Lookups by value go through blind-index hashes; values an older
 * version stored in plain text (not yet sealed in place) are found too, through small partial indexes.
 */

/** The ids an identity is looked up by: the channel's id for the person, its business-scoped id. */
export interface IdentityKeys {
  externalId: string | null;
  scopedId: string | null;
}

/**
 * The identities on one channel matching either id: by blind-index hash, or as stored before sealing.
 * Two rows come back when the ids were first seen apart (a number, then a scoped id) on two patients.
 */
export async function findIdentities(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  channelType: ContactIdentityRow['channelType'],
  { externalId, scopedId }: IdentityKeys,
): Promise<ContactIdentity[]> {
  if (!externalId && !scopedId) return [];
  const blind = await keyring.blindIndex(db, orgId);
  const matches = [
    ...(externalId
      ? [
          eq(contactIdentities.externalIdHash, BigInt(blind.hash(HASH.externalId, externalId))),
          and(
            eq(contactIdentities.externalId, externalId),
            sql`${contactIdentities.externalId} not like 'cl1.%'`,
          ),
        ]
      : []),
    ...(scopedId
      ? [
          eq(contactIdentities.scopedIdHash, BigInt(blind.hash(HASH.scopedId, scopedId))),
          and(eq(contactIdentities.scopedId, scopedId), sql`${contactIdentities.scopedId} not like 'cl1.%'`),
        ]
      : []),
  ];
  const rows = await db
    .select()
    .from(contactIdentities)
    .where(
      and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.channelType, channelType), or(...matches)),
    );
  return openIdentities(db, keyring, orgId, rows);
}

/** Creates a patient; the id is made here so that their key exists before their row. */
export async function insertContact(
  db: DbOrTx,
  keyring: Keyring,
  values: { id?: string; orgId: string; language?: string | null } & ContactFields,
): Promise<Contact> {
  const { id = randomUUID(), orgId, language = null, ...fields } = values;
  const sealer = await keyring.patient(db, orgId, id);
  const blind = await keyring.blindIndex(db, orgId);
  const [row] = await db
    .insert(contacts)
    .values({
      id,
      orgId,
      language,
      ...sealContactFields(sealer, blind, { tags: [], customFields: {}, ...fields }),
    })
    .returning();
  if (!row) throw new Error('insert into contacts returned nothing');
  return openContact(await keyring.opener(db, orgId, sealedValuesOf([row])), row);
}

/** Removes a patient row created by mistake (a lost race) together with its key. */
export async function deleteContact(db: DbOrTx, keyring: Keyring, orgId: string, id: string): Promise<void> {
  await db.delete(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
  await keyring.destroyPatientKey(db, orgId, id);
}

/** Inserts unless another writer just created the same identity; returns the row if inserted. */
export async function insertIdentityIfAbsent(
  db: DbOrTx,
  keyring: Keyring,
  values: Pick<typeof contactIdentities.$inferInsert, 'orgId' | 'contactId' | 'channelType'> & IdentityFields,
): Promise<ContactIdentity | undefined> {
  const { orgId, contactId, channelType, ...fields } = values;
  const sealer = await keyring.patient(db, orgId, contactId);
  const blind = await keyring.blindIndex(db, orgId);
  const [row] = await db
    .insert(contactIdentities)
    .values({ orgId, contactId, channelType, ...sealIdentityFields(sealer, blind, fields) })
    .onConflictDoNothing()
    .returning();
  return row ? (await openIdentities(db, keyring, orgId, [row]))[0] : undefined;
}

export async function updateIdentity(
  db: DbOrTx,
  keyring: Keyring,
  identity: Pick<ContactIdentity, 'id' | 'orgId' | 'contactId'>,
  values: IdentityFields & { marketingOptOutAt?: Date | null },
  now: Date,
): Promise<void> {
  const { marketingOptOutAt, ...fields } = values;
  const sealer = await keyring.patient(db, identity.orgId, identity.contactId);
  const blind = await keyring.blindIndex(db, identity.orgId);
  await db
    .update(contactIdentities)
    .set({
      ...sealIdentityFields(sealer, blind, fields),
      ...(marketingOptOutAt !== undefined ? { marketingOptOutAt } : {}),
      updatedAt: now,
    })
    .where(eq(contactIdentities.id, identity.id));
}

/** Whether the clinic has this patient, without opening anything. */
export async function contactExists(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
  return row !== undefined;
}

export async function findContact(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
): Promise<Contact | undefined> {
  return (await findContactsByIds(db, keyring, orgId, [id]))[0];
}

export async function findContactsByIds(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  ids: readonly string[],
): Promise<Contact[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, unique)));
  return openContacts(db, keyring, orgId, rows);
}

export async function identitiesOfContacts(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactIds: readonly string[],
): Promise<ContactIdentity[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .select()
    .from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), inArray(contactIdentities.contactId, [...contactIds])))
    .orderBy(asc(contactIdentities.createdAt));
  return openIdentities(db, keyring, orgId, rows);
}

export async function listContactsPage(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  filter: { phone?: string; after?: KeysetPosition; limit: number },
): Promise<Contact[]> {
  const { phone, after, limit } = filter;
  const blind = phone ? await keyring.blindIndex(db, orgId) : undefined;
  const rows = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        // A record merged into another is shown through the survivor only.
        isNull(contacts.mergedIntoId),
        phone && blind
          ? or(
              eq(contacts.phoneHash, phoneHashOf(blind, phone) ?? 0n),
              and(eq(contacts.phone, phone), sql`${contacts.phone} not like 'cl1.%'`),
            )
          : undefined,
        after
          ? or(
              lt(contacts.createdAt, after.at),
              and(eq(contacts.createdAt, after.at), lt(contacts.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit + 1);
  return openContacts(db, keyring, orgId, rows);
}

/** The ids of the clinic's patients, newest first, merged records left out: nothing opened. */
export async function listContactIds(db: DbOrTx, orgId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), isNull(contacts.mergedIntoId)))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

export async function updateContact(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
  values: ContactFields & { language?: string | null },
  now: Date,
): Promise<void> {
  const { language, ...fields } = values;
  const sealer = await keyring.patient(db, orgId, id);
  const blind = await keyring.blindIndex(db, orgId);
  await db
    .update(contacts)
    .set({
      ...sealContactFields(sealer, blind, fields),
      ...(language !== undefined ? { language } : {}),
      updatedAt: now,
    })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
}

export async function openContacts(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  rows: ContactRow[],
): Promise<Contact[]> {
  if (rows.length === 0) return [];
  const opener = await keyring.opener(db, orgId, sealedValuesOf(rows));
  return rows.map((row) => openContact(opener, row));
}

export async function openIdentities(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  rows: ContactIdentityRow[],
): Promise<ContactIdentity[]> {
  if (rows.length === 0) return [];
  const opener = await keyring.opener(db, orgId, sealedValuesOf(rows));
  return rows.map((row) => openIdentity(opener, row));
}
