import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { lockLiveConversationsIfFree } from '../inbox/bulk-outbound.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import type { LinePushQuotaReader } from './line-push-quota.ts';
import { claimDueReminders, finishReminders, type ReminderOutcome } from './reminder.repository.ts';
import type { Reminder } from './reminder.schema.ts';
import { loadReminderContexts } from './reminder-context.ts';
import { planReminderDelivery, type ReminderPlan } from './reminder-delivery.ts';
import { queueOutboundMessages } from './reminder-outbox.ts';

export interface ReminderDispatchDeps {
  db: Db;
  keyring: Keyring;
  senders: SubmissionDeps['senders'];
  /** LINE's figures of an account's monthly push quota (reminders past it are held or fall back). */
  lineQuota?: LinePushQuotaReader | undefined;
  logger?: Logger;
  clock: Clock;
  /** Told of each pass once its transaction has committed (the benchmark times reminders with it). */
  onBatchCommitted?: (batch: ReminderBatch) => void;
}

export interface DispatchedReminder extends ReminderOutcome {
  dueAt: Date;
}

export interface ReminderBatch {
  /** Due reminders this pass locked. */
  claimed: number;
  /** Those it sent, skipped or failed, committed when this resolves. */
  finished: DispatchedReminder[];
  /** Those left for the next pass (their conversation or appointment was busy). */
  postponed: number;
}

export const DEFAULT_REMINDER_BATCH = 100;

/**
 * One pass: claims up to `limit` due reminders (FOR UPDATE SKIP LOCKED, so dispatchers running side
 * by side never take the same one) and sends them in ONE transaction: a reminder is `sent` in the
 * transaction that queues its message in the outbox, so a crash never sends twice nor loses one.
 */
export async function dispatchReminderBatch(
  deps: ReminderDispatchDeps,
  limit = DEFAULT_REMINDER_BATCH,
): Promise<ReminderBatch> {
  const batch = await deps.db.transaction(async (tx): Promise<ReminderBatch> => {
    const now = deps.clock.now();
    const { claimed, busy } = await claimDueReminders(tx, now, limit);
    if (claimed.length === 0) return { claimed: busy, finished: [], postponed: busy };
    const contexts = await loadReminderContexts(tx, deps.keyring, claimed);
    const finished: DispatchedReminder[] = [];
    const sends: Array<{ reminder: Reminder; plan: Extract<ReminderPlan, { kind: 'send' }> }> = [];
    for (const [orgId, context] of contexts) {
      const ofClinic = claimed.filter((r) => r.orgId === orgId);
      const booked = ofClinic.flatMap(
        (r) => context.appointments.get(r.appointmentId)?.appointment.conversationId ?? [],
      );
      const locked = await lockLiveConversationsIfFree(tx, orgId, booked);
      for (const reminder of ofClinic) {
        const plan = await planReminderDelivery(tx, deps, context, reminder, locked, now);
        if (plan.kind === 'finish') finished.push({ ...plan.outcome, dueAt: reminder.dueAt });
        if (plan.kind === 'send') sends.push({ reminder, plan });
      }
    }
    for (const reminder of claimed.filter((r) => !contexts.has(r.orgId))) {
      finished.push({
        id: reminder.id,
        status: 'skipped',
        reason: 'clinic_missing',
        messageId: null,
        dueAt: reminder.dueAt,
      });
    }
    const queued = await queueOutboundMessages(
      tx,
      deps,
      sends.map((s) => s.plan.send),
      now,
    );
    sends.forEach(({ reminder, plan }, i) => {
      const result = queued[i];
      if (!result) return;
      if (!result.ok)
        deps.logger?.warn(
          { reminderId: reminder.id, problems: result.problems },
          'a reminder cannot be sent',
        );
      finished.push({
        id: reminder.id,
        status: result.ok ? 'sent' : 'failed',
        reason: result.ok ? null : 'message_refused',
        messageId: result.ok ? result.messageId : null,
        channel: plan.channel,
        fallbackFrom: plan.fallback?.from ?? null,
        fallbackReason: plan.fallback?.reason ?? null,
        dueAt: reminder.dueAt,
      });
    });
    await finishReminders(tx, finished, now);
    const locked = claimed.length + busy;
    return { claimed: locked, finished, postponed: locked - finished.length };
  });
  if (batch.claimed > 0) deps.onBatchCommitted?.(batch);
  return batch;
}

export interface DispatchSummary {
  sent: number;
  skipped: number;
  failed: number;
  postponed: number;
  /** Due reminders are left: the time budget ran out, or their conversations were busy. */
  moreDue: boolean;
}

/** Passes until nothing is due or `budgetMs` is spent (the worker has other jobs to run). */
export async function dispatchDueReminders(
  deps: ReminderDispatchDeps,
  options: { batchSize?: number; budgetMs?: number } = {},
): Promise<DispatchSummary> {
  const batchSize = options.batchSize ?? DEFAULT_REMINDER_BATCH;
  // The worker's own time, not the injected clock: a test clock standing still must not make it endless.
  const deadline = performance.now() + (options.budgetMs ?? 5000);
  const summary: DispatchSummary = { sent: 0, skipped: 0, failed: 0, postponed: 0, moreDue: false };
  for (;;) {
    const batch = await dispatchReminderBatch(deps, batchSize);
    for (const done of batch.finished) summary[done.status] += 1;
    summary.postponed += batch.postponed;
    if (batch.claimed < batchSize && batch.postponed === 0) return summary;
    if (batch.finished.length === 0 || performance.now() >= deadline) return { ...summary, moreDue: true };
  }
}
