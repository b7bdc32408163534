import type { DbOrTx } from '../../platform/db/db.ts';
import { messageIdsOfPatientSince } from '../inbox/message.service.ts';
import { fhirCommunicationQueue } from './fhir-communication-queue.ts';

/** How far back the conversation of a patient the EHR has just come to know is filed. */
export const FILED_ON_LINK_DAYS = 30;
const FILED_ON_LINK_MAX = 500;

/**
 * A patient the EHR has just come to know (linked by an import, or created there by a write-back): their
 * messages of the last 30 days are filed too, not only those that come after. The conversation that
 * led to a booking by chat is what the clinician wants to read beside it.
 */
export async function fileMessagesOfLinkedPatient(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - FILED_ON_LINK_DAYS * 86_400_000);
  const ids = await messageIdsOfPatientSince(db, orgId, contactId, since, FILED_ON_LINK_MAX);
  // Their own dedupe key: the trigger's job for the same message ran before the patient was linked.
  await fhirCommunicationQueue.enqueueMany(
    db,
    ids.map((messageId) => ({
      payload: { orgId, messageId },
      options: { orgId, dedupeKey: `linked:${messageId}` },
    })),
  );
}
