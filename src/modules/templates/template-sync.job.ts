import type { TemplateListing } from '../../channels/channel-template.ts';
import type { Db } from '../../platform/db/db.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { syncTemplates } from './template.service.ts';
import type { TemplateSyncPayload } from './template-sync-queue.ts';

/**
 * Asks an account's provider for its templates: its channel's adapter (`templates.list`), given the
 * opened account by the composition root; undefined for a channel without templates.
 */
export type TemplateLister = (account: ChannelAccount) => Promise<TemplateListing | undefined>;

export interface TemplateSyncDeps {
  db: Db;
  clock: Clock;
  listTemplates: TemplateLister;
}

/** Refreshes the template registry of one account's business account (WhatsApp: its WABA) from its provider. */
export async function syncChannelTemplates(
  deps: TemplateSyncDeps,
  payload: TemplateSyncPayload,
): Promise<void> {
  const account = await findChannelAccount(deps.db, payload.orgId, payload.channelAccountId);
  if (!account?.settings.wabaId) throw new PermanentJobError('channel account removed or without WABA id');
  await syncAccountTemplates(deps, account);
}

/**
 * Lists the account's templates at its provider and replaces the registry's with them. Throws a
 * {@link PermanentJobError} when asking again cannot help, another error when it may.
 */
export async function syncAccountTemplates(deps: TemplateSyncDeps, account: ChannelAccount): Promise<void> {
  const wabaId = account.settings.wabaId;
  if (!wabaId) throw new PermanentJobError('the channel account has no WABA id');
  const listed = await deps.listTemplates(account);
  if (!listed) throw new PermanentJobError(`${account.type} has no templates to sync`);
  if (!listed.ok) {
    if (!listed.retryable) throw new PermanentJobError(listed.title);
    throw new Error(listed.title);
  }
  const { templates } = listed;
  await deps.db.transaction((tx) => syncTemplates(tx, account.orgId, wabaId, templates, deps.clock.now()));
}
