import { desc, eq } from 'drizzle-orm';
import { webhookEvents } from '../../channels/webhook-event.schema.ts';
import type { DbOrTx } from '../../platform/db/db.ts';

/** When Careline last received a webhook for the clinic (any channel), if ever. */
export async function lastWebhookReceivedAt(db: DbOrTx, orgId: string): Promise<Date | null> {
  const [latest] = await db
    .select({ receivedAt: webhookEvents.receivedAt })
    .from(webhookEvents)
    .where(eq(webhookEvents.orgId, orgId))
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(1);
  return latest?.receivedAt ?? null;
}
