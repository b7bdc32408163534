import { setTimeout as sleep } from 'node:timers/promises';
import type { StatusName } from './lifecycle-plan.ts';
import type { PendingWork } from './pending-work.ts';
import type { SimulatorLogger } from './simulator-logger.ts';

/**
 * Meta retries a webhook that was not acknowledged with exponential backoff for up to 7 days; the
 * simulator keeps the shape on a compressed timescale.
 */
export interface WebhookRetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the first retry; each later wait is multiplied by `factor`. */
  initialDelayMs: number;
  factor: number;
  /** An attempt with no answer after this long counts as failed. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 250,
  factor: 2,
  timeoutMs: 5000,
};

export interface DeliveryAttempt {
  at: string;
  /** null when no HTTP answer came (connection refused, timeout). */
  httpStatus: number | null;
  error?: string;
}

/** What a webhook carried, for the delivery records. */
export type WebhookEvent =
  | { kind: 'message'; wamid: string }
  | { kind: 'status'; wamid: string; status: StatusName }
  | { kind: 'template_status'; templateId: string; status: string }
  | { kind: 'user_preferences'; waId: string; value: string }
  | { kind: 'batch'; events: WebhookEvent[] }
  /** A Groups API webhook (`group_lifecycle_update`, `group_participants_update`, …). */
  | { kind: 'group_update'; groupId: string; type: string }
  /** A Telegram Bot API `Update` (the Telegram stand-in: `phoneNumberId` holds the bot id). */
  | { kind: 'telegram_update'; updateId: number; updateKind: string }
  /** A Messenger / Instagram envelope (the Meta messaging stand-in: `phoneNumberId` holds the Page or IG id). */
  | { kind: 'meta_messaging'; event: string; mid: string | null }
  /** A LINE webhook event (the LINE stand-in: `phoneNumberId` holds the bot's user id). */
  | { kind: 'line_event'; webhookEventId: string; eventType: string }
  /** A Twilio Messaging webhook (the SMS stand-in: `phoneNumberId` holds the clinic's number). */
  | { kind: 'sms_event'; messageSid: string; eventType: string }
  /** A Viber callback (the Viber stand-in: `phoneNumberId` holds the bot account's id). */
  | { kind: 'viber_event'; messageToken: string; event: string };

export interface WebhookDeliveryRecord {
  id: number;
  /** The account the delivery is for, and its queue: a WhatsApp number, a Telegram bot, a Page. */
  phoneNumberId: string;
  event: WebhookEvent;
  duplicate: boolean;
  badSignature: boolean;
  outcome: 'pending' | 'delivered' | 'gave_up' | 'cancelled';
  attempts: DeliveryAttempt[];
}

export interface WebhookJob {
  phoneNumberId: string;
  url: string;
  /** The exact bytes to send; retries and duplicates resend them unchanged, as Meta does. */
  body: string;
  /** `X-Hub-Signature-256` of Meta's deliveries; ignored when `headers` are given. */
  signature: string;
  /** The provider's own headers (Telegram's secret token) instead of Meta's signature and user agent. */
  headers?: Record<string, string>;
  event: WebhookDeliveryRecord['event'];
  duplicate: boolean;
  badSignature: boolean;
  /** Reads an acknowledged delivery's answer, for providers that act on it (Telegram's `method`). */
  onAnswer?: (body: string) => void;
}

interface DispatcherOptions {
  retry: WebhookRetryPolicy;
  now: () => Date;
  pending: PendingWork;
  logger: SimulatorLogger;
}

/**
 * Posts signed webhooks at least once. Deliveries for one number go out one at a time in order, so a
 * webhook being retried holds back the ones behind it, as Meta's queue does (§1.12).
 */
export class WebhookDispatcher {
  readonly #options: DispatcherOptions;
  readonly #closing = new AbortController();
  readonly #queues = new Map<string, Promise<unknown>>();
  #nextId = 1;

  constructor(options: DispatcherOptions) {
    this.#options = options;
  }

  /** Queues a delivery; the record is updated in place and `settled` resolves when it is final. */
  deliver(job: WebhookJob): { record: WebhookDeliveryRecord; settled: Promise<WebhookDeliveryRecord> } {
    const record: WebhookDeliveryRecord = {
      id: this.#nextId++,
      phoneNumberId: job.phoneNumberId,
      event: job.event,
      duplicate: job.duplicate,
      badSignature: job.badSignature,
      outcome: 'pending',
      attempts: [],
    };
    const finish = this.#options.pending.start();
    const previous = this.#queues.get(job.phoneNumberId) ?? Promise.resolve();
    const settled = previous
      .catch(() => undefined)
      .then(() => this.#attemptAll(job, record))
      .then(() => record)
      .finally(finish);
    this.#queues.set(job.phoneNumberId, settled);
    void settled
      .finally(() => {
        if (this.#queues.get(job.phoneNumberId) === settled) this.#queues.delete(job.phoneNumberId);
      })
      .catch(() => undefined);
    return { record, settled };
  }

  /** Cancels waiting retries and requests in flight; their records end as `cancelled`. */
  close(): void {
    this.#closing.abort();
  }

  async #attemptAll(job: WebhookJob, record: WebhookDeliveryRecord): Promise<void> {
    const { retry, logger } = this.#options;
    const signal = this.#closing.signal;
    let waitMs = retry.initialDelayMs;
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt += 1) {
      if (signal.aborted) break;
      if (attempt > 1) {
        const slept = await sleep(waitMs, true, { signal }).catch(() => false);
        if (!slept) break;
        waitMs *= retry.factor;
      }
      const result = await this.#post(job);
      if (signal.aborted) break;
      record.attempts.push(result);
      if (result.httpStatus !== null && result.httpStatus >= 200 && result.httpStatus < 300) {
        record.outcome = 'delivered';
        return;
      }
      logger.warn(
        {
          phoneNumberId: job.phoneNumberId,
          event: job.event,
          attempt,
          httpStatus: result.httpStatus,
          error: result.error,
        },
        'webhook delivery attempt failed',
      );
    }
    record.outcome = signal.aborted ? 'cancelled' : 'gave_up';
  }

  async #post(job: WebhookJob): Promise<DeliveryAttempt> {
    const at = this.#options.now().toISOString();
    try {
      const response = await fetch(job.url, {
        method: 'POST',
        headers: job.headers
          ? { 'content-type': 'application/json', ...job.headers }
          : {
              'content-type': 'application/json',
              'user-agent': 'facebookexternalua',
              'x-hub-signature-256': job.signature,
            },
        body: job.body,
        signal: AbortSignal.any([this.#closing.signal, AbortSignal.timeout(this.#options.retry.timeoutMs)]),
      });
      // Drain the answer so the connection is released; its content does not matter to Meta.
      const answer = await response.text().catch(() => '');
      if (job.onAnswer && response.ok) job.onAnswer(answer);
      return { at, httpStatus: response.status };
    } catch (error) {
      return { at, httpStatus: null, error: describeFetchError(error) };
    }
  }
}

/** A short, secret-free reason: the socket error code when there is one (ECONNREFUSED), else the name. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const cause: unknown = error.cause;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return error.name === 'TimeoutError' ? 'timeout' : error.message;
}
