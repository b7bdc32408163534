import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findContactsByIds } from './contact.repository.ts';
import { type Contact, contactDuplicateDismissals, contacts } from './contact.schema.ts';
import { toE164 } from './contact.service.ts';
import { birthDateOf, HASH, nameWords } from './contact-sealing.ts';

/** Why two records look like one person. */
export type DuplicateReason = 'phone' | 'shared_contact' | 'email' | 'name_birth_date';

export interface DuplicatePair {
  /** The older record first. */
  contacts: [Contact, Contact];
  reasons: DuplicateReason[];
}

const MAX_PAIRS = 200;

/**
 * Pairs of the clinic's records that look like one person: the same phone number (E.164, whichever
 * channel gave it), a contact card one shared carrying the other's number, the same e-mail, or the same name and birth date (collected by intake or booking).
 * Found through the blind index: only the pairs found are opened (to compare names), never the whole
 * clinic. Records merged away and pairs a person said are not the same person are left out. Only
 * suggestions: merging stays a person's decision.
 */
export async function findDuplicatePairs(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  options: { contactId?: string } = {},
): Promise<DuplicatePair[]> {
  // One equi-join per reason (each a hash join or an index lookup, never a clinic × clinic loop); with a
  // contact, only its own pairs are looked for.
  const mine = options.contactId ? sql`and a.id = ${options.contactId}::uuid` : sql``;
  const pair = (reason: string, join: SQL) =>
    sql`select least(a.id, b.id) as x, greatest(a.id, b.id) as y, ${reason}::text as reason
        from live a join live b on ${join} and a.id <> b.id ${mine}`;
  const result = await db.execute(sql`
    with live as (
      select id, phone_hash, email_hash, birth_date_hash, shared_phone_hashes from ${contacts}
      where org_id = ${orgId}::uuid and merged_into_id is null
    ), shared as (
      select a.id, h as phone_hash from live a cross join unnest(a.shared_phone_hashes) as h
    ), pairs as (
      ${pair('phone', sql`a.phone_hash = b.phone_hash`)}
      union all ${pair('email', sql`a.email_hash = b.email_hash`)}
      union all ${pair('birth', sql`a.birth_date_hash = b.birth_date_hash`)}
      union all
      select least(s.id, b.id), greatest(s.id, b.id), 'shared'
      from shared s join live b on b.phone_hash = s.phone_hash and b.id <> s.id
      ${options.contactId ? sql`where (s.id = ${options.contactId}::uuid or b.id = ${options.contactId}::uuid)` : sql``}
    )
    select x::text as a, y::text as b, array_agg(distinct reason) as reasons from pairs p
    where not exists (
      select 1 from ${contactDuplicateDismissals} d
      where d.org_id = ${orgId}::uuid and d.contact_a = p.x and d.contact_b = p.y
    )
    group by x, y
    limit ${MAX_PAIRS}
  `);
  const rows = (rowsOf(result) as Array<{ a: string; b: string; reasons: string[] | string }>).map((row) => {
    const reasons = reasonList(row.reasons);
    return {
      a: row.a,
      b: row.b,
      samePhone: reasons.includes('phone'),
      sharedPhone: reasons.includes('shared'),
      sameEmail: reasons.includes('email'),
      sameBirth: reasons.includes('birth'),
    };
  });
  if (rows.length === 0) return [];
  const opened = new Map(
    (
      await findContactsByIds(
        db,
        keyring,
        orgId,
        rows.flatMap((r) => [r.a, r.b]),
      )
    ).map((c) => [c.id, c]),
  );
  const pairs: DuplicatePair[] = [];
  for (const row of rows) {
    const first = opened.get(row.a);
    const second = opened.get(row.b);
    if (!first || !second) continue;
    const reasons: DuplicateReason[] = [];
    if (row.samePhone) reasons.push('phone');
    if (row.sharedPhone) reasons.push('shared_contact');
    if (row.sameEmail) reasons.push('email');
    if (row.sameBirth && sameName(first, second) && sameBirthDate(first, second))
      reasons.push('name_birth_date');
    if (reasons.length === 0) continue;
    const ordered: [Contact, Contact] =
      first.createdAt <= second.createdAt ? [first, second] : [second, first];
    pairs.push({ contacts: ordered, reasons });
  }
  return pairs.sort(
    (x, y) =>
      Math.max(y.contacts[0].createdAt.getTime(), y.contacts[1].createdAt.getTime()) -
      Math.max(x.contacts[0].createdAt.getTime(), x.contacts[1].createdAt.getTime()),
  );
}

/** `text[]` as the driver gives it: an array, or PostgreSQL's `{a,b}` text. */
function reasonList(value: string[] | string): string[] {
  return Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',');
}

function sameName(x: Contact, y: Contact): boolean {
  const words = (c: Contact) =>
    nameWords(c.displayName ?? '')
      .sort()
      .join(' ');
  return words(x) !== '' && words(x) === words(y);
}

function sameBirthDate(x: Contact, y: Contact): boolean {
  const date = birthDateOf(x.customFields);
  return date !== undefined && date === birthDateOf(y.customFields);
}

/** "Not the same person": the pair is no longer suggested. Both must be records of the clinic. */
export async function dismissDuplicatePair(
  db: DbOrTx,
  orgId: string,
  ids: [string, string],
  userId: string | null,
  now: Date,
): Promise<void> {
  const [contactA, contactB] = [...ids].sort() as [string, string];
  await db
    .insert(contactDuplicateDismissals)
    .values({ orgId, contactA, contactB, dismissedByUserId: userId, dismissedAt: now })
    .onConflictDoNothing();
}

/**
 * A patient shared contact cards (Telegram's and LINE's "share my number", a card on any channel): their
 * numbers are remembered as hashes, so that a record already holding one is suggested as a duplicate.
 */
export async function rememberSharedPhones(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactId: string,
  phones: readonly string[],
): Promise<void> {
  const numbers = phones.flatMap((phone) => {
    const e164 = toE164(phone);
    return e164 ? [e164] : [];
  });
  if (numbers.length === 0) return;
  const blind = await keyring.blindIndex(db, orgId);
  const values = [...new Set(numbers.map((phone) => blind.hash(HASH.phone, phone)))];
  await db
    .update(contacts)
    .set({
      sharedPhoneHashes: sql`(select coalesce(array_agg(distinct h), '{}'::bigint[]) from unnest(${contacts.sharedPhoneHashes} || array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::bigint[]) as h)`,
    })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
}
