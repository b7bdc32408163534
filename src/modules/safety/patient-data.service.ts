import { and, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { anyOf, deletedRows } from '../../platform/db/row-deletion.ts';
import { redFlagEvents } from './red-flag-event.schema.ts';

/** For the privacy module's erasure: the red flags raised about the patient or in their conversations. */
export function deletePatientRedFlags(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
  conversationIds: string[],
): Promise<number> {
  return deletedRows(
    tx,
    redFlagEvents,
    and(
      eq(redFlagEvents.orgId, orgId),
      or(eq(redFlagEvents.contactId, contactId), anyOf(redFlagEvents.conversationId, conversationIds)),
    ),
  );
}
