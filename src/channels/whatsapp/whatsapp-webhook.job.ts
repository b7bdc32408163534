import { findChannelAccount } from '../../modules/channel-accounts/channel-account.repository.ts';
import type { ChannelAccount } from '../../modules/channel-accounts/channel-account.schema.ts';
import type { Job } from '../../platform/jobs/job.schema.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { InboundEvent } from '../inbound-event.ts';
import { findWebhookEvent, markWebhookProcessed } from '../webhook-journal.repository.ts';
import { parseWhatsAppWebhook } from './parse-webhook.ts';
import { type HandlerDeps, handleWhatsAppEvent } from './whatsapp-event-handlers.ts';

export const WHATSAPP_WEBHOOK_QUEUE = 'whatsapp.webhook';

export interface InboundDeps extends HandlerDeps {
  /** Told after something changed, e.g. to wake the outbox or push to agents. */
  onInboxChanged?: () => void;
}

/**
 * Turns one journaled WhatsApp delivery into patients, conversations, messages, receipts and
 * template updates. Every step is idempotent, so running the job again (after a crash) changes nothing.
 */
export async function processWhatsAppWebhook(deps: InboundDeps, job: Job): Promise<void> {
  const journaled = await findWebhookEvent(deps.db, Number(job.payload.webhookEventId));
  if (!journaled) throw new PermanentJobError('journaled webhook not found');
  const account = await findChannelAccount(deps.db, journaled.orgId, journaled.channelAccountId);
  if (!account) throw new PermanentJobError('channel account removed');

  const events = parseWhatsAppWebhook(JSON.parse(journaled.rawBody)).filter((e) => concerns(account, e));
  for (const event of events) await handleWhatsAppEvent(deps, account, event);
  await markWebhookProcessed(deps.db, journaled.id);
  deps.onInboxChanged?.();
}

/** Number-level events name the phone number id; business-level ones (templates) the WABA. */
function concerns(account: ChannelAccount, event: InboundEvent): boolean {
  if (event.accountId !== null) return event.accountId === account.externalId;
  return 'wabaId' in event && event.wabaId !== null && event.wabaId === account.settings.wabaId;
}
