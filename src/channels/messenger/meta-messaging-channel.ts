import type { Channel } from '../inbound-event.ts';

/**
 * The two channels of Meta's Messenger Platform. Instagram Direct messages use the same webhook frame and
 * the same Send API as Facebook Page messages, so one parser and one adapter serve both, told apart by
 * this value: the events say which app the patient wrote from, and the limits differ (text, media).
 */
export type MetaMessagingChannel = Extract<Channel, 'messenger' | 'instagram'>;

/** The `object` of a webhook body for each channel. */
export const WEBHOOK_OBJECT: Readonly<Record<MetaMessagingChannel, string>> = {
  messenger: 'page',
  instagram: 'instagram',
};

/** What a person reads in a message: "Messenger" or "Instagram". */
export const CHANNEL_NAME: Readonly<Record<MetaMessagingChannel, string>> = {
  messenger: 'Messenger',
  instagram: 'Instagram',
};
