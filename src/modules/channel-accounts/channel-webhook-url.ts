import type { ChannelType } from './channel-types.ts';

/**
 * Where the provider delivers an account's events. Meta's channels have one URL per app, events routed
 * by the ids inside; a Telegram update never names its bot, so each bot has its own URL, and so does each
 * LINE channel (its deliveries name their bot, but each is signed with its own channel's secret), each
 * SMS number (configured on the number at Twilio, which signs the URL itself) and each Viber bot (its
 * callbacks name no account).
 */
export function webhookUrlOf(publicUrl: string, account: { id: string; type: ChannelType }): string | null {
  const base = publicUrl.replace(/\/+$/, '');
  switch (account.type) {
    case 'whatsapp':
    case 'messenger':
    case 'instagram':
      return `${base}/webhooks/${account.type}`;
    case 'telegram':
    case 'line':
    case 'sms':
      return `${base}/webhooks/${account.type}/${account.id}`;
    case 'viber':
      return `${base}/webhooks/${account.type}/${account.id}`;
  }
}
