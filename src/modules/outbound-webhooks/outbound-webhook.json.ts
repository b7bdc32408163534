import { z } from 'zod';
import type { WebhookDelivery, WebhookSubscription } from './outbound-webhook.schema.ts';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types.ts';

export const subscriptionJson = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    active: z.boolean(),
    description: z.string(),
    include_message_text: z.boolean(),
    disabled_reason: z
      .enum(['failing'])
      .nullable()
      .describe('failing: Careline turned it off after every attempt at an event failed for 3 days'),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'WebhookSubscription' });

export const deliveryJson = z
  .object({
    id: z.uuid(),
    event_type: z.string(),
    webhook_id: z.string().describe('The webhook-id header: the same for every attempt and replay'),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    occurred_at: z.iso.datetime(),
    last_attempt_at: z.iso.datetime().nullable(),
    next_attempt_at: z.iso.datetime().nullable().describe('When the next attempt is due (pending only)'),
    response_status: z.number().int().nullable(),
    duration_ms: z.number().int().nullable(),
    error: z.string().nullable().describe('timeout, unreachable, HTTP 500…'),
    response_excerpt: z.string().nullable().describe('The first 200 characters of the last answer'),
    replay_of: z.uuid().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

const KNOWN_EVENTS: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

export function toSubscriptionJson(s: WebhookSubscription): z.infer<typeof subscriptionJson> {
  return {
    id: s.id,
    url: s.url,
    events: s.events.filter((e): e is (typeof WEBHOOK_EVENT_TYPES)[number] => KNOWN_EVENTS.has(e)),
    active: s.active,
    description: s.description,
    include_message_text: s.includeMessageText,
    disabled_reason: s.disabledReason === 'failing' ? 'failing' : null,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

export function toDeliveryJson(d: WebhookDelivery): z.infer<typeof deliveryJson> {
  return {
    id: d.id,
    event_type: d.eventType,
    webhook_id: d.webhookId,
    status: d.status,
    attempts: d.attempts,
    occurred_at: d.occurredAt.toISOString(),
    last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
    next_attempt_at: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    response_status: d.responseStatus,
    duration_ms: d.durationMs,
    error: d.error,
    response_excerpt: d.responseExcerpt,
    replay_of: d.replayOf,
  };
}
