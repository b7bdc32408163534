import { createHash } from 'node:crypto';
import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ChannelAccount } from '../modules/channel-accounts/channel-account.schema.ts';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { DbOrTx } from '../platform/db/db.ts';
import { rowsOf } from '../platform/db/raw-rows.ts';
import { jobs } from '../platform/jobs/job.schema.ts';
import { sealWebhookBody } from './webhook-body-seal.ts';
import { type WebhookEvent, webhookEvents } from './webhook-event.schema.ts';
import { WEBHOOK_QUEUES, type WebhookQueue } from './webhook-queues.ts';

/** How the journaled delivery's processing job is queued; its payload names the journal row. */
export interface WebhookJobSpec {
  queue: WebhookQueue;
  priority: number;
  maxAttempts: number;
  /** Jobs of this key run in journal order (the journal id is the sequence number). */
  sequenceKey: string | null;
}

/**
 * Journals a verified delivery for one account, its body encrypted, and queues its processing job, in
 * one statement: one round trip, atomic like a transaction, which is what the acknowledgement waits
 * for. Answers the journal id, or undefined when these exact bytes were journaled before (a
 * redelivery: known by the hash, so it is recognised after the body is forgotten too). The job is
 * written here rather than through `queue.enqueue`, which would cost a second statement; its payload is
 * the queue's shape, `{ webhookEventId }`.
 */
export async function journalWebhook(
  db: DbOrTx,
  cipher: FieldCipher,
  account: ChannelAccount,
  rawBody: Buffer,
  job: WebhookJobSpec,
): Promise<number | undefined> {
  const sha256 = createHash('sha256').update(rawBody).digest('hex');
  const sealed = sealWebhookBody(cipher, { channelAccountId: account.id, bodySha256: sha256 }, rawBody);
  const result = await db.execute(sql`
    with journaled as (
      insert into ${webhookEvents} (org_id, channel_account_id, channel_type, body_sha256, sealed_body)
      values (${account.orgId}, ${account.id}, ${account.type}, ${sha256}, ${sealed})
      on conflict do nothing
      returning id
    )
    insert into ${jobs} (queue, payload, org_id, priority, max_attempts, sequence_key, sequence_no)
    select ${job.queue.name}, jsonb_build_object('webhookEventId', journaled.id), ${account.orgId},
      ${job.priority}, ${job.maxAttempts}, ${job.sequenceKey}::text,
      case when ${job.sequenceKey}::text is null then null else journaled.id end
    from journaled
    returning (payload->>'webhookEventId')::bigint as id`);
  const [row] = journaledRows.parse(rowsOf(result));
  return row?.id;
}

const journaledRows = z.array(z.object({ id: z.coerce.number() }));

export async function findWebhookEvent(db: DbOrTx, id: number): Promise<WebhookEvent | undefined> {
  const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return event;
}

/**
 * Everything in the delivery is applied; a failure recorded by an earlier run is over. Its body is
 * forgotten in the same statement: what it said now lives (and is protected) where it was stored.
 */
export async function markWebhookProcessed(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ processedAt: now, failedAt: null, failureReason: null, sealedBody: null, rawBody: null })
    .where(eq(webhookEvents.id, id));
}

/**
 * Some of the delivery could not be applied: it stays in the journal, marked with why (a reason that
 * quotes nothing of the message), until an operator has it processed again.
 */
export async function markWebhookFailed(db: DbOrTx, id: number, reason: string, now: Date): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ processedAt: null, failedAt: now, failureReason: reason })
    .where(eq(webhookEvents.id, id));
}

/**
 * Queues the clinic's journaled delivery to be processed again (an operator's retry), on its own: it
 * waits behind no sequence and holds none. False when the clinic has no such delivery, or its body is
 * forgotten (past the retention period): there is nothing left to process.
 */
export async function requeueWebhookEvent(db: DbOrTx, orgId: string, id: number): Promise<boolean> {
  const [event] = await db
    .select({ id: webhookEvents.id, channelType: webhookEvents.channelType })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.orgId, orgId),
        eq(webhookEvents.id, id),
        or(isNotNull(webhookEvents.sealedBody), isNotNull(webhookEvents.rawBody)),
      ),
    );
  const queue = event ? WEBHOOK_QUEUES[event.channelType] : undefined;
  if (!event || !queue) return false;
  await queue.enqueue(
    db,
    { webhookEventId: event.id },
    // A patient's words that are already late: before any outbound work, like a fresh delivery.
    { orgId, priority: -1 },
  );
  return true;
}
