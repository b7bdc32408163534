import type { Logger } from 'pino';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Job } from '../../platform/jobs/job.schema.ts';
import { hasUnfinishedJobs } from '../../platform/jobs/job-queue.ts';
import { DeferJob, RetryJob } from '../../platform/jobs/job-worker.ts';
import type { Message } from '../inbox/message.schema.ts';
import { findMessagesByIds } from '../inbox/message.service.ts';
import { hasReceiptStampedSince } from './delivery-receipt.repository.ts';
import {
  CAUGHT_UP_MARGIN_MS,
  decideAfterEchoWait,
  echoWaitEndsAt,
  type WebhookFacts,
} from './interrupted-send.ts';
import type { OutboxDeps } from './outbox-deps.ts';
import { lastWebhookReceivedAt } from './webhook-activity.repository.ts';

/**
 * Five minutes: Meta's status webhook comes within seconds, and its retries of one Careline missed
 * while down come again soon after it is back; OUTBOX_ECHO_WAIT_SECONDS sets another wait.
 */
export const DEFAULT_RECONCILE_AFTER_MS = 5 * 60_000;

/**
 * A previous run died during the call. If Meta got it, a status webhook echoing our id will adopt the
 * wamid; wait for that before sending again, so an interrupted send is not sent twice.
 */
export async function waitForInterruptedSend(deps: OutboxDeps, message: Message): Promise<void> {
  const now = deps.clock.now();
  const wait = {
    sendingAt: message.statusAt,
    upSince: deps.upSince,
    waitMs: deps.reconcileAfterMs ?? DEFAULT_RECONCILE_AFTER_MS,
  };
  const waitEndsAt = echoWaitEndsAt(wait);
  if (now < waitEndsAt) throw new DeferJob(waitEndsAt, 'waiting for the status echo of an interrupted send');
  const decision = decideAfterEchoWait(wait, await webhookFacts(deps, message, now), now);
  if (!decision.send) throw new DeferJob(decision.recheckAt, decision.reason);
}

/**
 * The call may have reached Meta (it timed out or broke after the request left, or its answer could
 * not be read), so sending again at once could deliver it twice. The message stays `sending`, as a
 * crash mid-call leaves it, and its job goes through `waitForInterruptedSend` from its next run. That
 * run comes in a second, not at the end of the echo wait: an echo processed while this call was still
 * out could not make the job due, and the conversation's next sends wait behind it. It costs an
 * attempt; the last attempt is deferred instead, for `sendQueuedMessage` to fail the message if no
 * echo comes rather than leave it `sending` for good.
 */
export function awaitEchoOfUnansweredSend(deps: OutboxDeps, job: Job, message: Message, why: string): never {
  deps.logger.warn(
    { messageId: message.id, attempt: job.attempts },
    'send may have reached the provider unanswered: waiting for its status echo before sending again',
  );
  const reason = `${why} (waiting for its status echo before sending again)`;
  if (job.attempts < job.maxAttempts)
    throw new RetryJob(reason, { afterMs: UNANSWERED_RECHECK_MS, leaveSequence: false });
  throw new DeferJob(new Date(deps.clock.now().getTime() + UNANSWERED_RECHECK_MS), reason);
}

const UNANSWERED_RECHECK_MS = 1000;

async function webhookFacts(deps: OutboxDeps, message: Message, now: Date): Promise<WebhookFacts> {
  let pending = false;
  for (const queue of deps.webhookQueues ?? [])
    pending ||= await hasUnfinishedJobs(deps.db, queue, message.orgId, now);
  return {
    pending,
    caughtUp: await hasReceiptStampedSince(
      deps.db,
      message.channelAccountId,
      new Date(message.statusAt.getTime() + CAUGHT_UP_MARGIN_MS),
    ),
    lastReceivedAt: await lastWebhookReceivedAt(deps.db, message.orgId),
  };
}

/**
 * The answer came after the message got a provider id from elsewhere. The same id: its echo raced ahead
 * of the answer (usual). Another id: the echo of an interrupted send came after it was sent again, and
 * the patient got it twice; the first id stays, so the statuses shown are those of what arrived first.
 */
export async function noteSecondId(
  tx: DbOrTx,
  logger: Logger,
  messageId: string,
  externalId: string,
): Promise<void> {
  const [current] = await findMessagesByIds(tx, [messageId]);
  if (!current?.externalId || current.externalId === externalId) return;
  logger.warn(
    { messageId, keptExternalId: current.externalId, otherExternalId: externalId },
    'an interrupted send was echoed only after it was sent again: the patient got it twice',
  );
}
