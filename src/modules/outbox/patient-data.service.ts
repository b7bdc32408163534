import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { anyOf, deletedRows } from '../../platform/db/row-deletion.ts';
import { deliveryReceipts } from './delivery-receipt.schema.ts';
import { idempotencyKeys } from './idempotency-key.schema.ts';

/** For the privacy module's erasure: what the outbox keeps about a patient's messages. */

/** Receipts are keyed by the message's id on its channel, so by channel number. */
export async function deleteDeliveryReceiptsOf(
  tx: DbOrTx,
  orgId: string,
  externalIds: ReadonlyArray<{ channelAccountId: string; externalId: string }>,
): Promise<number> {
  let count = 0;
  const byAccount = new Map<string, string[]>();
  for (const e of externalIds)
    byAccount.set(e.channelAccountId, [...(byAccount.get(e.channelAccountId) ?? []), e.externalId]);
  for (const [channelAccountId, ids] of byAccount) {
    count += await deletedRows(
      tx,
      deliveryReceipts,
      and(
        eq(deliveryReceipts.orgId, orgId),
        eq(deliveryReceipts.channelAccountId, channelAccountId),
        anyOf(deliveryReceipts.externalId, ids),
      ),
    );
  }
  return count;
}

/** Kept answers to idempotent sends into these conversations: they repeat the message as it was sent. */
export function deleteKeptAnswersOf(tx: DbOrTx, orgId: string, conversationIds: string[]): Promise<number> {
  return deletedRows(
    tx,
    idempotencyKeys,
    and(
      eq(idempotencyKeys.orgId, orgId),
      anyOf(sql`${idempotencyKeys.responseBody}->>'conversation_id'`, conversationIds),
    ),
  );
}
