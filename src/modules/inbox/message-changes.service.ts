import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findConversation } from './conversation.repository.ts';
import type { ScreenInboundMessage } from './conversation-hooks.ts';
import { type Message, type MessageDirection, messages } from './message.schema.ts';
import { openOneMessage, sealMessageParts } from './message-sealing.ts';
import { messageReactions } from './reaction.schema.ts';

/** A message of this channel account by the provider's id, or undefined if we never stored it. */
export async function findByExternalId(
  tx: DbOrTx,
  channelAccountId: string,
  externalId: string,
): Promise<Message | undefined> {
  const [message] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.channelAccountId, channelAccountId), eq(messages.externalId, externalId)));
  return message;
}

/** Sets or removes (emoji null) one side's reaction; returns false when the message is unknown. */
export async function applyReaction(
  tx: DbOrTx,
  input: {
    channelAccountId: string;
    targetExternalId: string;
    direction: MessageDirection;
    emoji: string | null;
    externalId: string | null;
    at: Date;
  },
): Promise<boolean> {
  const target = await findByExternalId(tx, input.channelAccountId, input.targetExternalId);
  if (!target) return false;
  const side = and(
    eq(messageReactions.messageId, target.id),
    eq(messageReactions.direction, input.direction),
  );
  if (input.emoji === null) {
    await tx.delete(messageReactions).where(side);
    return true;
  }
  await tx
    .insert(messageReactions)
    .values({
      orgId: target.orgId,
      messageId: target.id,
      direction: input.direction,
      emoji: input.emoji,
      externalId: input.externalId,
      reactedAt: input.at,
    })
    .onConflictDoUpdate({
      target: [messageReactions.messageId, messageReactions.direction],
      set: { emoji: input.emoji, externalId: input.externalId, reactedAt: input.at },
    });
  return true;
}

/** The patient edited a message: the new text replaces it and the old one is kept in its history. */
export async function applyEdit(
  tx: DbOrTx,
  keyring: Keyring,
  input: { channelAccountId: string; originalExternalId: string; text: string | null; at: Date },
  now: Date,
  screen: ScreenInboundMessage,
): Promise<boolean> {
  const stored = await findByExternalId(tx, input.channelAccountId, input.originalExternalId);
  if (!stored || stored.deletedAt) return false;
  // Webhooks can arrive out of order: an older edit never overwrites a newer one.
  if (stored.editedAt && stored.editedAt >= input.at) return true;
  const conversation = await findConversation(tx, stored.orgId, stored.conversationId);
  if (!conversation) return false;
  const original = await openOneMessage(tx, keyring, stored);
  const history = Array.isArray(original.content?.edits) ? original.content.edits : [];
  const [sealed] = await sealMessageParts(tx, keyring, [
    {
      orgId: original.orgId,
      contactId: conversation.contactId,
      text: input.text,
      content: {
        ...original.content,
        edits: [...history, { text: original.text, replacedAt: input.at.toISOString() }],
      },
    },
  ]);
  await tx
    .update(messages)
    .set({ ...sealed, editedAt: input.at })
    .where(eq(messages.id, original.id));
  // An emergency added by editing is an emergency: the team is alerted as for a new message.
  if (original.direction === 'inbound' && input.text) {
    await screen(tx, keyring, conversation, { ...original, text: input.text }, now);
  }
  return true;
}

/**
 * The patient deleted a message for everyone. We honour it: text and content are erased, the row
 * stays as a "deleted" marker so the timeline still shows that something was said.
 */
export async function applyDeletion(
  tx: DbOrTx,
  input: { channelAccountId: string; originalExternalId: string; at: Date },
): Promise<boolean> {
  const original = await findByExternalId(tx, input.channelAccountId, input.originalExternalId);
  if (!original) return false;
  await tx
    .update(messages)
    .set({ text: null, content: null, contentSealed: null, searchTerms: [], deletedAt: input.at })
    .where(eq(messages.id, original.id));
  return true;
}
