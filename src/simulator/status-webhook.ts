import type { StatusName } from './lifecycle-plan.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import type { StatusFailure } from './simulator-behaviour.ts';
import { unixSeconds, webhookEnvelope } from './webhook-envelope.ts';

/** How a message is billed under per-message pricing (PMP). */
export interface Pricing {
  category: 'service' | 'marketing' | 'utility' | 'authentication';
  type: 'free_customer_service' | 'regular';
}

export const SERVICE_PRICING: Pricing = { category: 'service', type: 'free_customer_service' };

export interface StatusEvent {
  wamid: string;
  status: StatusName;
  at: Date;
  recipientWaId: string | null;
  recipientUserId: string | null;
  conversationId: string;
  pricing: Pricing;
  bizOpaqueCallbackData?: string;
  failure?: StatusFailure;
}

const SERVICE_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * A status webhook shaped like Meta's PMP-era ones: `conversation` on every status with
 * `expiration_timestamp` only on `sent`, `pricing` (free customer service for replies, regular for
 * billed templates), and on `failed` the `errors[]` block instead.
 */
export function statusWebhook(number: SimulatedNumber, event: StatusEvent) {
  return webhookEnvelope(number, statusValue(event));
}

/** The `value` of the webhook alone, for batching several into one POST. */
export function statusValue(event: StatusEvent) {
  return { statuses: [statusObject(event)] };
}

export function statusObject(event: StatusEvent) {
  const timestamp = unixSeconds(event.at);
  const base = {
    id: event.wamid,
    status: event.status,
    timestamp,
    ...(event.recipientWaId === null ? {} : { recipient_id: event.recipientWaId }),
    ...(event.recipientUserId === null ? {} : { recipient_user_id: event.recipientUserId }),
    ...(event.bizOpaqueCallbackData === undefined
      ? {}
      : { biz_opaque_callback_data: event.bizOpaqueCallbackData }),
  };
  return event.status === 'failed'
    ? { ...base, errors: [failureError(event.failure)] }
    : { ...base, ...billing(event) };
}

function billing(event: StatusEvent) {
  const expiration =
    event.status === 'sent'
      ? { expiration_timestamp: String(Number(unixSeconds(event.at)) + SERVICE_WINDOW_SECONDS) }
      : {};
  const { category, type } = event.pricing;
  return {
    conversation: { id: event.conversationId, ...expiration, origin: { type: category } },
    pricing: { billable: type === 'regular', pricing_model: 'PMP', category, type },
  };
}

function failureError(failure: StatusEvent['failure']) {
  const code = failure?.code ?? 131000;
  const title = failure?.title ?? 'Something went wrong';
  return {
    code,
    title,
    message: failure?.message ?? title,
    error_data: { details: failure?.details ?? title },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}
