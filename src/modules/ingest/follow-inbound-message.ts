import type { DbOrTx } from '../../platform/db/db.ts';
import { rememberSharedPhones } from '../contacts/contact-duplicates.service.ts';
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
  // A shared contact card's number may be a record the clinic already has: a duplicate suggestion.
  const phones = sharedPhonesOf(message);
  if (phones.length > 0)
    await rememberSharedPhones(tx, keyring, conversation.orgId, conversation.contactId, phones);
}

function sharedPhonesOf(message: Message): string[] {
  const cards = message.type === 'contacts' ? message.content?.contacts : undefined;
  if (!Array.isArray(cards)) return [];
  return cards.flatMap((card: { phones?: Array<{ phone?: unknown }> }) =>
    (card.phones ?? []).flatMap((p) => (typeof p.phone === 'string' ? [p.phone] : [])),
  );
}
