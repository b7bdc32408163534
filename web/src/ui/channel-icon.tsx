import type { ChannelType } from '../api/settings-types.ts';
import { Icon, type IconName } from './icons.tsx';

/** The channels' own names: brands, the same in every language. */
export const CHANNEL_NAMES: Readonly<Record<ChannelType, string>> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  messenger: 'Messenger',
  instagram: 'Instagram',
  line: 'LINE',
  viber: 'Viber',
  sms: 'SMS',
};

const ICON_OF: Readonly<Record<ChannelType, IconName>> = {
  whatsapp: 'brand-whatsapp',
  telegram: 'brand-telegram',
  messenger: 'brand-messenger',
  instagram: 'brand-instagram',
  line: 'brand-line',
  viber: 'brand-viber',
  // SMS is no brand: the phone it reaches.
  sms: 'phone',
};

/** Each brand's colour, dark enough to read as a line icon on white. */
const COLOR_OF: Readonly<Record<ChannelType, string>> = {
  whatsapp: '#128C4B',
  telegram: '#1E88C7',
  messenger: '#0866FF',
  instagram: '#C13584',
  line: '#06A545',
  viber: '#7360F2',
  sms: '#495057',
};

/** A channel's logo, named for screen readers (it is the only mark of the channel where it stands). */
export function ChannelIcon({ type, size = 18 }: { type: ChannelType; size?: number }) {
  return (
    <Icon
      name={ICON_OF[type]}
      size={size}
      color={COLOR_OF[type]}
      aria-hidden={false}
      role="img"
      aria-label={CHANNEL_NAMES[type]}
      data-channel={type}
    />
  );
}
