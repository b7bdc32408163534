import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DbOrTx } from '../../platform/db/db.ts';
import { findContactsByNameOrPhone } from '../contacts/contact-search.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
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
  const phone = await phoneOf(db, orgId, q);
  return (await findContactsByNameOrPhone(db, keyring, orgId, { q, phone }, limit)).map((c) => ({
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
