import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { identitiesOfContacts } from '../contacts/contact.service.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { latestInboundMessage } from '../inbox/message.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { ChannelSender } from './channel-sender.ts';

/** Blue ticks for the patient: the conversation's latest message was read by the care team. */
export const markReadQueue = defineQueue(
  'outbox.mark-read',
  z.object({
    orgId: z.uuid(),
    channelAccountId: z.uuid(),
    externalId: z.string().min(1),
    /** Whose app to tell, where the receipt goes to a person rather than a message (Messenger's mark_seen). */
    contactId: z.uuid().optional(),
  }),
  { priority: 0, maxAttempts: 3 },
);

/**
 * An agent opened the conversation: tell the patient's app (blue ticks), unless the channel account
 * turned read receipts off. Returns whether a receipt was queued.
 */
export async function queueReadReceipt(db: Db, conversation: Conversation): Promise<boolean> {
  const account = await findChannelAccount(db, conversation.orgId, conversation.channelAccountId);
  if (!account || account.settings.markAsRead === false) return false;
  const latest = await latestInboundMessage(db, conversation.orgId, conversation.id);
  if (!latest?.externalId) return false;
  await markReadQueue.enqueue(
    db,
    {
      orgId: conversation.orgId,
      channelAccountId: account.id,
      externalId: latest.externalId,
      contactId: conversation.contactId,
    },
    { orgId: conversation.orgId, dedupeKey: `${account.id}:${latest.externalId}` },
  );
  return true;
}

export async function sendReadReceipt(
  deps: { db: Db; keyring: Keyring; senders: Partial<Record<ChannelType, ChannelSender>> },
  payload: z.output<typeof markReadQueue.schema>,
): Promise<void> {
  const account = await findChannelAccount(deps.db, payload.orgId, payload.channelAccountId);
  const sender = account ? deps.senders[account.type] : undefined;
  if (!account || !sender) return;
  // The patient's id on this channel is read now, from their sealed identity: the queue never holds it.
  const identities =
    payload.contactId === undefined
      ? []
      : await identitiesOfContacts(deps.db, deps.keyring, payload.orgId, [payload.contactId]);
  const recipient = identities.filter((identity) => identity.channelType === account.type).at(-1) ?? null;
  const outcome = await sender.markRead(account, payload.externalId, recipient);
  // A read receipt that cannot be delivered is not worth an alert; a passing fault is retried, and so
  // is one that may have reached Meta (marking as read twice does no harm).
  if (!outcome.ok && outcome.disposition !== 'fail') throw new Error(outcome.title);
}
