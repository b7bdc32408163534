import { and, asc, desc, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type WebhookDelivery,
  type WebhookSubscription,
  webhookDeliveries,
  webhookSubscriptions,
} from './outbound-webhook.schema.ts';

export type NewSubscription = Pick<
  WebhookSubscription,
  'orgId' | 'url' | 'events' | 'active' | 'description' | 'secretSealed' | 'includeMessageText'
>;

export type SubscriptionChange = Partial<
  Pick<
    WebhookSubscription,
    'url' | 'events' | 'active' | 'description' | 'includeMessageText' | 'secretSealed'
  >
>;

export async function insertSubscription(db: DbOrTx, input: NewSubscription): Promise<WebhookSubscription> {
  const [row] = await db.insert(webhookSubscriptions).values(input).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findSubscription(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<WebhookSubscription | undefined> {
  const [row] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id)));
  return row;
}

export async function listSubscriptions(db: DbOrTx, orgId: string): Promise<WebhookSubscription[]> {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.orgId, orgId))
    .orderBy(asc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id));
}

export async function updateSubscription(
  db: DbOrTx,
  orgId: string,
  id: string,
  change: SubscriptionChange & { disabledReason?: string | null },
  now: Date,
): Promise<WebhookSubscription | undefined> {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({ ...change, updatedAt: now })
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id)))
    .returning();
  return row;
}

export async function deleteSubscription(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id)))
    .returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}

/** Takes the subscription's sending lease unless another worker holds it. */
export async function takeSendingLease(
  db: DbOrTx,
  id: string,
  leaseMs: number,
): Promise<WebhookSubscription | undefined> {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({ sendingUntil: sql`now() + (${leaseMs} * interval '1 millisecond')` })
    .where(
      and(
        eq(webhookSubscriptions.id, id),
        or(isNull(webhookSubscriptions.sendingUntil), lt(webhookSubscriptions.sendingUntil, sql`now()`)),
      ),
    )
    .returning();
  return row;
}

export async function releaseSendingLease(db: DbOrTx, id: string): Promise<void> {
  await db.update(webhookSubscriptions).set({ sendingUntil: null }).where(eq(webhookSubscriptions.id, id));
}

/** The subscription's earliest delivery not yet done: every later one waits for it. */
export async function firstPendingDelivery(
  db: DbOrTx,
  subscriptionId: string,
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.status, 'pending')))
    .orderBy(asc(webhookDeliveries.seq))
    .limit(1);
  return row;
}

export type DeliveryOutcome = Pick<
  WebhookDelivery,
  | 'status'
  | 'attempts'
  | 'nextAttemptAt'
  | 'lastAttemptAt'
  | 'responseStatus'
  | 'durationMs'
  | 'error'
  | 'responseExcerpt'
>;

export async function recordAttempt(db: DbOrTx, id: string, outcome: DeliveryOutcome): Promise<void> {
  await db.update(webhookDeliveries).set(outcome).where(eq(webhookDeliveries.id, id));
}

export async function insertDeliveries(
  db: DbOrTx,
  rows: ReadonlyArray<
    Pick<
      WebhookDelivery,
      'orgId' | 'subscriptionId' | 'eventType' | 'webhookId' | 'data' | 'occurredAt' | 'replayOf'
    >
  >,
): Promise<WebhookDelivery[]> {
  if (rows.length === 0) return [];
  return db
    .insert(webhookDeliveries)
    .values([...rows])
    .returning();
}

export async function findDelivery(
  db: DbOrTx,
  orgId: string,
  subscriptionId: string,
  id: string,
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        eq(webhookDeliveries.id, id),
      ),
    );
  return row;
}

/** The original deliveries (not replays) of events that happened in [from, to], in order, at most `limit`. */
export async function deliveriesBetween(
  db: DbOrTx,
  orgId: string,
  subscriptionId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<WebhookDelivery[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        isNull(webhookDeliveries.replayOf),
        gte(webhookDeliveries.occurredAt, from),
        lte(webhookDeliveries.occurredAt, to),
      ),
    )
    .orderBy(asc(webhookDeliveries.seq))
    .limit(limit);
}

/** The delivery log, newest first. */
export async function latestDeliveries(
  db: DbOrTx,
  orgId: string,
  subscriptionId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.subscriptionId, subscriptionId)))
    .orderBy(desc(webhookDeliveries.seq))
    .limit(limit);
}

export async function extendSendingLease(db: DbOrTx, id: string, leaseMs: number): Promise<void> {
  await db
    .update(webhookSubscriptions)
    .set({ sendingUntil: sql`now() + (${leaseMs} * interval '1 millisecond')` })
    .where(eq(webhookSubscriptions.id, id));
}
