import type { Logger } from 'pino';
import { findChannelAccount } from '../../modules/channel-accounts/channel-account.repository.ts';
import { resolveWhatsAppContact } from '../../modules/contacts/contact.service.ts';
import type { WhatsAppSenderIdentity } from '../../modules/contacts/whatsapp-sender-identity.ts';
import { appendInboundMessage } from '../../modules/inbox/inbox.service.ts';
import { recordDeliveryReceipt } from '../../modules/outbox/delivery-receipt.service.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Job } from '../../platform/jobs/job.schema.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { InboundMessageEvent, Sender, StatusEvent } from '../inbound-event.ts';
import { findWebhookEvent, markWebhookProcessed } from '../webhook-journal.repository.ts';
import { parseWhatsAppWebhook } from './parse-webhook.ts';

export const WHATSAPP_WEBHOOK_QUEUE = 'whatsapp.webhook';

export interface InboundDeps {
  db: Db;
  logger: Logger;
  /** Told after something changed, e.g. to wake the outbox or push to agents. */
  onInboxChanged?: () => void;
}

/**
 * Turns one journaled WhatsApp delivery into patients, conversations, messages and delivery
 * receipts. Every step is idempotent, so running the job again (after a crash) changes nothing.
 */
export async function processWhatsAppWebhook(deps: InboundDeps, job: Job): Promise<void> {
  const event = await findWebhookEvent(deps.db, Number(job.payload.webhookEventId));
  if (!event) throw new PermanentJobError('journaled webhook not found');
  const account = await findChannelAccount(deps.db, event.orgId, event.channelAccountId);
  if (!account) throw new PermanentJobError('channel account removed');

  const events = parseWhatsAppWebhook(JSON.parse(event.rawBody)).filter(
    (e) => e.accountId === account.externalId,
  );
  for (const item of events) {
    switch (item.kind) {
      case 'message':
        await storeMessage(deps, account.orgId, account.id, item);
        break;
      case 'status':
        await storeStatus(deps, account.orgId, account.id, item);
        break;
      default:
        // Reactions, edits, template and preference updates come with the full WhatsApp support.
        deps.logger.debug(
          { kind: item.kind, webhookEventId: event.id },
          'WhatsApp event kind not handled yet',
        );
    }
  }
  await markWebhookProcessed(deps.db, event.id);
  deps.onInboxChanged?.();
}

async function storeMessage(
  deps: InboundDeps,
  orgId: string,
  channelAccountId: string,
  event: InboundMessageEvent,
) {
  if (!event.externalId) {
    deps.logger.warn({ channelAccountId }, 'WhatsApp message without id skipped');
    return;
  }
  const { kind, channel, accountId, externalId, timestamp, from, type, text, replyTo, ...content } = event;
  await deps.db.transaction(async (tx) => {
    const { contactId } = await resolveWhatsAppContact(tx, orgId, senderIdentity(from));
    await appendInboundMessage(tx, {
      orgId,
      channelAccountId,
      contactId,
      externalId,
      type,
      text,
      content: { ...content },
      replyToExternalId: replyTo,
      occurredAt: new Date(timestamp),
    });
  });
}

async function storeStatus(deps: InboundDeps, orgId: string, channelAccountId: string, event: StatusEvent) {
  if (!event.externalId) return;
  const firstError = event.errors[0];
  await deps.db.transaction((tx) =>
    recordDeliveryReceipt(tx, {
      orgId,
      channelAccountId,
      externalId: event.externalId ?? '',
      status: event.status,
      occurredAt: new Date(event.timestamp),
      errorCode: event.errorCode,
      errorTitle: firstError?.title ?? null,
      errorDetail: firstError?.details ?? null,
    }),
  );
}

export function senderIdentity(from: Sender): WhatsAppSenderIdentity {
  return {
    waId: from.id === from.bsuid ? null : from.id,
    phone: from.phone,
    bsuid: from.bsuid,
    parentBsuid: from.parentBsuid,
    username: from.username,
    profileName: from.name,
  };
}
