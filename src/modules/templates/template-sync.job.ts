import type { TemplateListing } from '../../channels/channel-template.ts';
import type { Db } from '../../platform/db/db.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import {
  businessAccountIdOf,
  findChannelAccount,
  missingBusinessAccountReason,
} from '../channel-accounts/channel-account.service.ts';
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

/** Refreshes the template registry of one account's business account from its provider. */
export async function syncChannelTemplates(
  deps: TemplateSyncDeps,
  payload: TemplateSyncPayload,
): Promise<void> {
  const account = await findChannelAccount(deps.db, payload.orgId, payload.channelAccountId);
  if (!account) throw new PermanentJobError('channel account removed');
  await syncAccountTemplates(deps, account);
}

/**
 * Lists the account's templates at its provider and replaces the registry's with them. Throws a
 * {@link PermanentJobError} when asking again cannot help, another error when it may.
 */
export async function syncAccountTemplates(deps: TemplateSyncDeps, account: ChannelAccount): Promise<void> {
  const businessAccountId = businessAccountIdOf(account);
  if (!businessAccountId) throw new PermanentJobError(missingBusinessAccountReason(account));
  const listed = await deps.listTemplates(account);
  if (!listed) throw new PermanentJobError(`${account.type} has no templates to sync`);
  if (!listed.ok) {
    if (!listed.retryable) throw new PermanentJobError(listed.title);
    throw new Error(listed.title);
  }
  const { templates } = listed;
  await deps.db.transaction((tx) =>
    syncTemplates(tx, account.orgId, account.type, businessAccountId, templates, deps.clock.now()),
  );
}
