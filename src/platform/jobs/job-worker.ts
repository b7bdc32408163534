import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { describeErrorSafely } from '../safe-error.ts';
import type { Job } from './job.schema.ts';
import { DeferJob, PermanentJobError, RetryJob } from './job-errors.ts';
import {
  backoffDelayMs,
  claimJobs,
  claimSequenceSuccessors,
  completeJobs,
  deferJob,
  failJob,
  jobErrorText,
  leaveSequence,
} from './job-queue.ts';
import { inSequences } from './job-sequences.ts';
import type { BatchJobHandler, JobHandler, QueueHandler } from './queue-handler.ts';

export { DeferJob, PermanentJobError, RetryJob } from './job-errors.ts';
export type { BatchJobHandler, JobHandler } from './queue-handler.ts';

export interface JobWorkerOptions {
  db: Db;
  logger: Logger;
  /**
   * One per queue this worker runs (`handle`, or `handleBatch` for jobs handed over together). Each
   * parses a claimed job's payload with its queue's schema before its handler sees it.
   */
  handlers: readonly QueueHandler[];
  pollIntervalMs?: number;
  batchSize?: number;
  leaseMs?: number;
  /**
   * Jobs of a claimed batch run this many at a time. Each job waits on the database most of its time,
   * so on PostgreSQL several in flight keep the pool busy; PGlite has one connection: 1.
   */
  concurrency?: number;
  /**
   * For batched queues: after a job of a sequence succeeds, claim that sequence's next job and run it
   * in a following round, up to this many rounds per batch (0: wait for the next claim).
   */
  followSequences?: number;
  /** Told after each batch that ran: the jobs may have queued work for another worker. */
  onBatchDone?: () => void;
  /**
   * Claim-and-run loops working at once. With two, one batch's database work overlaps the other's
   * calls to the provider; claims never overlap (SKIP LOCKED), nor do a sequence's jobs.
   */
  pipelines?: number;
}

/**
 * Runs jobs from the `jobs` table. Polls, and can be woken at once by whoever just enqueued, so
 * work starts without waiting for the next poll. Several workers (processes) may share the table.
 */
export class JobWorker {
  private readonly options: Required<Omit<JobWorkerOptions, 'onBatchDone'>> &
    Pick<JobWorkerOptions, 'onBatchDone'>;
  private readonly queues: string[];
  private readonly handlers: Record<string, JobHandler> = {};
  private readonly batchHandlers: Record<string, BatchJobHandler> = {};
  private readonly sequenceKeys = new Map<string, (job: Job) => string | undefined>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wakeRequested = false;
  private stopped = true;

  constructor(options: JobWorkerOptions) {
    this.options = {
      pollIntervalMs: 500,
      batchSize: 20,
      leaseMs: 60_000,
      concurrency: 1,
      pipelines: 1,
      followSequences: 0,
      ...options,
    };
    for (const { queue, run, sequenceKeyOf } of this.options.handlers) {
      if (this.handlers[queue] || this.batchHandlers[queue])
        throw new Error(`two handlers for queue ${queue}`);
      if (run.batched) this.batchHandlers[queue] = run.handler;
      else this.handlers[queue] = run.handler;
      if (sequenceKeyOf) this.sequenceKeys.set(queue, sequenceKeyOf);
    }
    this.queues = [...Object.keys(this.handlers), ...Object.keys(this.batchHandlers)];
  }

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Asks for a pass now; if one is running, another follows it. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    // Nothing a pass meets may end the process: an unhandled rejection would kill every clinic's
    // worker, and the job that caused it would do it again once its lease ran out.
    this.running = Promise.all(Array.from({ length: this.options.pipelines }, () => this.drain()))
      .then(() => undefined)
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'job pass failed'))
      .finally(() => this.afterPass());
  }

  private afterPass(): void {
    this.running = undefined;
    if (this.stopped) return;
    if (this.wakeRequested) {
      this.wakeRequested = false;
      this.wake();
    } else {
      this.timer = setTimeout(() => this.wake(), this.options.pollIntervalMs);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every due job until none is left; returns how many ran. Tests call it directly. */
  async drain(): Promise<number> {
    const queues = this.queues;
    let ran = 0;
    for (;;) {
      let batch: Job[];
      try {
        batch = await claimJobs(this.options.db, queues, this.options.batchSize, this.options.leaseMs);
      } catch (error) {
        this.options.logger.error({ err: error }, 'could not claim jobs');
        return ran;
      }
      if (batch.length === 0) return ran;
      try {
        await this.runAll(batch);
      } catch (error) {
        // The jobs still unsettled stay leased: they run again when their lease ends.
        this.options.logger.error({ err: error }, 'could not settle a batch of jobs');
        return ran;
      }
      this.options.onBatchDone?.();
      ran += batch.length;
    }
  }

  /** Batched queues get their jobs at once; the others run in claimed order, `concurrency` lanes. */
  private async runAll(batch: readonly Job[]): Promise<void> {
    const batched = new Map<string, Job[]>();
    const single: Job[] = [];
    for (const job of batch) {
      if (!this.batchHandlers[job.queue]) single.push(job);
      else if (batched.has(job.queue)) batched.get(job.queue)?.push(job);
      else batched.set(job.queue, [job]);
    }
    await Promise.all([
      this.runInLanes(single),
      ...[...batched].map(([queue, jobs]) => this.runBatched(queue, jobs)),
    ]);
  }

  /**
   * Two jobs of one sequence never go in the same call (they would race to the provider): the
   * handler gets the first job of every sequence, then the second, and so on.
   */
  private async runBatched(queue: string, jobs: readonly Job[]): Promise<void> {
    const handler = this.batchHandlers[queue];
    if (!handler) return;
    const sequences = inSequences(jobs, this.sequenceKeyOf);
    let followed = 0;
    let successors: Job[] = [];
    for (let round = 0; ; round += 1) {
      const calls = [...sequences.flatMap((sequence) => sequence[round] ?? []), ...successors];
      if (calls.length === 0) return;
      let errors: ReadonlyMap<number, unknown>;
      try {
        errors = await handler(calls);
      } catch (error) {
        errors = new Map(calls.map((job) => [job.id, error]));
      }
      const done = calls.filter((job) => !errors.has(job.id));
      await completeJobs(
        this.options.db,
        done.map((job) => job.id),
      );
      for (const job of calls) {
        if (errors.has(job.id)) await this.settleFailure(job, errors.get(job.id));
      }
      successors = [];
      if (followed < this.options.followSequences) {
        followed += 1;
        // Sequences with a later job already claimed in this batch get it in the next round anyway.
        const stillClaimed = new Set(
          sequences.flatMap((sequence) => sequence.slice(round + 1)).map((job) => job.sequenceKey),
        );
        const keys = done.flatMap((job) =>
          job.sequenceKey && !stillClaimed.has(job.sequenceKey) ? [job.sequenceKey] : [],
        );
        successors = await claimSequenceSuccessors(this.options.db, queue, keys, this.options.leaseMs);
      }
    }
  }

  private async runInLanes(batch: readonly Job[]): Promise<void> {
    if (batch.length === 0) return;
    const sequences = inSequences(batch, this.sequenceKeyOf);
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let sequence = sequences[next++]; sequence; sequence = sequences[next++]) {
        for (const job of sequence) await this.runOne(job);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, sequences.length) }, lane));
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers[job.queue];
    try {
      if (!handler) throw new PermanentJobError(`no handler for queue ${job.queue}`);
      await handler(job);
      await completeJobs(this.options.db, [job.id]);
    } catch (error) {
      await this.settleFailure(job, error);
    }
  }

  private readonly sequenceKeyOf = (job: Job): string | undefined => this.sequenceKeys.get(job.queue)?.(job);

  /**
   * A deferral waits without using an attempt; any other error retries (after the backoff, or when a
   * RetryJob says) or ends the job.
   */
  private async settleFailure(job: Job, error: unknown): Promise<void> {
    if (error instanceof DeferJob) {
      await deferJob(this.options.db, job.id, error.until);
      return;
    }
    const message = jobErrorText(describeErrorSafely(error));
    const retryAt =
      error instanceof PermanentJobError
        ? null
        : new Date(Date.now() + (error instanceof RetryJob ? error.afterMs : backoffDelayMs(job.attempts)));
    const logger = this.options.logger.child({ jobId: job.id, queue: job.queue, attempt: job.attempts });
    try {
      if (error instanceof RetryJob && error.leaveSequence && job.sequenceKey !== null) {
        await leaveSequence(this.options.db, job.id);
      }
      const outcome = await failJob(this.options.db, job, message, retryAt);
      logger.warn({ outcome, error: message }, 'job failed');
    } catch {
      // The database refused even the fixed text (it is down): the lease brings the job back later.
      logger.error({ error: message }, 'job failed and its failure could not be recorded');
    }
  }
}

/** Workers over disjoint queues, started, woken and stopped as one. */
export class JobWorkerGroup {
  private readonly workers: readonly JobWorker[];

  constructor(workers: readonly JobWorker[]) {
    this.workers = workers;
  }

  start(): void {
    for (const worker of this.workers) worker.start();
  }

  wake(): void {
    for (const worker of this.workers) worker.wake();
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }
}
