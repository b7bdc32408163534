import type { InboundEvent } from '../../channels/inbound-event.ts';
import { type OmittablePart, omissionsToTry, withoutParts } from '../../channels/omittable-parts.ts';
import { decodeWebhookBody } from '../../channels/webhook-body.ts';
import { openWebhookBody } from '../../channels/webhook-body-seal.ts';
import type { WebhookEvent } from '../../channels/webhook-event.schema.ts';
import {
  findWebhookEvent,
  markWebhookFailed,
  markWebhookProcessed,
} from '../../channels/webhook-journal.repository.ts';
import type { WebhookQueue } from '../../channels/webhook-queues.ts';
import { type FieldCipher, FieldCipherError } from '../../platform/crypto/field-cipher.ts';
import type { PayloadOf, QueueJob } from '../../platform/jobs/define-queue.ts';
import { classifyFailure, type Failure } from '../../platform/jobs/failure-kind.ts';
import { backoffDelayMs } from '../../platform/jobs/job-queue.ts';
import { PermanentJobError, RetryJob } from '../../platform/jobs/job-worker.ts';
import { toStorableText } from '../../platform/text/storable-text.ts';
import { raiseAlert } from '../alerts/alert.service.ts';
import type { ChannelAccount, ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import type { DeliveryReader } from './delivery-reader.ts';
import type { IngestDeps } from './ingest-deps.ts';

/** A claimed webhook job (`whatsapp.webhook`, `channel.webhook`). */
type Job = QueueJob<PayloadOf<WebhookQueue>>;

export interface InboundDeps extends IngestDeps {
  /** Decrypts the journaled bodies. */
  cipher: FieldCipher;
  /** Each channel's parser and handlers (registered in app.ts). */
  readers: Partial<Record<ChannelType, DeliveryReader>>;
  /** Told after something changed, e.g. to wake the outbox or push to agents. */
  onInboxChanged?: () => void;
}

/**
 * Turns one journaled delivery, of any channel, into patients, conversations, messages, receipts and
 * template updates. Every step is idempotent, so running the job again (after a crash) changes nothing.
 *
 * A delivery never holds a patient's later messages for long. What fails the same way every time (a
 * value the database refuses) is tried once more, not retried after that: a message is stored without
 * the part at fault if that is enough, else the delivery stays in the journal marked failed, with an
 * alert an operator retries it from. A passing failure (a lost connection, a deadlock) is retried at
 * once, and after a few seconds the delivery lets the patient's next messages go first. Something a
 * patient sent that cannot even be read (no usable sender) is not dropped quietly either: an alert
 * about its delivery tells operators, who mark it resolved once they have seen to it.
 */
export async function ingestDelivery(deps: InboundDeps, job: Job): Promise<void> {
  try {
    await applyDelivery(deps, job);
  } catch (error) {
    if (error instanceof RetryJob || error instanceof PermanentJobError) throw error;
    // Reading the journal or recording the outcome failed: the same policy, so nobody waits long.
    throw retryOf(classifyFailure(error), job) ?? error;
  }
}

async function applyDelivery(deps: InboundDeps, job: Job): Promise<void> {
  const journaled = await findWebhookEvent(deps.db, job.payload.webhookEventId);
  if (!journaled) throw new PermanentJobError('journaled webhook not found');
  const account = await findChannelAccount(deps.db, journaled.orgId, journaled.channelAccountId);
  if (!account) throw new PermanentJobError('channel account removed');
  const reader = deps.readers[account.type];
  if (!reader) throw new PermanentJobError(`no reader for ${account.type} deliveries`);

  let body: string | null;
  try {
    body = openWebhookBody(deps.cipher, journaled);
  } catch (error) {
    if (!(error instanceof FieldCipherError)) throw error;
    // Its key is no longer configured: once it is put back, the operator's retry reads it.
    const reason = `the journaled delivery could not be decrypted (${error.problem})`;
    await recordFailure(deps, reader, journaled, account, reason);
    return;
  }
  if (body === null) {
    // Processed already (a retry queued twice), or forgotten past the retention period.
    if (journaled.processedAt !== null) return;
    throw new PermanentJobError('the journaled delivery is past its retention period: nothing to process');
  }

  const failures: string[] = [];
  let events: InboundEvent[] = [];
  try {
    events = reader.parse(decodeWebhookBody(body, reader), account);
  } catch {
    // The journaled bytes never change: reading them again would fail the same way.
    failures.push(`the delivery could not be read as a ${reader.label} webhook`);
  }
  for (const [index, event] of events.entries()) {
    const failure = await applyEvent(deps, reader, account, event, job);
    if (failure) failures.push(`${event.kind} ${index + 1} of ${events.length}: ${failure}`);
  }
  const refused = refusedPatientItems(events);
  if (failures.length > 0)
    await recordFailure(deps, reader, journaled, account, [...failures, ...refused].join('; '));
  else if (refused.length > 0) await recordRefusal(deps, reader, journaled, account, refused);
  else await markWebhookProcessed(deps.db, journaled.id, deps.clock.now());
  deps.onInboxChanged?.();
}

/** Why each thing a patient sent in the delivery was refused at reading, e.g. `message 2 of 3: …`. */
function refusedPatientItems(events: readonly InboundEvent[]): string[] {
  return events.flatMap((event, index) =>
    event.kind === 'other' && event.fromPatient
      ? [`${event.rawType ?? 'item'} ${index + 1} of ${events.length}: ${event.reason}`]
      : [],
  );
}

/**
 * Applies one event; answers why it could not be, or null. Throws RetryJob when a passing failure
 * may be over in a moment.
 */
async function applyEvent(
  deps: InboundDeps,
  reader: DeliveryReader,
  account: ChannelAccount,
  event: InboundEvent,
  job: Job,
): Promise<string | null> {
  let refusal: Failure | undefined;
  // Once more as it is (a race with another worker passes), then, for a patient's message, without
  // each part the database may be refusing: the patient's words still reach the inbox and the
  // red-flag screening. The stored message names what was left out.
  const attempts: ReadonlyArray<readonly OmittablePart[]> =
    event.kind === 'message' ? [[], [], ...omissionsToTry(event)] : [[], []];
  for (const omitted of attempts) {
    try {
      if (event.kind === 'message')
        await reader.storeMessage(deps, account, withoutParts(event, omitted), omitted);
      else await reader.apply(deps, account, event);
      if (omitted.length > 0) {
        deps.logger.warn(
          { channelAccountId: account.id, jobId: job.id, omitted, reason: refusal?.reason },
          'inbound message stored without the parts the database refused',
        );
      }
      return null;
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === 'transient') {
        const retry = retryOf(failure, job);
        if (retry) throw retry;
        return `${failure.reason}, still after ${job.attempts} attempts`;
      }
      refusal ??= failure;
    }
  }
  return refusal?.reason ?? null;
}

/** How many quick retries a passing failure gets before the patient's next messages stop waiting. */
const QUICK_RETRIES = 2;
const QUICK_RETRY_MS = 250;

/**
 * The retry for a failure that may pass (or whose nature is unknown): quick ones first, keeping the
 * delivery's place in the patient's sequence; then the usual backoff, out of the sequence. Undefined
 * on the last attempt, or for a failure that will recur.
 */
function retryOf(failure: Failure, job: Job): RetryJob | undefined {
  if (failure.kind === 'deterministic' || job.attempts >= job.maxAttempts) return undefined;
  const quick = job.attempts <= QUICK_RETRIES;
  return new RetryJob(failure.reason, {
    afterMs: quick
      ? QUICK_RETRY_MS * 2 ** (job.attempts - 1) * (1 + Math.random())
      : backoffDelayMs(job.attempts),
    leaveSequence: !quick,
  });
}

/**
 * Keeps the delivery for an operator: the journal row stays, marked failed with the reason, and an
 * alert with a retry is raised — in one transaction, so there is never one without the other.
 */
async function recordFailure(
  deps: InboundDeps,
  reader: DeliveryReader,
  journaled: WebhookEvent,
  account: ChannelAccount,
  reason: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await markWebhookFailed(tx, journaled.id, reason, now);
    await raiseAlert(
      tx,
      {
        orgId: journaled.orgId,
        channelAccountId: account.id,
        kind: 'inbound_not_stored',
        webhookEventId: journaled.id,
        detail: `${reader.label} delivery ${journaled.id}, received ${journaled.receivedAt.toISOString()}, could not be stored: ${reason}`,
      },
      now,
    );
  });
  deps.logger.error(
    { channelAccountId: account.id, webhookEventId: journaled.id, reason },
    'inbound delivery could not be stored: kept for an operator to retry',
  );
}

/**
 * Everything of the delivery that could be stored is, but a patient sent something Careline cannot read
 * (no usable sender, an unreadable shape). Processing it again would refuse it the same way, so the
 * delivery is done; the journal keeps it as received, and an alert tells operators, in one transaction.
 */
async function recordRefusal(
  deps: InboundDeps,
  reader: DeliveryReader,
  journaled: WebhookEvent,
  account: ChannelAccount,
  refused: readonly string[],
): Promise<void> {
  const what = refused.length === 1 ? 'a patient’s message was' : `${refused.length} patient messages were`;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await markWebhookProcessed(tx, journaled.id, now);
    await raiseAlert(
      tx,
      {
        orgId: journaled.orgId,
        channelAccountId: account.id,
        kind: 'inbound_item_refused',
        webhookEventId: journaled.id,
        detail: `${reader.label} delivery ${journaled.id}, received ${journaled.receivedAt.toISOString()}: ${what} refused and not stored (${summarised(refused)}). The delivery is kept as received.`,
      },
      now,
    );
  });
  deps.logger.warn(
    { channelAccountId: account.id, webhookEventId: journaled.id, refused: refused.length },
    'patient message refused at reading: shown to operators',
  );
}

/**
 * A few reasons, each cut short: a reason names fields, never values, but a hostile delivery can carry
 * thousands of items or keys of any length, and an alert must stay readable.
 */
function summarised(reasons: readonly string[]): string {
  const MAX_REASONS = 3;
  const MAX_REASON_LENGTH = 200;
  const shown = reasons
    .slice(0, MAX_REASONS)
    // Cut by code units, so a cut may split a pair: what is left must still be storable.
    .map((reason) =>
      reason.length > MAX_REASON_LENGTH ? `${toStorableText(reason.slice(0, MAX_REASON_LENGTH))}…` : reason,
    );
  const more = reasons.length - shown.length;
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join('; ');
}
