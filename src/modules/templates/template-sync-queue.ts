import type { DbOrTx } from '../../platform/db/db.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';

export const TEMPLATE_SYNC_QUEUE = 'whatsapp.templates.sync';

/** Queues a refresh of one account's templates from its provider; the running server's worker does it. */
export async function enqueueTemplateSync(db: DbOrTx, account: { id: string; orgId: string }): Promise<void> {
  await enqueueJob(db, {
    queue: TEMPLATE_SYNC_QUEUE,
    payload: { orgId: account.orgId, channelAccountId: account.id },
    orgId: account.orgId,
    priority: 5,
    maxAttempts: 5,
  });
}
