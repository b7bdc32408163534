import { CHANNEL_NAMES } from './channel-types.ts';

/** The app as patients call it; the channel's own name for one Careline has no word for. */
export function channelName(channel: string): string {
  return (CHANNEL_NAMES as Readonly<Record<string, string>>)[channel] ?? channel;
}
