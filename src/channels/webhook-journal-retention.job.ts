import type { Logger } from 'pino';
import { z } from 'zod';
import type { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { Db, DbOrTx } from '../platform/db/db.ts';
import { defineQueue } from '../platform/jobs/define-queue.ts';
import type { Clock } from '../platform/time/clock.ts';
import { sealWebhookBody } from './webhook-body-seal.ts';
import {
  forgetProcessedBodies,
  forgetUnprocessedBodiesBefore,
  plainBodies,
  replacePlainBody,
} from './webhook-journal-retention.repository.ts';

export const webhookJournalRetentionQueue = defineQueue('webhooks.journal-retention', z.object({}), {
  // Housekeeping: after the patients' messages and the sends.
  priority: 5,
  maxAttempts: 5,
});

/** How often the retention job runs: a forgotten body is gone within this much of its deadline. */
export const JOURNAL_RETENTION_EVERY_MS = 60 * 60_000;

/** WEBHOOK_FAILED_RETENTION_DAYS's default: a month for an operator to see the alert and retry. */
export const DEFAULT_FAILED_RETENTION_DAYS = 30;

export interface JournalRetentionDeps {
  db: Db;
  cipher: FieldCipher;
  logger: Logger;
  /** How long a failed delivery's body is kept for a retry after it last failed. */
  failedRetentionMs: number;
  clock: Clock;
  /**
   * Closes, with the note, the alerts of deliveries whose bodies were erased (the alerts module's
   * closeAlertsOfForgottenDeliveries, given by app.ts: the journal sits below the modules).
   */
  closeAlerts: (tx: DbOrTx, webhookEventIds: readonly number[], note: string, now: Date) => Promise<unknown>;
}

/**
 * Enforces what the webhook journal may keep of a patient's words: no body of a processed delivery;
 * a failed (or never processed) delivery's body, encrypted, for the retention period after it last
 * failed, then nothing, its alert closed with a note; no plain body (left by a version before
 * encryption: sealed here). Schedules its next run first.
 */
export async function runWebhookJournalRetention(deps: JournalRetentionDeps): Promise<void> {
  const now = deps.clock.now();
  // First, so a run that fails for good does not end the chain.
  await scheduleWebhookJournalRetention(deps.db, nextRunAt(now));
  const days = Math.round(deps.failedRetentionMs / 86_400_000);
  const expired = await deps.db.transaction(async (tx) => {
    const ids = await forgetUnprocessedBodiesBefore(tx, new Date(now.getTime() - deps.failedRetentionMs));
    await deps.closeAlerts(
      tx,
      ids,
      `Closed: the delivery was kept ${days} days for a retry (WEBHOOK_FAILED_RETENTION_DAYS), then erased; it can no longer be retried.`,
      now,
    );
    return ids.length;
  });
  const processed = await forgetProcessedBodies(deps.db);
  const sealed = await sealPlainBodies(deps);
  if (expired + processed + sealed > 0) {
    deps.logger.info({ expired, processed, sealed }, 'webhook journal: bodies forgotten or encrypted');
  }
}

/**
 * Queues a retention run at `at`, keyed by the hour it falls in: however many processes start or runs
 * end within an hour, the journal has one chain of runs.
 */
export async function scheduleWebhookJournalRetention(db: DbOrTx, at: Date): Promise<void> {
  const hour = new Date(Math.floor(at.getTime() / JOURNAL_RETENTION_EVERY_MS) * JOURNAL_RETENTION_EVERY_MS);
  await webhookJournalRetentionQueue.enqueue(db, {}, { runAt: at, dedupeKey: `hour:${hour.toISOString()}` });
}

function nextRunAt(now: Date): Date {
  return new Date((Math.floor(now.getTime() / JOURNAL_RETENTION_EVERY_MS) + 1) * JOURNAL_RETENTION_EVERY_MS);
}

const SEAL_BATCH = 200;

async function sealPlainBodies(deps: JournalRetentionDeps): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await plainBodies(deps.db, SEAL_BATCH);
    for (const row of batch) {
      if (row.rawBody === null) continue;
      const envelope = sealWebhookBody(deps.cipher, row, Buffer.from(row.rawBody, 'utf8'));
      await replacePlainBody(deps.db, row.id, envelope);
      sealed += 1;
    }
    if (batch.length < SEAL_BATCH) return sealed;
  }
}
