import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { outboundWebhookQueue } from './outbound-webhook.queue.ts';
import {
  deleteSubscription,
  deliveriesBetween,
  findDelivery,
  findSubscription,
  insertDeliveries,
  insertSubscription,
  type SubscriptionChange,
  updateSubscription,
} from './outbound-webhook.repository.ts';
import type { WebhookDelivery, WebhookSubscription } from './outbound-webhook.schema.ts';
import { TEST_EVENT_TYPE, type WebhookEventType } from './webhook-event-types.ts';
import { newWebhookSecret, WEBHOOK_SECRET_PURPOSE } from './webhook-secret.ts';

export interface SubscriptionInput {
  url: string;
  events: WebhookEventType[];
  active: boolean;
  description: string;
  includeMessageText: boolean;
}

/** At most this many events are sent again by one range replay: a wider range is several replays. */
export const MAX_REPLAY = 1000;

export class SubscriptionNotFoundError extends Error {
  constructor() {
    super('webhook subscription not found');
  }
}

export class DeliveryNotFoundError extends Error {
  constructor() {
    super('delivery not found');
  }
}

/** The subscription and its secret, which Careline shows this once. */
export async function createSubscription(
  db: Db,
  keyring: Keyring,
  orgId: string,
  input: SubscriptionInput,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const secret = newWebhookSecret();
  const sealer = await keyring.clinic(db, orgId);
  const subscription = await insertSubscription(db, {
    orgId,
    ...input,
    secretSealed: sealer.seal(secret, WEBHOOK_SECRET_PURPOSE),
  });
  return { subscription, secret };
}

export async function changeSubscription(
  db: Db,
  orgId: string,
  id: string,
  change: SubscriptionChange,
  now: Date,
): Promise<WebhookSubscription> {
  const updated = await db.transaction(async (tx) => {
    // Turned on or off by a person: no longer Careline's doing. Turned on, the events that waited go out
    // now, in order.
    const row = await updateSubscription(
      tx,
      orgId,
      id,
      { ...change, ...(change.active !== undefined ? { disabledReason: null } : {}) },
      now,
    );
    if (row && change.active) await queueSending(tx, row, `resume:${id}:${now.getTime()}`);
    return row;
  });
  if (!updated) throw new SubscriptionNotFoundError();
  return updated;
}

/** A new secret replaces the old one at once; Careline shows it this once. */
export async function rotateSecret(
  db: Db,
  keyring: Keyring,
  orgId: string,
  id: string,
  now: Date,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const secret = newWebhookSecret();
  const sealer = await keyring.clinic(db, orgId);
  const subscription = await updateSubscription(
    db,
    orgId,
    id,
    { secretSealed: sealer.seal(secret, WEBHOOK_SECRET_PURPOSE) },
    now,
  );
  if (!subscription) throw new SubscriptionNotFoundError();
  return { subscription, secret };
}

export async function removeSubscription(db: Db, orgId: string, id: string): Promise<void> {
  if (!(await deleteSubscription(db, orgId, id))) throw new SubscriptionNotFoundError();
}

/** A `webhook.test` event, sent like any other (after those already waiting). */
export async function sendTestEvent(db: Db, orgId: string, id: string, now: Date): Promise<WebhookDelivery> {
  const subscription = await subscriptionOf(db, orgId, id);
  const [delivery] = await queueDeliveries(db, subscription, [
    {
      eventType: TEST_EVENT_TYPE,
      webhookId: `msg_${randomUUID().replaceAll('-', '')}`,
      data: { subscriptionId: id },
      occurredAt: now,
      replayOf: null,
    },
  ]);
  if (!delivery) throw new Error('the test delivery was not stored');
  return delivery;
}

/** Sends one event again, with its webhook-id: a receiver that already has it can tell. */
export async function replayDelivery(
  db: Db,
  orgId: string,
  subscriptionId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const subscription = await subscriptionOf(db, orgId, subscriptionId);
  const original = await findDelivery(db, orgId, subscriptionId, deliveryId);
  if (!original) throw new DeliveryNotFoundError();
  const [replay] = await queueDeliveries(db, subscription, [replayOf(original)]);
  if (!replay) throw new Error('the replay was not stored');
  return replay;
}

/** Sends again, in their order, the events that happened between `from` and `to` (at most MAX_REPLAY). */
export async function replayRange(
  db: Db,
  orgId: string,
  subscriptionId: string,
  from: Date,
  to: Date,
): Promise<WebhookDelivery[]> {
  const subscription = await subscriptionOf(db, orgId, subscriptionId);
  const originals = await deliveriesBetween(db, orgId, subscriptionId, from, to, MAX_REPLAY);
  return queueDeliveries(db, subscription, originals.map(replayOf));
}

async function subscriptionOf(db: Db, orgId: string, id: string): Promise<WebhookSubscription> {
  const subscription = await findSubscription(db, orgId, id);
  if (!subscription) throw new SubscriptionNotFoundError();
  return subscription;
}

type QueuedDelivery = Pick<WebhookDelivery, 'eventType' | 'webhookId' | 'data' | 'occurredAt' | 'replayOf'>;

function replayOf(original: WebhookDelivery): QueuedDelivery {
  return {
    eventType: original.eventType,
    webhookId: original.webhookId,
    data: original.data,
    occurredAt: original.occurredAt,
    replayOf: original.replayOf ?? original.id,
  };
}

async function queueDeliveries(
  db: Db,
  subscription: WebhookSubscription,
  rows: readonly QueuedDelivery[],
): Promise<WebhookDelivery[]> {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => {
    const stored = await insertDeliveries(
      tx,
      rows.map((row) => ({ ...row, orgId: subscription.orgId, subscriptionId: subscription.id })),
    );
    await queueSending(tx, subscription, `delivery:${stored[0]?.id ?? randomUUID()}`);
    return stored;
  });
}

async function queueSending(
  db: Parameters<typeof outboundWebhookQueue.enqueue>[0],
  subscription: WebhookSubscription,
  dedupeKey: string,
): Promise<void> {
  await outboundWebhookQueue.enqueue(
    db,
    { subscriptionId: subscription.id },
    { orgId: subscription.orgId, dedupeKey },
  );
}
