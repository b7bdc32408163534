import type { DbOrTx } from '../../platform/db/db.ts';
import { deleteRowsOfContact } from '../../platform/db/row-deletion.ts';
import { repointRows } from '../../platform/db/row-repointing.ts';
import { redFlagEvents } from './red-flag-event.schema.ts';

/** For the privacy module's erasure: the red flags raised about the patient or in their conversations. */
export function deletePatientRedFlags(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
  conversationIds: string[],
): Promise<number> {
  return deleteRowsOfContact(tx, redFlagEvents, orgId, contactId, conversationIds);
}

/** For the patient-merge module: red flags follow their conversations to another record. */
export async function moveRedFlagsOfConversations(
  tx: DbOrTx,
  orgId: string,
  conversationIds: readonly string[],
  toContactId: string,
): Promise<void> {
  await repointRows(tx, redFlagEvents, orgId, redFlagEvents.conversationId, conversationIds, toContactId);
}
