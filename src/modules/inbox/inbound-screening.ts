import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Conversation } from './conversation.schema.ts';
import type { Message } from './message.schema.ts';

// The safety module reads conversations and messages, so the inbox cannot import its screening back:
// whoever stores a patient's message hands it in (safety's screenInboundMessage).
/** Screens a patient's message in the transaction that stores it, before anything answers it. */
export type ScreenInboundMessage = (
  tx: DbOrTx,
  keyring: Keyring,
  conversation: Conversation,
  message: Message,
  now: Date,
) => Promise<unknown>;

/** A red flag as the inbox shows it on its conversation, the words opened. */
export interface ConversationRedFlag {
  id: string;
  conversationId: string;
  category: string;
  words: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByUserId: string | null;
}

/** The latest red flag of each of these conversations (safety's latestOpenRedFlags). */
export type RedFlagsOf = (
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationIds: readonly string[],
) => Promise<ConversationRedFlag[]>;
