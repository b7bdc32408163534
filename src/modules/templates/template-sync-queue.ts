import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

/** Refreshes of one account's templates from its provider; the running server's worker does them. */
export const templateSyncQueue = defineQueue(
  'whatsapp.templates.sync',
  z.object({ orgId: z.uuid(), channelAccountId: z.uuid() }),
  { priority: 5, maxAttempts: 5 },
);

export type TemplateSyncPayload = z.output<typeof templateSyncQueue.schema>;

export async function enqueueTemplateSync(db: DbOrTx, account: { id: string; orgId: string }): Promise<void> {
  await templateSyncQueue.enqueue(
    db,
    { orgId: account.orgId, channelAccountId: account.id },
    { orgId: account.orgId },
  );
}
