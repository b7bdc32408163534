import { findChannelAccountsByExternalIds } from '../modules/channel-accounts/channel-account.repository.ts';
import type { Db } from '../platform/db/db.ts';
import type { SimulatorAccess } from '../simulator/control-access.ts';

/**
 * The simulator inside Careline plays only numbers whose channel account points at it (the Graph URL
 * `attachSimulatedNumbers` gives them): never a clinic's number at Meta, whose patients it could
 * otherwise write as. Their webhooks go to this Careline and nowhere else. `baseUrl` is where this
 * Careline reaches itself, known once it listens.
 */
export function carelineSimulatorAccess(
  db: Db,
  baseUrl: () => string,
  token: string | undefined,
): SimulatorAccess {
  return {
    ...(token === undefined ? {} : { token }),
    async playsNumber(phoneNumberId) {
      const own = ownUrl();
      if (own === undefined) return false;
      const graphUrl = `${own}/simulator`;
      const accounts = await findChannelAccountsByExternalIds(db, 'whatsapp', [phoneNumberId]);
      return accounts.length > 0 && accounts.every((account) => account.settings.graphUrl === graphUrl);
    },
    async playsAccount(app, accountId) {
      const own = ownUrl();
      if (own === undefined) return false;
      const url = `${own}/simulator`;
      const accounts = await findChannelAccountsByExternalIds(db, app, [accountId]);
      return (
        accounts.length > 0 &&
        accounts.every(
          (account) =>
            (app === 'telegram' || app === 'line' || app === 'sms' || app === 'viber'
              ? account.settings.apiUrl
              : account.settings.graphUrl) === url,
        )
      );
    },
    acceptsWebhookUrl: (url) =>
      ['whatsapp', 'messenger', 'instagram'].some((channel) => url === `${ownUrl()}/webhooks/${channel}`) ||
      new RegExp(`^${escapeRegExp(`${ownUrl()}/webhooks/`)}(line|sms|viber)/[0-9a-f-]{36}$`).test(url),
  };

  function ownUrl(): string | undefined {
    try {
      return baseUrl();
    } catch {
      // Not listening yet: nothing is attached, nothing is played.
      return undefined;
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
