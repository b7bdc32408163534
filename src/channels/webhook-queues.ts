import type { ChannelType } from '../modules/channel-accounts/channel-account.schema.ts';

export const WHATSAPP_WEBHOOK_QUEUE = 'whatsapp.webhook';

/** The queue whose job applies a journaled delivery of each channel: an operator's retry goes there. */
export const WEBHOOK_QUEUES: Partial<Record<ChannelType, string>> = { whatsapp: WHATSAPP_WEBHOOK_QUEUE };
