import { z } from 'zod';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

/**
 * Sends a subscription's due deliveries, in order. The database trigger queues one job per new
 * delivery under this name (drizzle/0033_outbound_webhooks.sql): keep both in step.
 */
export const outboundWebhookQueue = defineQueue(
  'outbound-webhooks.deliver',
  z.object({ subscriptionId: z.uuid() }),
  { maxAttempts: 3 },
);
