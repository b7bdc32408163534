import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { deletedRows } from '../../platform/db/row-deletion.ts';
import { repointRows } from '../../platform/db/row-repointing.ts';
import { type ConsentRecord, consentRecords } from './consent.schema.ts';

/** One patient's consent history, for the privacy module's export and erasure. */

/** In the order given; the wording shown is still sealed with the patient's key. */
export function readPatientConsents(tx: DbOrTx, orgId: string, contactId: string): Promise<ConsentRecord[]> {
  return tx
    .select()
    .from(consentRecords)
    .where(and(eq(consentRecords.orgId, orgId), eq(consentRecords.contactId, contactId)))
    .orderBy(asc(consentRecords.seq));
}

export function deletePatientConsents(tx: DbOrTx, orgId: string, contactId: string): Promise<number> {
  return deletedRows(
    tx,
    consentRecords,
    and(eq(consentRecords.orgId, orgId), eq(consentRecords.contactId, contactId)),
  );
}

/** For the patient-merge module: the ledger's records of one record, by id and channel. */
export function consentKeysOf(tx: DbOrTx, orgId: string, contactId: string) {
  return tx
    .select({ id: consentRecords.id, channel: consentRecords.channel, recordedAt: consentRecords.recordedAt })
    .from(consentRecords)
    .where(and(eq(consentRecords.orgId, orgId), eq(consentRecords.contactId, contactId)));
}

/**
 * For the patient-merge module: the survivor shows both histories; an unmerge gives each record back to
 * its owner. Records are moved, never changed otherwise (the ledger is append-only).
 */
export function moveConsentRecords(
  tx: DbOrTx,
  orgId: string,
  recordIds: readonly string[],
  toContactId: string,
): Promise<string[]> {
  return repointRows(tx, consentRecords, orgId, consentRecords.id, recordIds, toContactId);
}
