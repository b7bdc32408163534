import type { Logger } from 'pino';
import type { ChannelSender } from '../../channels/channel.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Job } from '../../platform/jobs/job.schema.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.repository.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { identitiesOfContacts } from '../contacts/contact.repository.ts';
import { findConversation } from '../inbox/conversation.repository.ts';
import { findMessage, setMessageExternalId, updateMessageStatus } from '../inbox/message.repository.ts';
import { applyEarlyReceipts } from './delivery-receipt.service.ts';

export interface OutboxDeps {
  db: Db;
  senders: Partial<Record<ChannelType, ChannelSender>>;
  logger: Logger;
}

/** A passing fault: the job queue tries again with backoff. */
export class SendRetryLater extends Error {
  override name = 'SendRetryLater';
}

/**
 * Sends one queued message through its channel. Runs as a job, so it survives restarts; a message
 * that is no longer `queued` was already handled and is left alone.
 */
export async function sendQueuedMessage(deps: OutboxDeps, job: Job): Promise<void> {
  const { db } = deps;
  const messageId = String(job.payload.messageId);
  const orgId = String(job.payload.orgId);
  const message = await findMessage(db, orgId, messageId);
  if (message?.status !== 'queued' || message.text === null) return;

  const conversation = await findConversation(db, orgId, message.conversationId);
  const account = await findChannelAccount(db, orgId, message.channelAccountId);
  if (!conversation || !account)
    return fail(deps, message.id, null, 'Channel account or conversation removed');
  const identities = await identitiesOfContacts(db, orgId, [conversation.contactId]);
  const recipient = identities.filter((i) => i.channelType === account.type).at(-1);
  if (!recipient) return fail(deps, message.id, null, `The patient has no ${account.type} identity`);
  const sender = deps.senders[account.type];
  if (!sender) return fail(deps, message.id, null, `Sending on ${account.type} is not available`);

  const outcome = await sender.send(account, recipient, {
    type: 'text',
    text: message.text,
    replyToExternalId: message.replyToExternalId,
    correlationId: message.id,
  });
  if (outcome.ok) {
    await db.transaction(async (tx) => {
      await setMessageExternalId(tx, message.id, outcome.externalId);
      await applyEarlyReceipts(tx, account.id, outcome.externalId);
    });
    return;
  }
  const lastAttempt = job.attempts >= job.maxAttempts;
  if (outcome.disposition === 'retry' && !lastAttempt) {
    throw new SendRetryLater(`${outcome.code ?? 'transport'}: ${outcome.title}`);
  }
  await fail(deps, message.id, outcome.code, outcome.title, outcome.detail);
}

async function fail(
  deps: OutboxDeps,
  messageId: string,
  code: number | null,
  title: string,
  detail: string | null = null,
): Promise<void> {
  deps.logger.warn({ messageId, errorCode: code }, 'outbound message failed');
  await updateMessageStatus(deps.db, { id: messageId }, ['queued'], {
    status: 'failed',
    at: new Date(),
    errorCode: code,
    errorTitle: title,
    errorDetail: detail,
  });
}
