import {
  listChannelAccountsOfType,
  updateChannelSettings,
} from '../modules/channel-accounts/channel-account.repository.ts';
import { enqueueTemplateSync } from '../modules/templates/template-sync-queue.ts';
import type { Db } from '../platform/db/db.ts';
import type { WhatsAppSimulator } from '../simulator/whatsapp-simulator.ts';
import { installDemoTemplates } from './demo-templates.ts';

/**
 * Points every simulated WhatsApp number at the in-process simulator mounted at `${baseUrl}/simulator`,
 * and tells the simulator where Careline's webhook is. Run at each start: the port may have changed.
 */
export async function attachSimulatedNumbers(
  db: Db,
  simulator: WhatsAppSimulator,
  baseUrl: string,
): Promise<number> {
  const accounts = (await listChannelAccountsOfType(db, 'whatsapp')).filter((a) => a.settings.simulated);
  const graphUrl = `${baseUrl}/simulator`;
  for (const account of accounts) {
    if (account.settings.graphUrl !== graphUrl) {
      await updateChannelSettings(db, account.id, { ...account.settings, graphUrl });
    }
    simulator.registerNumber({
      phoneNumberId: account.externalId,
      displayPhoneNumber: (account.settings.displayPhoneNumber ?? '33180000000').replace(/^\+/, ''),
      wabaId: account.settings.wabaId ?? account.externalId,
      accessToken: account.secrets.accessToken,
      appSecret: account.secrets.appSecret,
      webhookUrl: `${baseUrl}/webhooks/whatsapp`,
    });
    if (account.settings.wabaId) {
      installDemoTemplates(simulator, account.settings.wabaId);
      await enqueueTemplateSync(db, account);
    }
  }
  return accounts.length;
}
