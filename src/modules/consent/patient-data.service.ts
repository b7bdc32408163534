import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { deletedRows } from '../../platform/db/row-deletion.ts';
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
