import { templateListerOf } from '../channel-adapters.ts';
import { createWhatsAppAdapter } from '../channels/whatsapp/whatsapp-adapter.ts';
import {
  listChannelAccountsOfType,
  updateChannelSettings,
} from '../modules/channel-accounts/channel-account.repository.ts';
import type { ChannelAccount } from '../modules/channel-accounts/channel-account.schema.ts';
import type { SecretsOf } from '../modules/channel-accounts/channel-secrets.ts';
import { DEFAULT_GRAPH_API_VERSION } from '../modules/channel-accounts/whatsapp-account.service.ts';
import { syncAccountTemplates } from '../modules/templates/template-sync.job.ts';
import { enqueueTemplateSync } from '../modules/templates/template-sync-queue.ts';
import type { Db } from '../platform/db/db.ts';
import { systemClock } from '../platform/time/clock.ts';
import type { WhatsAppSimulator } from '../simulator/whatsapp-simulator.ts';
import { installDemoTemplates } from './demo-templates.ts';

/**
 * Whether Careline runs its simulator: when asked to (`SIMULATOR=on`), or by default when it runs the
 * demo — demo seeding on and the demo clinic's simulated number in the database. A Careline serving
 * real clinics has none, and so no simulator unless its operator asks for one.
 */
export async function runsSimulator(
  db: Db,
  config: { simulator: 'on' | 'off' | 'demo'; demoSeed: boolean },
): Promise<boolean> {
  if (config.simulator !== 'demo') return config.simulator === 'on';
  if (!config.demoSeed) return false;
  return (await listChannelAccountsOfType(db, 'whatsapp')).some((a) => a.settings.simulated);
}

/**
 * Points every simulated WhatsApp number at the in-process simulator mounted at `${baseUrl}/simulator`,
 * and tells the simulator where Careline's webhook is. Run at each start: the port may have changed.
 */
export async function attachSimulatedNumbers(
  db: Db,
  simulator: WhatsAppSimulator,
  baseUrl: string,
  secretsOf: SecretsOf,
): Promise<number> {
  const accounts = (await listChannelAccountsOfType(db, 'whatsapp')).filter((a) => a.settings.simulated);
  const graphUrl = `${baseUrl}/simulator`;
  for (const account of accounts) {
    if (account.settings.graphUrl !== graphUrl) {
      await updateChannelSettings(db, account.id, { ...account.settings, graphUrl });
    }
    const secrets = await secretsOf(account);
    simulator.registerNumber({
      phoneNumberId: account.externalId,
      displayPhoneNumber: (account.settings.displayPhoneNumber ?? '33180000000').replace(/^\+/, ''),
      wabaId: account.settings.wabaId ?? account.externalId,
      accessToken: secrets.accessToken,
      appSecret: secrets.appSecret,
      webhookUrl: `${baseUrl}/webhooks/whatsapp`,
    });
    if (account.settings.wabaId) {
      installDemoTemplates(simulator, account.settings.wabaId);
      await syncSimulatedTemplates(
        db,
        { ...account, settings: { ...account.settings, graphUrl } },
        secretsOf,
      );
    }
  }
  return accounts.length;
}

/**
 * Fills the template registry before the worker starts, rather than by a job: the demo reminder is due
 * at once when Careline first starts during quiet hours, and the worker's first pass must find its
 * approved template. Should the simulator not answer, the usual job retries.
 */
async function syncSimulatedTemplates(db: Db, account: ChannelAccount, secretsOf: SecretsOf): Promise<void> {
  if (!account.settings.wabaId || !account.settings.graphUrl) return;
  try {
    await syncAccountTemplates(
      {
        db,
        clock: systemClock,
        listTemplates: templateListerOf<ChannelAccount>([createWhatsAppAdapter()], secretsOf),
      },
      { ...account, settings: { ...account.settings, apiVersion: DEFAULT_GRAPH_API_VERSION } },
    );
  } catch {
    await enqueueTemplateSync(db, account);
  }
}
