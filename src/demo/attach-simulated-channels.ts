import { lineSecretsSchema } from '../channels/line/line-adapter.ts';
import { messengerSecretsSchema } from '../channels/messenger/messenger-adapter.ts';
import { telegramSecretsSchema } from '../channels/telegram/telegram-adapter.ts';
import {
  listChannelAccountsOfType,
  updateChannelSettings,
} from '../modules/channel-accounts/channel-account.repository.ts';
import type { SecretsOf } from '../modules/channel-accounts/channel-secrets.ts';
import type { Db } from '../platform/db/db.ts';
import type { SimulatorLogger } from '../simulator/simulator-logger.ts';
import type { WhatsAppSimulator } from '../simulator/whatsapp-simulator.ts';
import { isSimulatorUrl } from './demo-channels.ts';

/**
 * Points the simulated Telegram bots, Pages, Instagram accounts and LINE accounts at the simulator mounted at
 * `${baseUrl}/simulator`, registers them there, and does what a clinic does once at the provider:
 * Telegram's setWebhook (over HTTP, against the stand-in) to `/webhooks/telegram/{account id}` with the
 * account's secret token; Meta's callback URL (`/webhooks/messenger`, `/webhooks/instagram`) set in the
 * stand-in as in the app dashboard; LINE's webhook URL (`/webhooks/line/{account id}`) as in the LINE
 * Developers console. Run at each start: the port may have changed.
 */
export async function attachSimulatedChannels(
  db: Db,
  simulator: WhatsAppSimulator,
  baseUrl: string,
  secretsOf: SecretsOf,
  logger?: SimulatorLogger,
): Promise<number> {
  const simulatorUrl = `${baseUrl}/simulator`;
  let attached = 0;
  for (const account of await listChannelAccountsOfType(db, 'telegram')) {
    if (!isSimulatorUrl(account.settings.apiUrl)) continue;
    if (account.settings.apiUrl !== simulatorUrl)
      await updateChannelSettings(db, account.id, { ...account.settings, apiUrl: simulatorUrl });
    const secrets = telegramSecretsSchema.parse(await secretsOf(account));
    simulator.telegram.registerBot({
      token: secrets.botToken,
      name: 'Clinique du Parc',
      username: 'clinique_du_parc_bot',
    });
    // A refused or failed setWebhook must not stop Careline from starting: the demo then lacks Telegram.
    const outcome = await fetch(`${simulatorUrl}/bot${secrets.botToken}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `${baseUrl}/webhooks/telegram/${account.id}`,
        secret_token: secrets.secretToken,
      }),
      signal: AbortSignal.timeout(5000),
    }).then(
      (response) => response.status,
      () => null,
    );
    if (outcome !== 200)
      logger?.warn({ channelAccountId: account.id, httpStatus: outcome }, 'simulated setWebhook failed');
    attached += 1;
  }
  for (const type of ['messenger', 'instagram'] as const) {
    for (const account of await listChannelAccountsOfType(db, type)) {
      if (!isSimulatorUrl(account.settings.graphUrl)) continue;
      if (account.settings.graphUrl !== simulatorUrl)
        await updateChannelSettings(db, account.id, { ...account.settings, graphUrl: simulatorUrl });
      const secrets = messengerSecretsSchema.parse(await secretsOf(account));
      simulator.messenger.registerAccount({
        app: type,
        accountId: account.externalId,
        name: 'Clinique du Parc',
        username: 'cliniqueduparc',
        accessToken: secrets.pageAccessToken,
        appSecret: secrets.appSecret,
        verifyToken: secrets.verifyToken,
        webhookUrl: `${baseUrl}/webhooks/${type}`,
      });
      attached += 1;
    }
  }
  for (const account of await listChannelAccountsOfType(db, 'line')) {
    if (!isSimulatorUrl(account.settings.apiUrl)) continue;
    if (account.settings.apiUrl !== simulatorUrl)
      await updateChannelSettings(db, account.id, { ...account.settings, apiUrl: simulatorUrl });
    const secrets = lineSecretsSchema.parse(await secretsOf(account));
    // The webhook URL as the clinic sets it once in the LINE Developers console.
    simulator.line.registerChannel({
      userId: account.externalId,
      name: 'Clinique du Parc',
      channelSecret: secrets.channelSecret,
      channelAccessToken: secrets.channelAccessToken,
      webhookUrl: `${baseUrl}/webhooks/line/${account.id}`,
    });
    attached += 1;
  }
  return attached;
}
