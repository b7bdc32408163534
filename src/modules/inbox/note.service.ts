import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findConversation } from './conversation.repository.ts';
import { ConversationNotFoundError } from './inbox.service.ts';
import { insertMessageIfNew } from './message.repository.ts';
import type { Message } from './message.schema.ts';

/**
 * An internal note of the care team: in the conversation's timeline, never sent to the patient (it is
 * `received` and no outbox job is ever made for it). It does not move the conversation's clocks, its
 * unread count or the patient's wait.
 */
export async function addNote(
  db: DbOrTx,
  keyring: Keyring,
  input: {
    orgId: string;
    conversationId: string;
    text: string;
    authorUserId: string | null;
    apiKeyId: string | null;
    /** Written by automation (an intake summary, a red flag). */
    flowSessionId?: string;
    /** Only roles with `medical.read` see it (intake summaries; notes the staff marks medical). */
    medical?: boolean;
    now: Date;
  },
): Promise<Message> {
  const conversation = await findConversation(db, input.orgId, input.conversationId);
  if (!conversation) throw new ConversationNotFoundError();
  const { now } = input;
  const note = await insertMessageIfNew(db, keyring, {
    contactId: conversation.contactId,
    values: {
      orgId: input.orgId,
      conversationId: conversation.id,
      channelAccountId: conversation.channelAccountId,
      direction: 'note',
      type: 'text',
      text: input.text,
      status: 'received',
      statusAt: now,
      occurredAt: now,
      authorUserId: input.authorUserId,
      sentByApiKeyId: input.apiKeyId,
      sentByFlowSessionId: input.flowSessionId ?? null,
      medical: input.medical ?? false,
    },
  });
  if (!note) throw new Error('insert into messages returned nothing');
  return note;
}
