import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type DeliveryReceipt, deliveryReceipts } from './delivery-receipt.schema.ts';

export async function insertReceiptIfNew(
  db: DbOrTx,
  values: typeof deliveryReceipts.$inferInsert,
): Promise<DeliveryReceipt | undefined> {
  const [receipt] = await db.insert(deliveryReceipts).values(values).onConflictDoNothing().returning();
  return receipt;
}

export async function receiptsFor(
  db: DbOrTx,
  channelAccountId: string,
  externalId: string,
): Promise<DeliveryReceipt[]> {
  return db
    .select()
    .from(deliveryReceipts)
    .where(
      and(
        eq(deliveryReceipts.channelAccountId, channelAccountId),
        eq(deliveryReceipts.externalId, externalId),
      ),
    );
}
