import type { ChannelAdapter } from './channels/channel-adapter.ts';
import type { TemplateListing } from './channels/channel-template.ts';
import { createLineAdapter } from './channels/line/line-adapter.ts';
import { createMessengerAdapter } from './channels/messenger/messenger-adapter.ts';
import { openAdapterAccount } from './channels/open-adapter-account.ts';
import { createSmsAdapter } from './channels/sms/sms-adapter.ts';
import { createTelegramAdapter } from './channels/telegram/telegram-adapter.ts';
import { createViberAdapter } from './channels/viber/viber-adapter.ts';
import { createWhatsAppAdapter } from './channels/whatsapp/whatsapp-adapter.ts';

export interface ChannelAdapterOptions {
  /** How long one call to a provider may take (each adapter's default when absent). */
  timeoutMs?: number;
  /**
   * The clock adapters date what carries no date of its own by (a Telegram button tap), and judge a
   * LINE reply token fresh by.
   */
  now?: () => Date;
  /** WhatsApp's Graph API for accounts that name none (WHATSAPP_GRAPH_URL, WHATSAPP_API_VERSION). */
  whatsapp?: { graphUrl: string; apiVersion: string };
  /** Careline's public URL, where SMS status callbacks are asked for. */
  publicUrl?: () => string;
}

/**
 * The channels on the port (src/channels/channel-adapter.ts), one adapter each, keyed by channel. app.ts
 * wires these and only these into the webhook routes, the outbox and the media downloads, and the adapter
 * conformance suite (src/channels/channel-adapter.conformance.test.ts) runs against every one of them: a
 * channel added here is tested there, and that suite fails until its folder supplies a fixture.
 */
export function createChannelAdapters(options: ChannelAdapterOptions = {}) {
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  return {
    whatsapp: createWhatsAppAdapter({ ...timeout, ...options.whatsapp }),
    telegram: createTelegramAdapter({ ...timeout, ...(options.now ? { now: options.now } : {}) }),
    messenger: createMessengerAdapter({ channel: 'messenger', ...timeout }),
    instagram: createMessengerAdapter({ channel: 'instagram', ...timeout }),
    line: createLineAdapter({ ...timeout, ...(options.now ? { now: options.now } : {}) }),
    sms: createSmsAdapter({
      ...timeout,
      ...(options.now ? { now: options.now } : {}),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    }),
    viber: createViberAdapter(timeout),
  } as const;
}

export type ChannelAdapters = ReturnType<typeof createChannelAdapters>;

/** Every adapter of the registry, for what serves them all alike (webhook routes, media downloads). */
export function adapterList(adapters: ChannelAdapters): readonly ChannelAdapter[] {
  return Object.values(adapters);
}

/**
 * Lists an account's templates through its channel's adapter, the account opened for it (its secrets by
 * `secretsOf`); undefined for a channel without templates.
 */
export function templateListerOf<Stored extends StoredAccount>(
  adapters: readonly ChannelAdapter[],
  secretsOf: (account: Stored) => Promise<unknown>,
): (account: Stored) => Promise<TemplateListing | undefined> {
  return async (account) => {
    const adapter = adapters.find((candidate) => candidate.channel === account.type);
    if (!adapter?.templates) return undefined;
    const opened = await openAdapterAccount(adapter, account, secretsOf);
    if (!opened.ok)
      return { ok: false, retryable: false, title: `the channel’s ${opened.invalid} are not valid` };
    return adapter.templates.list(opened.account);
  };
}

type StoredAccount = { id: string; externalId: string; type: string; settings: unknown };
