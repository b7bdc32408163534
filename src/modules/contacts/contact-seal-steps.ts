import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SealStep } from '../keys/seal-in-place.ts';
import { looksSealed } from '../keys/sealed-text.ts';
import { type ContactIdentityRow, type ContactRow, contactIdentities, contacts } from './contact.schema.ts';
import { sealContactFields, sealIdentityFields } from './contact-sealing.ts';

/** A column that still holds a value an older version wrote in plain text. */
export function stillPlain(column: AnyPgColumn): SQL {
  return sql`(${column} is not null and ${column} not like 'cl1.%')`;
}

const plainOrNull = (value: string | null): string | null | undefined =>
  value === null || looksSealed(value) ? undefined : value;

/** Names, phones, tags and custom fields of patients, with their blind-index hashes. */
export const sealContactsStep: SealStep = {
  name: 'contacts',
  run: (db, keyring, { batchSize }) =>
    db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(contacts)
        .where(
          or(
            stillPlain(contacts.displayName),
            stillPlain(contacts.phone),
            stillPlain(contacts.tags),
            stillPlain(contacts.customFields),
          ),
        )
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const [orgId, ofClinic] of byClinic(rows)) {
        const sealers = await keyring.patients(
          tx,
          orgId,
          ofClinic.map((r) => r.id),
        );
        const blind = await keyring.blindIndex(tx, orgId);
        for (const row of ofClinic) {
          const sealer = sealers.get(row.id);
          if (!sealer) continue;
          const displayName = plainOrNull(row.displayName);
          const phone = plainOrNull(row.phone);
          const tags = plainOrNull(row.tags);
          const customFields = plainOrNull(row.customFields);
          const values = sealContactFields(sealer, blind, {
            ...(displayName !== undefined ? { displayName } : {}),
            ...(phone !== undefined ? { phone } : {}),
            ...(tags ? { tags: JSON.parse(tags) as string[] } : {}),
            ...(customFields ? { customFields: JSON.parse(customFields) as Record<string, string> } : {}),
          });
          await tx.update(contacts).set(values).where(eq(contacts.id, row.id));
        }
      }
      return rows.length;
    }),
};

/** What channels told us about patients (ids, numbers, profile names…), with the lookup hashes. */
export const sealContactIdentitiesStep: SealStep = {
  name: 'contact_identities',
  run: (db, keyring, { batchSize }) =>
    db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(contactIdentities)
        .where(
          or(
            stillPlain(contactIdentities.externalId),
            stillPlain(contactIdentities.phone),
            stillPlain(contactIdentities.scopedId),
            stillPlain(contactIdentities.parentScopedId),
            stillPlain(contactIdentities.username),
            stillPlain(contactIdentities.profileName),
          ),
        )
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const [orgId, ofClinic] of byClinic(rows)) {
        const sealers = await keyring.patients(
          tx,
          orgId,
          ofClinic.map((r) => r.contactId),
        );
        const blind = await keyring.blindIndex(tx, orgId);
        for (const row of ofClinic) {
          const sealer = sealers.get(row.contactId);
          if (!sealer) continue;
          const fields = {
            externalId: plainOrNull(row.externalId),
            phone: plainOrNull(row.phone),
            scopedId: plainOrNull(row.scopedId),
            parentScopedId: plainOrNull(row.parentScopedId),
            username: plainOrNull(row.username),
            profileName: plainOrNull(row.profileName),
          };
          const values = sealIdentityFields(
            sealer,
            blind,
            Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
          );
          await tx.update(contactIdentities).set(values).where(eq(contactIdentities.id, row.id));
        }
      }
      return rows.length;
    }),
};

function byClinic<T extends ContactRow | ContactIdentityRow>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.orgId, [...(groups.get(row.orgId) ?? []), row]);
  return groups;
}
