import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { openContacts } from './contact.repository.ts';
import { type Contact, contacts } from './contact.schema.ts';
import { nameQueryTerms, phoneHashOf } from './contact-sealing.ts';

/**
 * The clinic's contacts whose name has every word of `q` as a word prefix (accents and case ignored),
 * or whose phone is `phone` (E.164, read from the query by the caller), newest first, opened. Names
 * and phones are sealed: both are matched through blind-index hashes, never by reading them.
 */
export async function findContactsByNameOrPhone(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  match: { q: string; phone: string | undefined },
  limit: number,
): Promise<Contact[]> {
  const blind = await keyring.blindIndex(db, orgId);
  const matches: SQL[] = [];
  const words = nameQueryTerms(blind, match.q);
  if (words.length > 0) matches.push(sql`${contacts.nameTerms} @> ${bigintArray(words)}`);
  if (match.phone) matches.push(eq(contacts.phoneHash, phoneHashOf(blind, match.phone) ?? 0n));
  if (matches.length === 0) return [];
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), isNull(contacts.mergedIntoId), or(...matches)))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit);
  return openContacts(db, keyring, orgId, rows);
}

function bigintArray(values: readonly bigint[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v.toString()}`),
    sql`, `,
  )}]::bigint[]`;
}
