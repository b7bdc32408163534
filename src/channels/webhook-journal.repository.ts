import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ChannelAccount } from '../modules/channel-accounts/channel-account.schema.ts';
import type { DbOrTx } from '../platform/db/db.ts';
import { type WebhookEvent, webhookEvents } from './webhook-event.schema.ts';

/** Journals a verified delivery for one account; undefined when these exact bytes were journaled before. */
export async function journalWebhook(
  db: DbOrTx,
  account: ChannelAccount,
  rawBody: Buffer,
): Promise<WebhookEvent | undefined> {
  const [event] = await db
    .insert(webhookEvents)
    .values({
      orgId: account.orgId,
      channelAccountId: account.id,
      channelType: account.type,
      bodySha256: createHash('sha256').update(rawBody).digest('hex'),
      rawBody: rawBody.toString('utf8'),
    })
    .onConflictDoNothing()
    .returning();
  return event;
}

export async function findWebhookEvent(db: DbOrTx, id: number): Promise<WebhookEvent | undefined> {
  const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return event;
}

export async function markWebhookProcessed(db: DbOrTx, id: number): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ processedAt: new Date() })
    .where(and(eq(webhookEvents.id, id)));
}
