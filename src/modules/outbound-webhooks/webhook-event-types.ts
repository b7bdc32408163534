/**
 * What a clinic can subscribe to. Each is computed by a database trigger from the change itself
 * (drizzle/0033_outbound_webhooks.sql), so no code path can forget to publish one.
 */
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
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by the "send test event" button only; nobody subscribes to it. */
export const TEST_EVENT_TYPE = 'webhook.test';
