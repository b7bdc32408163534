import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { type ConsentPurpose, type ConsentRecord, consentRecords } from './consent.schema.ts';

export async function insertConsentRecord(
  db: DbOrTx,
  values: typeof consentRecords.$inferInsert,
): Promise<ConsentRecord> {
  const [record] = await db.insert(consentRecords).values(values).returning();
  if (!record) throw new Error('insert into consent_records returned nothing');
  return record;
}

/** The latest record of one channel × purpose: what the patient last said about it. */
export async function latestConsentRecord(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  channel: ChannelType,
  purpose: ConsentPurpose,
): Promise<ConsentRecord | undefined> {
  const [record] = await db
    .select()
    .from(consentRecords)
    .where(
      and(
        eq(consentRecords.orgId, orgId),
        eq(consentRecords.contactId, contactId),
        eq(consentRecords.channel, channel),
        eq(consentRecords.purpose, purpose),
      ),
    )
    .orderBy(desc(consentRecords.recordedAt), desc(consentRecords.seq))
    .limit(1);
  return record;
}

/** The patient's whole ledger, newest first. */
export async function consentHistoryOf(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  limit: number,
): Promise<ConsentRecord[]> {
  return db
    .select()
    .from(consentRecords)
    .where(and(eq(consentRecords.orgId, orgId), eq(consentRecords.contactId, contactId)))
    .orderBy(desc(consentRecords.recordedAt), desc(consentRecords.seq))
    .limit(limit);
}

/** The latest record of each channel × purpose the patient ever answered. */
export async function latestConsentRecordsOf(
  db: DbOrTx,
  orgId: string,
  contactId: string,
): Promise<ConsentRecord[]> {
  return db
    .selectDistinctOn([consentRecords.channel, consentRecords.purpose])
    .from(consentRecords)
    .where(and(eq(consentRecords.orgId, orgId), eq(consentRecords.contactId, contactId)))
    .orderBy(
      consentRecords.channel,
      consentRecords.purpose,
      desc(consentRecords.recordedAt),
      desc(consentRecords.seq),
    );
}

/** Which of these patients currently agree to this purpose on this channel (one query for a batch). */
export async function contactsWithConsent(
  db: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
  channel: ChannelType,
  purpose: ConsentPurpose,
): Promise<Set<string>> {
  const channels = await consentingChannelsOf(db, orgId, contactIds, purpose);
  return new Set([...channels].filter(([, on]) => on.has(channel)).map(([contactId]) => contactId));
}

/**
 * For each of these patients, the channels on which their latest word on this purpose is yes (one query
 * for a batch); a patient who agreed nowhere is absent.
 */
export async function consentingChannelsOf(
  db: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
  purpose: ConsentPurpose,
): Promise<Map<string, Set<ChannelType>>> {
  const byContact = new Map<string, Set<ChannelType>>();
  for (const [contactId, words] of await latestConsentWordsOf(db, orgId, contactIds, purpose)) {
    const agreed = [...words].filter(([, granted]) => granted).map(([channel]) => channel);
    if (agreed.length > 0) byContact.set(contactId, new Set(agreed));
  }
  return byContact;
}

/**
 * For each of these patients, their latest word on this purpose per channel (yes or no), in one query;
 * a patient never asked is absent.
 */
export async function latestConsentWordsOf(
  db: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
  purpose: ConsentPurpose,
): Promise<Map<string, Map<ChannelType, boolean>>> {
  const unique = [...new Set(contactIds)];
  const byContact = new Map<string, Map<ChannelType, boolean>>();
  if (unique.length === 0) return byContact;
  const latest = await db
    .selectDistinctOn([consentRecords.contactId, consentRecords.channel], {
      contactId: consentRecords.contactId,
      channel: consentRecords.channel,
      granted: consentRecords.granted,
    })
    .from(consentRecords)
    .where(
      and(
        eq(consentRecords.orgId, orgId),
        inArray(consentRecords.contactId, unique),
        eq(consentRecords.purpose, purpose),
      ),
    )
    .orderBy(
      consentRecords.contactId,
      consentRecords.channel,
      desc(consentRecords.recordedAt),
      desc(consentRecords.seq),
    );
  for (const row of latest) {
    const words = byContact.get(row.contactId) ?? new Map<ChannelType, boolean>();
    words.set(row.channel, row.granted);
    byContact.set(row.contactId, words);
  }
  return byContact;
}

/**
 * The clinic's withdrawals of one purpose (contact, channel, when), as a subquery: a report of another
 * module (a broadcast's "opted out after it") joins it in one statement.
 */
export function consentWithdrawals(orgId: string, purpose: ConsentPurpose): SQL {
  return sql`(
    select cr.contact_id, cr.channel, cr.recorded_at from consent_records cr
    where cr.org_id = ${orgId}::uuid and cr.purpose = ${purpose} and cr.granted = false
  )`;
}
