/** Where a broadcast stands. */
export const BROADCAST_STATUSES = ['scheduled', 'sending', 'completed', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/** Where one patient of it stands (sent, delivered, read and failed are read from its message). */
export const BROADCAST_RECIPIENT_STATES = ['pending', 'skipped', 'queued'] as const;
export type BroadcastRecipientState = (typeof BROADCAST_RECIPIENT_STATES)[number];

/** What the API and the report show, the message's status folded in. */
export const BROADCAST_REPORTED_STATES = [
  'pending',
  'skipped',
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
] as const;
export type BroadcastReportedState = (typeof BROADCAST_REPORTED_STATES)[number];

/**
 * Why a patient of the group got nothing: `no_consent` — they agreed to health information on no channel;
 * `opted_out` — they did once, and withdrew it (STOP, STOP CONSEILS…) everywhere they had;
 * `no_channel` — they agreed, but on no channel the clinic can write to them on; `window_closed` —
 * Messenger or Instagram outside their 24-hour window (nothing automated may go after it);
 * `template_unavailable` — WhatsApp outside its window with no approved template for the broadcast;
 * `refused` — the outbox refused the message (a limit of the channel);
 * `cancelled` — the broadcast was cancelled before their turn.
 */
export const BROADCAST_SKIP_REASONS = [
  'no_consent',
  'opted_out',
  'no_channel',
  'window_closed',
  'template_unavailable',
  'refused',
  'cancelled',
] as const;
export type BroadcastSkipReason = (typeof BROADCAST_SKIP_REASONS)[number];

export type BroadcastLanguage = 'fr' | 'en';
export const BROADCAST_LANGUAGES = ['fr', 'en'] as const;

export interface BroadcastTemplate {
  name: string;
  language: string;
  /** The body's values in order; each may hold {{first_name}}, {{name}} or {{clinic_name}}. */
  parameters: string[];
}

/**
 * One language's message: the words (any channel; WhatsApp inside its 24-hour window), an approved
 * template (WhatsApp, inside or outside its window), or both.
 */
export interface BroadcastContentItem {
  text?: string;
  template?: BroadcastTemplate;
}

export type BroadcastContent = Partial<Record<BroadcastLanguage, BroadcastContentItem>>;
