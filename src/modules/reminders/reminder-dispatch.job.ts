import { nextScheduledDueAt } from './reminder.repository.ts';
import { dispatchDueReminders, type ReminderDispatchDeps } from './reminder-dispatch.service.ts';
import { dispatchSlotOf, enqueueReminderDispatch } from './reminder-dispatch-queue.ts';

/** How long one run may hold the worker before it hands over (and queues its own continuation). */
const RUN_BUDGET_MS = 2000;
/** A reminder left due (its conversation was busy) is tried again this much later. */
const RETRY_BUSY_MS = 1000;
/** How far ahead a run arms a timer to wake the worker for the next one. */
const WAKE_AHEAD_MS = 10_000;

/**
 * The `reminders.dispatch` job: sends what is due, then makes sure a run exists for the next reminder
 * due. Planning queues a run for each due time too; runs of one time slot are one job (dedupe key), so
 * however many workers and plans there are, the chain of runs never forks.
 */
export async function runReminderDispatch(deps: ReminderDispatchDeps & { wake: () => void }): Promise<void> {
  const summary = await dispatchDueReminders(deps, { budgetMs: RUN_BUDGET_MS });
  if (summary.sent > 0) deps.wake();
  const now = deps.clock.now();
  if (summary.moreDue) {
    // Left due by this run: out of time (go on at once) or busy (try again shortly), as a run of its own.
    const at = new Date(now.getTime() + (summary.postponed === 0 ? 0 : RETRY_BUSY_MS));
    await enqueueReminderDispatch(deps.db, at, `again:${at.toISOString()}`);
    if (summary.postponed === 0) deps.wake();
  }
  const next = await nextScheduledDueAt(deps.db, now);
  if (!next) return;
  await enqueueReminderDispatch(deps.db, next);
  // The worker polls (every 500 ms in Careline): woken at the slot's time instead, a reminder is not
  // late by up to a poll interval. Far-off runs are left to the poll.
  const delay = dispatchSlotOf(next).getTime() - now.getTime();
  if (delay <= WAKE_AHEAD_MS) setTimeout(deps.wake, delay).unref();
}
