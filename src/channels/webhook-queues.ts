import { z } from 'zod';
import type { ChannelType } from '../modules/channel-accounts/channel-account.schema.ts';
import { defineQueue, type Queue } from '../platform/jobs/define-queue.ts';

/** A journaled delivery's processing job names its journal row. */
const webhookJobSchema = z.object({ webhookEventId: z.number().int().positive() });

export type WebhookQueue = Queue<typeof webhookJobSchema>;

/**
 * Where WhatsApp's deliveries were queued before WhatsApp moved onto the port: still served, so that a
 * delivery journaled by an older Careline and not yet applied is applied after the upgrade.
 */
export const whatsappWebhookQueue: WebhookQueue = defineQueue('whatsapp.webhook', webhookJobSchema, {
  maxAttempts: 10,
});

/** Deliveries of every channel: one ingest job reads them all. */
export const channelWebhookQueue: WebhookQueue = defineQueue('channel.webhook', webhookJobSchema, {
  maxAttempts: 10,
});

/** The queue whose job applies a journaled delivery of each channel: an operator's retry goes there. */
export const WEBHOOK_QUEUES: Partial<Record<ChannelType, WebhookQueue>> = {
  whatsapp: channelWebhookQueue,
  telegram: channelWebhookQueue,
  messenger: channelWebhookQueue,
  instagram: channelWebhookQueue,
};
