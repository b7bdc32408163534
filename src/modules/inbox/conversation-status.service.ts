import type { DbOrTx } from '../../platform/db/db.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { findLiveConversation, lockConversation, updateConversation } from './conversation.repository.ts';
import type { Conversation, ConversationStatus } from './conversation.schema.ts';
import type { StartClosingAutomation } from './conversation-hooks.ts';
import { ConversationNotFoundError } from './inbox.service.ts';

/** A closed conversation cannot be reopened while the patient has another live one on the same number. */
export class LiveConversationExistsError extends Error {
  readonly liveConversationId: string;

  constructor(liveConversationId: string) {
    super('the patient already has a live conversation on this channel account');
    this.liveConversationId = liveConversationId;
    this.name = 'LiveConversationExistsError';
  }
}

/**
 * Opens, parks (pending) or closes a conversation. Closing stamps `closedAt` and ends the patient's
 * wait; reopening clears `closedAt`, unless the patient has written since and so has a new live
 * conversation (one live conversation per patient and number, enforced by a unique index).
 */
export async function setConversationStatus(
  db: DbOrTx,
  orgId: string,
  id: string,
  status: ConversationStatus,
  now: Date,
  startAutomation: StartClosingAutomation | null,
): Promise<Conversation> {
  return db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, orgId, id);
    if (!conversation) throw new ConversationNotFoundError();
    if (conversation.status === status) return conversation;
    if (conversation.status === 'closed') {
      const live = await findLiveConversation(
        tx,
        orgId,
        conversation.channelAccountId,
        conversation.contactId,
      );
      if (live) throw new LiveConversationExistsError(live.id);
    }
    const change =
      status === 'closed'
        ? { status, closedAt: now, waitingSince: null }
        : { status, ...(conversation.status === 'closed' ? { closedAt: null } : {}) };
    try {
      // A savepoint: if a patient's message opened a new conversation meanwhile, the transaction survives.
      const updated = await tx.transaction((savepoint) =>
        updateConversation(savepoint, orgId, id, change, now),
      );
      if (!updated) throw new ConversationNotFoundError();
      // Closing may start automation (a satisfaction survey); a flow that closes passes null (no survey).
      if (status === 'closed' && startAutomation) await startAutomation(tx, orgId, id, now);
      return updated;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const live = await findLiveConversation(
        tx,
        orgId,
        conversation.channelAccountId,
        conversation.contactId,
      );
      throw new LiveConversationExistsError(live?.id ?? conversation.id);
    }
  });
}
