import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import { type Contact, type ContactIdentity, contactIdentities, contacts } from './contact.schema.ts';

export async function findWhatsAppIdentities(
  db: DbOrTx,
  orgId: string,
  waId: string | null,
  bsuid: string | null,
): Promise<ContactIdentity[]> {
  const matches = [
    ...(waId ? [eq(contactIdentities.externalId, waId)] : []),
    ...(bsuid ? [eq(contactIdentities.bsuid, bsuid)] : []),
  ];
  if (matches.length === 0) return [];
  return db
    .select()
    .from(contactIdentities)
    .where(
      and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.channelType, 'whatsapp'), or(...matches)),
    );
}

export async function insertContact(db: DbOrTx, values: typeof contacts.$inferInsert): Promise<Contact> {
  const [contact] = await db.insert(contacts).values(values).returning();
  if (!contact) throw new Error('insert into contacts returned nothing');
  return contact;
}

export async function deleteContact(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
}

/** Inserts unless another writer just created the same identity; returns the row if inserted. */
export async function insertIdentityIfAbsent(
  db: DbOrTx,
  values: typeof contactIdentities.$inferInsert,
): Promise<ContactIdentity | undefined> {
  const [identity] = await db.insert(contactIdentities).values(values).onConflictDoNothing().returning();
  return identity;
}

export async function updateIdentity(
  db: DbOrTx,
  id: string,
  values: Partial<typeof contactIdentities.$inferInsert>,
): Promise<void> {
  await db
    .update(contactIdentities)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(contactIdentities.id, id));
}

export async function findContact(db: DbOrTx, orgId: string, id: string): Promise<Contact | undefined> {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
  return contact;
}

export async function findContactsByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<Contact[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, unique)));
}

export async function identitiesOfContacts(
  db: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
): Promise<ContactIdentity[]> {
  if (contactIds.length === 0) return [];
  return db.query.contactIdentities.findMany({
    where: (i, { and: all, eq: equals, inArray }) =>
      all(equals(i.orgId, orgId), inArray(i.contactId, [...contactIds])),
    orderBy: (i, { asc }) => [asc(i.createdAt)],
  });
}

export async function listContactsPage(
  db: DbOrTx,
  orgId: string,
  filter: { phone?: string; after?: KeysetPosition; limit: number },
): Promise<Contact[]> {
  const { phone, after, limit } = filter;
  return db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        phone ? eq(contacts.phone, phone) : undefined,
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
}

export async function updateContact(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<typeof contacts.$inferInsert>,
): Promise<void> {
  await db
    .update(contacts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
}
