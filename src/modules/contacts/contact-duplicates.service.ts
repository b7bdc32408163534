import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/db.ts';
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
  const a = alias(contacts, 'a');
  const b = alias(contacts, 'b');
  const d = contactDuplicateDismissals;
  const rows = await db
    .select({
      a: a.id,
      b: b.id,
      samePhone: sql<boolean>`coalesce(${a.phoneHash} = ${b.phoneHash}, false)`,
      sharedPhone: sql<boolean>`coalesce(${a.phoneHash} = any(${b.sharedPhoneHashes}) or ${b.phoneHash} = any(${a.sharedPhoneHashes}), false)`,
      sameEmail: sql<boolean>`coalesce(${a.emailHash} = ${b.emailHash}, false)`,
      sameBirth: sql<boolean>`coalesce(${a.birthDateHash} = ${b.birthDateHash}, false)`,
    })
    .from(a)
    .innerJoin(
      b,
      and(
        eq(b.orgId, a.orgId),
        sql`${a.id} < ${b.id}`,
        or(
          eq(a.phoneHash, b.phoneHash),
          eq(a.emailHash, b.emailHash),
          eq(a.birthDateHash, b.birthDateHash),
          sql`${a.phoneHash} = any(${b.sharedPhoneHashes})`,
          sql`${b.phoneHash} = any(${a.sharedPhoneHashes})`,
        ),
      ),
    )
    .where(
      and(
        eq(a.orgId, orgId),
        isNull(a.mergedIntoId),
        isNull(b.mergedIntoId),
        options.contactId ? or(eq(a.id, options.contactId), eq(b.id, options.contactId)) : undefined,
        sql`not exists (select 1 from ${d} where ${d.orgId} = ${orgId} and ${d.contactA} = ${a.id} and ${d.contactB} = ${b.id})`,
      ),
    )
    .limit(MAX_PAIRS);
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
