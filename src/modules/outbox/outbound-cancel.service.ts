import type { DbOrTx } from '../../platform/db/db.ts';
import { refuseQueuedMessages } from '../inbox/message.service.ts';

/**
 * Withdraws messages the outbox has not handed to their provider yet (still `queued`): they are marked
 * `refused` with the reason `cancelled` (the timeline shows them so) and their send jobs find nothing to
 * send. A message already being sent, or sent, is left as it is. Answers the ids withdrawn.
 */
export async function cancelQueuedMessages(
  db: DbOrTx,
  orgId: string,
  messageIds: readonly string[],
  now: Date,
  detail = 'Cancelled before it was sent.',
): Promise<string[]> {
  return refuseQueuedMessages(db, orgId, messageIds, 'cancelled', detail, now);
}
