import { findChannelAccount } from '../../modules/channel-accounts/channel-account.repository.ts';
import type { SecretsOf } from '../../modules/channel-accounts/channel-secrets.ts';
import { syncTemplates } from '../../modules/templates/template.service.ts';
import type { TemplateSyncPayload } from '../../modules/templates/template-sync-queue.ts';
import type { Db } from '../../platform/db/db.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { fetchWhatsAppTemplates, TemplateListError } from './template-list-client.ts';

/** Refreshes the template registry of one WhatsApp account's WABA from Meta. */
export async function syncWhatsAppTemplates(
  deps: { db: Db; clock: Clock; whatsapp: { graphUrl: string; apiVersion: string }; secretsOf: SecretsOf },
  payload: TemplateSyncPayload,
): Promise<void> {
  const account = await findChannelAccount(deps.db, payload.orgId, payload.channelAccountId);
  if (!account?.settings.wabaId) throw new PermanentJobError('channel account removed or without WABA id');
  try {
    const listed = await fetchWhatsAppTemplates(account, { ...deps.whatsapp, secretsOf: deps.secretsOf });
    const wabaId = account.settings.wabaId;
    await deps.db.transaction((tx) => syncTemplates(tx, account.orgId, wabaId, listed, deps.clock.now()));
  } catch (error) {
    if (error instanceof TemplateListError && !error.retryable) throw new PermanentJobError(error.message);
    throw error;
  }
}
