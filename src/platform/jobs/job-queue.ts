import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/db.ts';
import { type Job, jobs } from './job.schema.ts';

export interface NewJob {
  queue: string;
  payload: Record<string, unknown>;
  orgId?: string | null;
  runAt?: Date;
  /** Lower runs first: replies to patients go before bulk traffic. */
  priority?: number;
  maxAttempts?: number;
  /** At most one job per (queue, dedupeKey), ever: enqueueing it again does nothing. */
  dedupeKey?: string;
}

/** Enqueues inside the caller's transaction, so a job exists exactly when the data it acts on does. */
export async function enqueueJob(db: DbOrTx, job: NewJob): Promise<void> {
  await db
    .insert(jobs)
    .values({
      queue: job.queue,
      payload: job.payload,
      orgId: job.orgId ?? null,
      runAt: job.runAt ?? new Date(),
      priority: job.priority ?? 0,
      maxAttempts: job.maxAttempts ?? 8,
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing();
}

/**
 * Claims up to `limit` due jobs for this worker. A running job whose lease ran out (its worker died)
 * is claimable again, which is what makes jobs survive a crash.
 */
export async function claimJobs(
  db: DbOrTx,
  queues: readonly string[],
  limit: number,
  leaseMs: number,
): Promise<Job[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.queue, [...queues]),
        or(
          and(eq(jobs.status, 'queued'), lte(jobs.runAt, sql`now()`)),
          and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`)),
        ),
      ),
    )
    .orderBy(asc(jobs.priority), asc(jobs.runAt), asc(jobs.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: sql`now() + (${leaseMs} * interval '1 millisecond')`,
    })
    .where(inArray(jobs.id, due))
    .returning();
  return claimed.sort(
    (a, b) => a.priority - b.priority || a.runAt.getTime() - b.runAt.getTime() || a.id - b.id,
  );
}

export async function completeJob(db: DbOrTx, id: number): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'done', finishedAt: new Date(), lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

/** Schedules another attempt, or gives up for good once the job has used its attempts. */
export async function failJob(
  db: DbOrTx,
  job: Job,
  error: string,
  retryAt: Date | null,
): Promise<'retrying' | 'failed'> {
  const retry = retryAt !== null && job.attempts < job.maxAttempts;
  await db
    .update(jobs)
    .set(
      retry
        ? { status: 'queued', runAt: retryAt, lastError: error, lockedUntil: null }
        : { status: 'failed', lastError: error, lockedUntil: null, finishedAt: new Date() },
    )
    .where(eq(jobs.id, job.id));
  return retry ? 'retrying' : 'failed';
}

/** Exponential backoff with full jitter: attempt 1 → up to 1 s, 2 → 2 s, ... capped at 10 min. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
