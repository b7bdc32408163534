import type { DbOrTx } from '../../platform/db/db.ts';
import { queueInboundAutomation } from '../flows/conversation-automation.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import type { Message } from '../inbox/message.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import { screenInboundMessage } from '../safety/screen-inbound-message.ts';

/**
 * What follows a patient's new message in the transaction that stores it. The screening comes first:
 * an emergency makes the conversation urgent before automation or a person answers it.
 */
export async function followInboundMessage(
  tx: DbOrTx,
  keyring: Keyring,
  conversation: Conversation,
  message: Message,
  now: Date,
): Promise<void> {
  await screenInboundMessage(tx, keyring, conversation, message, now);
  await queueInboundAutomation(tx, conversation, message);
}
