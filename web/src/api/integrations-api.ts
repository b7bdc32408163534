import type * as Api from './generated/openapi.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type WebhookSubscription = Api.WebhookSubscription;
export type WebhookSubscriptionWithSecret = Api.WebhookSubscriptionWithSecret;
export type WebhookDelivery = Api.WebhookDelivery;
export type NewWebhookSubscription = Api.NewWebhookSubscriptionInput;
export type WebhookEventType = WebhookSubscription['events'][number];

export const WEBHOOK_EVENT_TYPES = [
  'message.received',
  'message.sent',
  'message.status_changed',
  'conversation.opened',
  'conversation.assigned',
  'conversation.closed',
  'red_flag.raised',
  'red_flag.acknowledged',
  'appointment.booked',
  'appointment.moved',
  'appointment.cancelled',
  'appointment.attended',
  'appointment.no_show',
  'reminder.sent',
  'reminder.answered',
  'consent.changed',
  'csat.answered',
  'patient.merged',
] as const satisfies readonly WebhookEventType[];

/** The web build fails when the server offers an event the form does not list. */
export const EVENT_LIST_IS_COMPLETE: [
  Exclude<WebhookEventType, (typeof WEBHOOK_EVENT_TYPES)[number]>,
] extends [never]
  ? true
  : never = true;

export const integrationsKeys = {
  subscriptions: ['webhook-subscriptions'] as const,
  deliveries: (id: string) => ['webhook-subscriptions', id, 'deliveries'] as const,
};

/** Signed outbound webhooks: administrators only. */
export const integrationsApi = {
  subscriptions: async () =>
    (await apiRequest<{ data: WebhookSubscription[] }>(`${API}/webhook-subscriptions`)).data,
  create: (body: NewWebhookSubscription) =>
    apiRequest<WebhookSubscriptionWithSecret>(`${API}/webhook-subscriptions`, { method: 'POST', body }),
  setActive: (id: string, active: boolean) =>
    apiRequest<WebhookSubscription>(`${API}/webhook-subscriptions/${id}`, {
      method: 'PATCH',
      body: { active },
    }),
  rotateSecret: (id: string) =>
    apiRequest<WebhookSubscriptionWithSecret>(`${API}/webhook-subscriptions/${id}/rotate-secret`, {
      method: 'POST',
    }),
  remove: (id: string) => apiRequest<void>(`${API}/webhook-subscriptions/${id}`, { method: 'DELETE' }),
  sendTest: (id: string) =>
    apiRequest<WebhookDelivery>(`${API}/webhook-subscriptions/${id}/test`, { method: 'POST' }),
  deliveries: async (id: string) =>
    (await apiRequest<{ data: WebhookDelivery[] }>(`${API}/webhook-subscriptions/${id}/deliveries?limit=50`))
      .data,
  replay: (id: string, deliveryId: string) =>
    apiRequest<WebhookDelivery>(`${API}/webhook-subscriptions/${id}/deliveries/${deliveryId}/replay`, {
      method: 'POST',
    }),
};
