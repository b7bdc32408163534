import type { ChannelAdapter } from './channels/channel-adapter.ts';
import { createMessengerAdapter } from './channels/messenger/messenger-adapter.ts';
import { createTelegramAdapter } from './channels/telegram/telegram-adapter.ts';

export interface ChannelAdapterOptions {
  /** How long one call to a provider may take (each adapter's default when absent). */
  timeoutMs?: number;
  /** The clock adapters date what carries no date of its own by (a Telegram button tap). */
  now?: () => Date;
}

/**
 * The channels on the port (src/channels/channel-adapter.ts), one adapter each, keyed by channel. app.ts
 * wires these and only these into the webhook routes, the outbox and the media downloads, and the adapter
 * conformance suite (src/channels/channel-adapter.conformance.test.ts) runs against every one of them: a
 * channel added here is tested there, and that suite fails until its folder supplies a fixture.
 * WhatsApp is not on the port yet.
 */
export function createChannelAdapters(options: ChannelAdapterOptions = {}) {
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  return {
    telegram: createTelegramAdapter({ ...timeout, ...(options.now ? { now: options.now } : {}) }),
    messenger: createMessengerAdapter({ channel: 'messenger', ...timeout }),
    instagram: createMessengerAdapter({ channel: 'instagram', ...timeout }),
  } as const;
}

export type ChannelAdapters = ReturnType<typeof createChannelAdapters>;

/** Every adapter of the registry, for what serves them all alike (webhook routes, media downloads). */
export function adapterList(adapters: ChannelAdapters): readonly ChannelAdapter[] {
  return Object.values(adapters);
}
