import { and, eq, gte, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type DeliveryReceipt, deliveryReceipts } from './delivery-receipt.schema.ts';

export async function insertReceiptIfNew(
  db: DbOrTx,
  values: typeof deliveryReceipts.$inferInsert,
): Promise<DeliveryReceipt | undefined> {
  const [receipt] = await db.insert(deliveryReceipts).values(values).onConflictDoNothing().returning();
  return receipt;
}

/** Receipts kept for any of these provider ids (one query for a batch of sends). */
export async function receiptsForAny(
  db: DbOrTx,
  sent: readonly { channelAccountId: string; externalId: string }[],
): Promise<DeliveryReceipt[]> {
  if (sent.length === 0) return [];
  const wanted = new Set(sent.map((s) => `${s.channelAccountId} ${s.externalId}`));
  const found = await db
    .select()
    .from(deliveryReceipts)
    .where(
      and(
        inArray(deliveryReceipts.channelAccountId, [...new Set(sent.map((s) => s.channelAccountId))]),
        inArray(deliveryReceipts.externalId, [...new Set(sent.map((s) => s.externalId))]),
      ),
    );
  return found.filter((r) => wanted.has(`${r.channelAccountId} ${r.externalId}`));
}

/** Whether the provider reported any status of this number stamped at or after `since`. */
export async function hasReceiptStampedSince(
  db: DbOrTx,
  channelAccountId: string,
  since: Date,
): Promise<boolean> {
  const [receipt] = await db
    .select({ id: deliveryReceipts.id })
    .from(deliveryReceipts)
    .where(
      and(eq(deliveryReceipts.channelAccountId, channelAccountId), gte(deliveryReceipts.occurredAt, since)),
    )
    .limit(1);
  return receipt !== undefined;
}
