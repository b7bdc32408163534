export const CHANNEL_TYPES = ['whatsapp', 'messenger', 'line', 'viber', 'telegram'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
