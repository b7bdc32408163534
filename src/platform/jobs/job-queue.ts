import { and, eq, inArray, lt, lte, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../db/db.ts';
import { rowsOf } from '../db/raw-rows.ts';
import { toStorableText } from '../text/storable-text.ts';
import { interleaveByKey } from './fair-order.ts';
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
  /** Run after the earlier jobs of the same sequence (lower `no`), one at a time. */
  sequence?: JobSequence;
}

export interface JobSequence {
  key: string;
  no: number;
}

/**
 * How long a sequence waits behind an earlier job that cannot run (retrying with backoff): past this,
 * order gives way, so one stuck send never holds a conversation's later ones for hours.
 */
export const SEQUENCE_HOLD_MINUTES = 10;

/**
 * Enqueues inside the caller's transaction, so a job exists exactly when the data it acts on does.
 * Modules enqueue through their queue's declaration (`defineQueue`), which types the payload.
 */
export async function enqueueJob(db: DbOrTx, job: NewJob): Promise<void> {
  await enqueueJobs(db, [job]);
}

/** Enqueues many jobs in one statement; each with a dedupe key already used is left out. */
export async function enqueueJobs(db: DbOrTx, batch: readonly NewJob[]): Promise<void> {
  if (batch.length === 0) return;
  const now = new Date();
  await db
    .insert(jobs)
    .values(
      batch.map((job) => ({
        queue: job.queue,
        payload: job.payload,
        orgId: job.orgId ?? null,
        runAt: job.runAt ?? now,
        priority: job.priority ?? 0,
        maxAttempts: job.maxAttempts ?? 8,
        dedupeKey: job.dedupeKey ?? null,
        sequenceKey: job.sequence?.key ?? null,
        sequenceNo: job.sequence?.no ?? null,
      })),
    )
    .onConflictDoNothing();
}

/**
 * Claims up to `limit` due jobs for this worker, taking turns between clinics within each priority so
 * one clinic's bulk send cannot delay another clinic's reply. Candidates are each clinic's earliest due
 * jobs (one index seek per clinic, however long another clinic's backlog is) plus the most urgent jobs
 * overall. A running job whose lease ran out (its worker died) is claimable again: jobs survive a crash.
 */
export async function claimJobs(
  db: Db,
  queues: readonly string[],
  limit: number,
  leaseMs: number,
): Promise<Job[]> {
  // A worker that lost every pick to a concurrent one looks again: the jobs it lost are no longer due.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const claimed = await claimOnce(db, queues, limit, leaseMs);
    if (claimed !== 'lost') return claimed;
  }
  return [];
}

async function claimOnce(
  db: Db,
  queues: readonly string[],
  limit: number,
  leaseMs: number,
): Promise<Job[] | 'lost'> {
  const queueList = sql.join(
    queues.map((q) => sql`${q}`),
    sql`, `,
  );
  const due = sql`j.queue in (${queueList}) and j.status = 'queued' and j.run_at <= now()
    and (j.sequence_key is null or not ${earlierInSequence(sql`j.sequence_key`, sql`j.sequence_no`)})`;
  const result = await db.execute(sql`
    select id, org_id, priority from (
      (select j.id, j.org_id, j.priority, j.run_at from jobs j where ${due}
        order by j.priority, j.run_at, j.id limit ${limit})
      union
      (select c.id, c.org_id, c.priority, c.run_at from orgs o cross join lateral (
        select j.id, j.org_id, j.priority, j.run_at from jobs j where j.org_id = o.id and ${due}
        order by j.run_at, j.id limit ${limit}) c)
      union
      (select j.id, j.org_id, j.priority, j.run_at from jobs j
        where j.queue in (${queueList}) and j.status = 'running' and j.locked_until < now() limit ${limit})
    ) candidates
    order by priority, run_at, id`);
  const candidates = candidateRows.parse(rowsOf(result));
  const picked = takeTurnsByOrg(candidates, limit).map((c) => c.id);
  if (picked.length === 0) return [];
  // Another worker may have picked the same candidates: the locked re-check leaves it the ones it holds.
  const stillClaimable = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.id, picked),
        or(
          and(eq(jobs.status, 'queued'), lte(jobs.runAt, sql`now()`)),
          and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`)),
        ),
      ),
    )
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(jobs)
    .set(claimedFor(leaseMs))
    .where(inArray(jobs.id, stillClaimable))
    .returning();
  if (claimed.length === 0) return 'lost';
  return claimed.sort((a, b) => picked.indexOf(a.id) - picked.indexOf(b.id));
}

/**
 * Claims, for each of these sequences, its next job if it is due and nothing earlier in the sequence
 * is waiting or running: a worker that just finished a conversation's send takes the next one at once
 * rather than at its next claim, so a burst to one patient goes out as a burst.
 */
export async function claimSequenceSuccessors(
  db: Db,
  queue: string,
  sequenceKeys: readonly string[],
  leaseMs: number,
): Promise<Job[]> {
  if (sequenceKeys.length === 0) return [];
  const keyList = sql.join(
    [...new Set(sequenceKeys)].map((k) => sql`${k}`),
    sql`, `,
  );
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      sql`${jobs.queue} = ${queue} and ${jobs.sequenceKey} in (${keyList}) and ${jobs.status} = 'queued'
        and ${jobs.runAt} <= now() and not ${earlierInSequence(jobs.sequenceKey, jobs.sequenceNo)}`,
    )
    .for('update', { skipLocked: true });
  return db.update(jobs).set(claimedFor(leaseMs)).where(inArray(jobs.id, next)).returning();
}

/** A job whose sequence has an earlier job still waiting or running (within the hold) is not due yet. */
function earlierInSequence(key: SQLWrapper, no: SQLWrapper): SQL {
  return sql`exists (
    select 1 from jobs e where e.sequence_key = ${key} and e.sequence_no < ${no}
      and e.status in ('queued', 'running')
      and e.created_at > now() - (${SEQUENCE_HOLD_MINUTES} * interval '1 minute'))`;
}

/** A claimed job: running, one more attempt, leased to this worker. */
function claimedFor(leaseMs: number) {
  return {
    status: 'running' as const,
    attempts: sql`${jobs.attempts} + 1`,
    lockedUntil: sql`now() + (${leaseMs} * interval '1 millisecond')`,
  };
}

const candidateRows = z.array(
  z
    .object({ id: z.coerce.number(), org_id: z.string().nullable(), priority: z.coerce.number() })
    .transform((r) => ({
      id: r.id,
      orgId: r.org_id,
      priority: r.priority,
    })),
);

/** Within each priority (candidates come sorted), one job per clinic in turn, keeping each clinic's order. */
function takeTurnsByOrg<T extends { orgId: string | null; priority: number }>(
  candidates: T[],
  limit: number,
): T[] {
  const picked: T[] = [];
  for (const priority of [...new Set(candidates.map((c) => c.priority))]) {
    picked.push(
      ...interleaveByKey(
        candidates.filter((c) => c.priority === priority),
        (c) => c.orgId,
      ),
    );
    if (picked.length >= limit) break;
  }
  return picked.slice(0, limit);
}

/** Makes a waiting job (known by its dedupe key) due now: what it waited for has happened. */
export async function makeDueNow(db: DbOrTx, queue: string, dedupeKey: string): Promise<void> {
  await db
    .update(jobs)
    .set({ runAt: sql`now()` })
    .where(and(eq(jobs.queue, queue), eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'queued')));
}

/** Takes a job out of its sequence: the sequence's later jobs no longer wait for it. */
export async function leaveSequence(db: DbOrTx, id: number): Promise<void> {
  await db.update(jobs).set({ sequenceKey: null, sequenceNo: null }).where(eq(jobs.id, id));
}

/** Puts a job back to wait until `until` without counting the run as an attempt. */
export async function deferJob(db: DbOrTx, id: number, until: Date): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'queued',
      runAt: until,
      lockedUntil: null,
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
    })
    .where(eq(jobs.id, id));
}

export async function completeJobs(db: DbOrTx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(jobs)
    .set({ status: 'done', finishedAt: new Date(), lockedUntil: null })
    .where(and(inArray(jobs.id, [...ids]), eq(jobs.status, 'running')));
}

/** Schedules another attempt, or gives up for good once the job has used its attempts. */
export async function failJob(
  db: Db,
  job: Job,
  error: string,
  retryAt: Date | null,
): Promise<'retrying' | 'failed'> {
  const retry = retryAt !== null && job.attempts < job.maxAttempts;
  const record = (lastError: string) =>
    db
      .update(jobs)
      .set(
        retry
          ? { status: 'queued', runAt: retryAt, lastError, lockedUntil: null }
          : { status: 'failed', lastError, lockedUntil: null, finishedAt: new Date() },
      )
      .where(eq(jobs.id, job.id));
  try {
    await record(jobErrorText(error));
  } catch {
    // The job's fate matters more than its error text: an error that cannot be written (whatever the
    // reason) must not leave the job running until its lease ends, to fail the same way again.
    await record(UNRECORDABLE_ERROR);
  }
  return retry ? 'retrying' : 'failed';
}

/** Enough of an error to act on; a database error can quote a whole webhook body. */
export const MAX_JOB_ERROR_LENGTH = 2000;

export const UNRECORDABLE_ERROR = 'the error could not be recorded';

/** An error as `jobs.last_error` keeps it: bounded, and without what PostgreSQL cannot store. */
export function jobErrorText(error: string): string {
  const bounded = error.length > MAX_JOB_ERROR_LENGTH ? `${error.slice(0, MAX_JOB_ERROR_LENGTH)}…` : error;
  return toStorableText(bounded);
}

/** Exponential backoff with full jitter: attempt 1 → up to 1 s, 2 → 2 s, ... capped at 10 min. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Whether a clinic still has jobs of this queue, created before `before`, waiting or running. */
export async function hasUnfinishedJobs(
  db: DbOrTx,
  queue: string,
  orgId: string,
  before: Date,
): Promise<boolean> {
  // One status at a time: each matches a partial index (jobs_org_due_idx, jobs_running_idx), so done
  // jobs, however many, are never scanned.
  for (const status of ['queued', 'running'] as const) {
    const [unfinished] = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.status, status),
          eq(jobs.orgId, orgId),
          eq(jobs.queue, queue),
          lte(jobs.createdAt, before),
        ),
      )
      .limit(1);
    if (unfinished) return true;
  }
  return false;
}
