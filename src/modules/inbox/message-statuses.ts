/**
 * Inbound messages are `received`. Outbound ones go queued → sending (the call is under way) →
 * accepted (the provider gave an id) → sent → delivered → read (→ played for voice), or end `failed`
 * with the provider's reason, or `refused` by our own policy before any call (never "looks sent").
 */
export const MESSAGE_STATUSES = [
  'received',
  'queued',
  'sending',
  'accepted',
  'sent',
  'delivered',
  'read',
  'played',
  'failed',
  'refused',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
