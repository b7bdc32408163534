import type { ChannelAccount } from './channel-account.schema.ts';
import { channelName } from './channel-name.ts';

/** What is needed of an account to tell its business account: its channel and its settings. */
export type BusinessAccountHolder = Pick<ChannelAccount, 'type' | 'settings'>;

/**
 * The provider's business account a channel account belongs to, which its message templates are
 * filed under; null when it has none. This module owns the per-channel settings, so where each channel
 * keeps that id is known here (and by the channel's own adapter): other modules ask rather than read
 * a setting, and a channel that gains business accounts changes this file only.
 */
export function businessAccountIdOf(account: BusinessAccountHolder): string | null {
  // No other channel has templates filed under a business account yet.
  if (account.type !== 'whatsapp') return null;
  return account.settings.wabaId || null;
}

/**
 * Why an account has no business account, in the words a clinic administrator can act on: a WhatsApp
 * number is given its WhatsApp Business Account id with `--waba-id`.
 */
export function missingBusinessAccountReason(account: BusinessAccountHolder): string {
  if (account.type === 'whatsapp') {
    return 'The WhatsApp channel has no WhatsApp Business Account id (add it with --waba-id)';
  }
  return `${channelName(account.type)} channels have no business account to file templates under`;
}
