import type { WindowPolicy } from '../../channels/channel-capabilities.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Conversation } from './conversation.schema.ts';
import type { Message } from './message.schema.ts';
import type { MessageAttachment } from './message-attachment.api.ts';

// The safety net, automation, the outbox and media read conversations and messages, so the inbox cannot
// import them back: what it needs of them is handed in by its callers, wired in src/app.ts.

/** Safety's screening of a patient's message, in the transaction that stores it. */
export type ScreenInboundMessage = (
  tx: DbOrTx,
  keyring: Keyring,
  conversation: Conversation,
  message: Message,
  now: Date,
) => Promise<unknown>;

/**
 * What follows a new patient message in the transaction that stores it, before anything answers it:
 * the screening, then the job that hands it to automation.
 */
export type FollowInboundMessage = ScreenInboundMessage;

/** Queues what automation does when the care team closes a conversation (a satisfaction survey). */
export type StartClosingAutomation = (
  tx: DbOrTx,
  orgId: string,
  conversationId: string,
  now: Date,
) => Promise<unknown>;

/** Pauses the conversation's running flow, so the bot never talks over the care team. */
export type PauseAutomation = (
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationId: string,
  reason: string,
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

/** The flow running or paused in a conversation, as the inbox shows it. */
export interface ConversationAutomation {
  sessionId: string;
  flowKey: string;
  status: 'running' | 'paused';
  reason: string | null;
  startedAt: Date;
}

/** The live flow of each of these conversations, by conversation id (flows' automationOf). */
export type AutomationOf = (
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationIds: readonly string[],
) => Promise<Map<string, ConversationAutomation>>;

/**
 * An account's window (WhatsApp: 24 h then templates; a Viber bot allowed to write first: none); null when
 * Careline cannot send on its channel (the outbox's senders).
 */
export type WindowPolicyOf = (account: ChannelAccount) => WindowPolicy | null;

/** An agent read the conversation: the outbox queues a read receipt to the patient; whether it did. */
export type QueueReadReceipt = (db: Db, conversation: Conversation) => Promise<boolean>;

/**
 * The files of these messages, their names opened: those that came with them, and the care team's uploads
 * that the messages send (`sentFileIds`). One query for the whole page (media's attachmentsOfMessages).
 */
export type AttachmentsOf = (
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  messageIds: readonly string[],
  sentFileIds: readonly string[],
) => Promise<MessageAttachment[]>;

/** Everything the conversation routes are handed by the modules above the inbox. */
export interface ConversationHooks {
  redFlagsOf: RedFlagsOf;
  automationOf: AutomationOf;
  pauseAutomation: PauseAutomation;
  startClosingAutomation: StartClosingAutomation;
  windowPolicyOf: WindowPolicyOf;
  queueReadReceipt: QueueReadReceipt;
  attachmentsOf: AttachmentsOf;
}
