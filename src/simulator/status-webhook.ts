import type { StatusName } from './lifecycle-plan.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import type { SimulatorBehaviour } from './simulator-behaviour.ts';
import { unixSeconds, webhookEnvelope } from './webhook-envelope.ts';

export interface StatusEvent {
  wamid: string;
  status: StatusName;
  at: Date;
  recipientWaId: string | null;
  recipientUserId: string | null;
  conversationId: string;
  bizOpaqueCallbackData?: string;
  failure?: NonNullable<SimulatorBehaviour['fail']>;
}

const SERVICE_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * A status webhook shaped like Meta's PMP-era ones for a free-form reply: `conversation` on every
 * status with `expiration_timestamp` only on `sent`, `pricing` free customer service, and on
 * `failed` the `errors[]` block instead.
 */
export function statusWebhook(number: SimulatedNumber, event: StatusEvent) {
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
  const status =
    event.status === 'failed'
      ? { ...base, errors: [failureError(event.failure)] }
      : { ...base, ...billing(event) };
  return webhookEnvelope(number, { statuses: [status] });
}

function billing(event: StatusEvent) {
  const expiration =
    event.status === 'sent'
      ? { expiration_timestamp: String(Number(unixSeconds(event.at)) + SERVICE_WINDOW_SECONDS) }
      : {};
  return {
    conversation: { id: event.conversationId, ...expiration, origin: { type: 'service' } },
    pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
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
