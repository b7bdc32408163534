import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../../platform/db/db.ts';
import type { GuardedFetch, GuardedResponse } from '../../platform/net/guarded-fetch.ts';
import { OutboundRequestError } from '../../platform/net/outbound-request-error.ts';
import { toStorableText } from '../../platform/text/storable-text.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { raiseAlert } from '../alerts/alert.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { outboundWebhookQueue } from './outbound-webhook.queue.ts';
import {
  type DeliveryOutcome,
  extendSendingLease,
  firstPendingDelivery,
  recordAttempt,
  releaseSendingLease,
  takeSendingLease,
  updateSubscription,
} from './outbound-webhook.repository.ts';
import type { WebhookDelivery, WebhookSubscription } from './outbound-webhook.schema.ts';
import { nextAttemptAt, type RetryPolicy } from './webhook-retry.ts';
import { WEBHOOK_SECRET_PURPOSE } from './webhook-secret.ts';

export interface WebhookSenderDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  logger: Pick<Logger, 'info' | 'warn'>;
  fetch: GuardedFetch;
  retry: RetryPolicy;
  /** How long a receiver has to answer one delivery. */
  timeoutMs: number;
  /** A message's text, opened (for subscriptions that asked for it); null once erased. */
  messageTextOf(orgId: string, messageId: string): Promise<string | null>;
}

/** Deliveries sent per job: a long backlog goes on in a follow-up job, leaving room for other clinics. */
const BATCH = 100;
const EXCERPT_CHARS = 200;

/**
 * Sends a subscription's pending deliveries, oldest first, one worker at a time (the subscription's
 * lease). A failure stops the run: later events wait until the failed one succeeds or is given up, so
 * a receiver sees a subscription's events in order.
 */
export async function sendSubscriptionDeliveries(
  deps: WebhookSenderDeps,
  subscriptionId: string,
): Promise<void> {
  const leaseMs = deps.timeoutMs + 60_000;
  for (let round = 0; round < 3; round += 1) {
    const subscription = await takeSendingLease(deps.db, subscriptionId, leaseMs);
    // Another worker sends them now; it looks again for new ones before it lets go.
    if (!subscription) return;
    try {
      await sendInOrder(deps, subscription, leaseMs);
    } finally {
      await releaseSendingLease(deps.db, subscriptionId);
    }
    // A delivery queued while this run held the lease may have found it taken: it is this run's to send.
    const next = await firstPendingDelivery(deps.db, subscriptionId);
    if (!subscription.active || !next || next.nextAttemptAt > deps.clock.now()) return;
  }
}

async function sendInOrder(deps: WebhookSenderDeps, subscription: WebhookSubscription, leaseMs: number) {
  if (!subscription.active) return;
  const job = { subscriptionId: subscription.id };
  for (let sent = 0; sent < BATCH; sent += 1) {
    const delivery = await firstPendingDelivery(deps.db, subscription.id);
    if (!delivery) return;
    if (delivery.nextAttemptAt > deps.clock.now()) {
      await outboundWebhookQueue.enqueue(deps.db, job, {
        orgId: subscription.orgId,
        runAt: delivery.nextAttemptAt,
        dedupeKey: `retry:${delivery.id}:${delivery.attempts}`,
      });
      return;
    }
    await extendSendingLease(deps.db, subscription.id, leaseMs);
    if (!(await attempt(deps, subscription, delivery))) return;
  }
  await outboundWebhookQueue.enqueue(deps.db, job, {
    orgId: subscription.orgId,
    dedupeKey: `more:${subscription.id}:${deps.clock.nowMs()}`,
  });
}

/** One attempt, recorded in the delivery log; true when the receiver took it. */
async function attempt(
  deps: WebhookSenderDeps,
  subscription: WebhookSubscription,
  delivery: WebhookDelivery,
): Promise<boolean> {
  const opener = await deps.keyring.opener(deps.db, subscription.orgId, [subscription.secretSealed]);
  const secret = opener.open(subscription.secretSealed, WEBHOOK_SECRET_PURPOSE);
  if (secret === null) throw new Error('the subscription secret cannot be opened');
  const body = JSON.stringify({
    type: delivery.eventType,
    timestamp: delivery.occurredAt.toISOString(),
    data: await dataOf(deps, subscription, delivery),
  });
  const sentAt = deps.clock.now();
  const started = performance.now();
  let response: GuardedResponse | undefined;
  let failure: string | undefined;
  try {
    response = await deps.fetch({
      url: subscription.url,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Careline-Webhooks/1',
        'webhook-id': delivery.webhookId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(delivery.webhookId, sentAt, body),
      },
      body,
      timeoutMs: deps.timeoutMs,
      maxBytes: 4096,
      overflow: 'truncate',
      // A receiver that moved says so in its settings, not with a redirect the secret would follow.
      maxRedirects: 0,
    });
  } catch (error) {
    if (!(error instanceof OutboundRequestError)) throw error;
    failure = error.reason;
  }
  const succeeded = response !== undefined && response.status >= 200 && response.status < 300;
  const attempts = delivery.attempts + 1;
  const outcome: DeliveryOutcome = {
    status: succeeded ? 'succeeded' : 'pending',
    attempts,
    lastAttemptAt: sentAt,
    nextAttemptAt: delivery.nextAttemptAt,
    responseStatus: response?.status ?? null,
    durationMs: Math.round(performance.now() - started),
    error: succeeded ? null : (failure ?? `HTTP ${response?.status ?? 0}`),
    responseExcerpt: response ? excerptOf(response) : null,
  };
  if (succeeded) {
    await recordAttempt(deps.db, delivery.id, outcome);
    return true;
  }
  const retryAt = nextAttemptAt(deps.retry, delivery.createdAt, attempts, sentAt);
  if (retryAt !== null) {
    await recordAttempt(deps.db, delivery.id, { ...outcome, nextAttemptAt: retryAt });
    await outboundWebhookQueue.enqueue(
      deps.db,
      { subscriptionId: subscription.id },
      {
        orgId: subscription.orgId,
        runAt: retryAt,
        dedupeKey: `retry:${delivery.id}:${attempts}`,
      },
    );
    return false;
  }
  await giveUp(deps, subscription, delivery, outcome);
  return false;
}

/**
 * Every attempt at one event failed for the whole retry window: the event is marked failed, and the
 * subscription turned off with an alert to the clinic's administrators, so later events wait (pending)
 * until someone fixes the receiver and turns it on again, rather than failing one by one for days.
 */
async function giveUp(
  deps: WebhookSenderDeps,
  subscription: WebhookSubscription,
  delivery: WebhookDelivery,
  outcome: DeliveryOutcome,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await recordAttempt(tx, delivery.id, { ...outcome, status: 'failed' });
    await updateSubscription(
      tx,
      subscription.orgId,
      subscription.id,
      { active: false, disabledReason: 'failing' },
      now,
    );
    await raiseAlert(
      tx,
      {
        orgId: subscription.orgId,
        channelAccountId: null,
        kind: 'webhook_subscription_disabled',
        detail: `The webhook to ${new URL(subscription.url).host} was turned off: every attempt to deliver a ${delivery.eventType} event failed (${outcome.error ?? 'no answer'}). Fix the receiver, then turn the subscription on again in Settings > Integrations.`,
      },
      now,
    );
  });
  deps.logger.warn(
    { subscriptionId: subscription.id, error: outcome.error },
    'webhook subscription turned off',
  );
}

async function dataOf(
  deps: WebhookSenderDeps,
  subscription: WebhookSubscription,
  delivery: WebhookDelivery,
): Promise<Record<string, unknown>> {
  const messageId = delivery.data.messageId;
  const carriesText = delivery.eventType === 'message.received' || delivery.eventType === 'message.sent';
  if (!subscription.includeMessageText || !carriesText || typeof messageId !== 'string') return delivery.data;
  return { ...delivery.data, text: await deps.messageTextOf(subscription.orgId, messageId) };
}

function excerptOf(response: GuardedResponse): string | null {
  const text = toStorableText(response.body.subarray(0, EXCERPT_CHARS * 4).toString('utf8')).slice(
    0,
    EXCERPT_CHARS,
  );
  return text === '' ? null : text;
}
