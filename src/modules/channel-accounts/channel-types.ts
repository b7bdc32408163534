export const CHANNEL_TYPES = [
  'whatsapp',
  'messenger',
  'instagram',
  'line',
  'viber',
  'telegram',
  'sms',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** How patients call each app, in both languages. */
export const CHANNEL_NAMES: Readonly<Record<ChannelType, string>> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  messenger: 'Messenger',
  instagram: 'Instagram',
  line: 'LINE',
  viber: 'Viber',
  sms: 'SMS',
};
