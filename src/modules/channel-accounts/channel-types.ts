export const CHANNEL_TYPES = ['whatsapp', 'messenger', 'instagram', 'line', 'viber', 'telegram'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
