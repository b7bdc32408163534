import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DbOrTx } from '../../platform/db/db.ts';
import { openContacts } from '../contacts/contact.repository.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { nameQueryTerms, phoneHashOf } from '../contacts/contact-sealing.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.repository.ts';
import { clinicCountryOf } from './clinic-country.ts';
import type { ContactHit } from './search.repository.ts';

const MIN_PHONE_DIGITS = 4;

/**
 * The clinic's contacts whose name has every query word as a word prefix (accents and case ignored:
 * "chl mart" finds Chloé Martin), or whose phone is the number typed, in any format ("06 12 34 56 78",
 * "+33 6 12…", "0033…"; a national number is read in the clinic's country). Newest first. Names and
 * phones are sealed: both are matched through blind-index hashes, never by reading them.
 */
export async function searchContacts(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  q: string,
  limit: number,
): Promise<ContactHit[]> {
  const blind = await keyring.blindIndex(db, orgId);
  const matches: SQL[] = [];
  const words = nameQueryTerms(blind, q);
  if (words.length > 0) matches.push(sql`${contacts.nameTerms} @> ${bigintArray(words)}`);
  const phone = await phoneOf(db, orgId, q);
  if (phone) matches.push(eq(contacts.phoneHash, phoneHashOf(blind, phone) ?? 0n));
  if (matches.length === 0) return [];
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), or(...matches)))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit);
  return (await openContacts(db, keyring, orgId, rows)).map((c) => ({
    id: c.id,
    displayName: c.displayName,
    phone: c.phone,
  }));
}

/** The E.164 number a query that looks like a phone number is, read in the clinic's country. */
async function phoneOf(db: DbOrTx, orgId: string, q: string): Promise<string | undefined> {
  if (!/^[\d\s+().-]+$/.test(q) || q.replace(/\D/g, '').length < MIN_PHONE_DIGITS) return undefined;
  const org = await findOrgByRef(db, orgId);
  const parsed = parsePhoneNumberFromString(q.trim().replace(/^00/, '+'), clinicCountryOf(org?.timeZone));
  return parsed?.isValid() ? parsed.number : undefined;
}

function bigintArray(values: readonly bigint[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v.toString()}`),
    sql`, `,
  )}]::bigint[]`;
}
