import type { DbOrTx } from '../../platform/db/db.ts';
import { screenForRedFlags } from '../flows/red-flags/screen-for-red-flags.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { markConversationUrgent } from '../inbox/conversation.service.ts';
import type { Message } from '../inbox/message.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import { insertRedFlagEvent } from './red-flag-event.repository.ts';
import type { RedFlagEvent } from './red-flag-event.schema.ts';
import { RED_FLAG_WORDS_PURPOSE } from './red-flag-words.ts';

/**
 * The safety net under every patient message: called where each inbound message is stored, in the same
 * transaction, whatever the channel or the conversation's state. A message that reads like an emergency
 * is recorded and its conversation turns urgent before anything (a flow, a person) answers it; the
 * response itself is the automation job's (`respondToRedFlag`), which sees the record first.
 */
export async function screenInboundMessage(
  tx: DbOrTx,
  keyring: Keyring,
  conversation: Conversation,
  message: Message,
  now: Date,
): Promise<RedFlagEvent | undefined> {
  const text = screenedTextOf(message);
  if (text === '') return undefined;
  const { findings } = screenForRedFlags(text);
  const [first] = findings;
  if (!first) return undefined;
  // `now` is when Careline had the message, not the phone's clock: time to acknowledgement is ours.
  const sealer = await keyring.patient(tx, conversation.orgId, conversation.contactId);
  const words = first.matched || text.slice(0, 500);
  const event = await insertRedFlagEvent(tx, {
    orgId: conversation.orgId,
    conversationId: conversation.id,
    contactId: conversation.contactId,
    messageId: message.id,
    category: first.category,
    categories: findings.map((f) => f.category),
    words: sealer.seal(words, RED_FLAG_WORDS_PURPOSE),
    raisedAt: now,
  });
  if (event) await markConversationUrgent(tx, conversation.orgId, conversation.id, now);
  return event && { ...event, words };
}

/**
 * What the patient wrote, whatever the message's kind: the text, a photo's or a document's caption
 * (both stored as the message's text), the title of a tapped button or list row and a row's description.
 */
export function screenedTextOf(message: Pick<Message, 'text' | 'content'>): string {
  const parts = [message.text ?? ''];
  const reply = message.content?.reply;
  if (typeof reply === 'object' && reply !== null && !Array.isArray(reply)) {
    for (const key of ['title', 'description'] as const) {
      const value: unknown = Reflect.get(reply, key);
      if (typeof value === 'string') parts.push(value);
    }
  }
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))].join('\n');
}
