import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import type { Job } from './job.schema.ts';
import { backoffDelayMs, claimJobs, completeJob, deferJob, failJob } from './job-queue.ts';
import { inSequences } from './job-sequences.ts';

/** Thrown by a handler when trying again cannot help (bad data, a provider's final refusal). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * Thrown by a handler that must wait (pacing, a reconciliation delay): the job runs again at `until`,
 * and this run does not count as a failed attempt.
 */
export class DeferJob extends Error {
  override name = 'DeferJob';
  constructor(
    readonly until: Date,
    reason: string,
  ) {
    super(reason);
  }
}

export type JobHandler = (job: Job) => Promise<void>;

export interface JobWorkerOptions {
  db: Db;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  pollIntervalMs?: number;
  batchSize?: number;
  leaseMs?: number;
  /**
   * Jobs of a claimed batch run this many at a time. Each job waits on the database most of its time,
   * so on PostgreSQL several in flight keep the pool busy; PGlite has one connection: 1.
   */
  concurrency?: number;
  /**
   * Jobs of a claimed batch with the same key run one after another, in claimed order, whatever the
   * concurrency: two messages to one patient must not race each other to the provider.
   */
  sequenceKeyOf?: (job: Job) => string | undefined;
}

/**
 * Runs jobs from the `jobs` table. Polls, and can be woken at once by whoever just enqueued, so
 * work starts without waiting for the next poll. Several workers (processes) may share the table.
 */
export class JobWorker {
  private readonly options: Required<Omit<JobWorkerOptions, 'sequenceKeyOf'>> &
    Pick<JobWorkerOptions, 'sequenceKeyOf'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wakeRequested = false;
  private stopped = true;

  constructor(options: JobWorkerOptions) {
    this.options = { pollIntervalMs: 500, batchSize: 20, leaseMs: 60_000, concurrency: 1, ...options };
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
    this.running = this.drain()
      .then(() => undefined)
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
    const queues = Object.keys(this.options.handlers);
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
      await this.runAll(batch);
      ran += batch.length;
    }
  }

  /** Runs the batch in its claimed order, `concurrency` sequences at a time. */
  private async runAll(batch: readonly Job[]): Promise<void> {
    const sequences = inSequences(batch, this.options.sequenceKeyOf);
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let sequence = sequences[next++]; sequence; sequence = sequences[next++]) {
        for (const job of sequence) await this.runOne(job);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, sequences.length) }, lane));
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.options.handlers[job.queue];
    const log = this.options.logger.child({ jobId: job.id, queue: job.queue, attempt: job.attempts });
    try {
      if (!handler) throw new PermanentJobError(`no handler for queue ${job.queue}`);
      await handler(job);
      await completeJob(this.options.db, job.id);
    } catch (error) {
      if (error instanceof DeferJob) {
        await deferJob(this.options.db, job.id, error.until);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const retryAt =
        error instanceof PermanentJobError ? null : new Date(Date.now() + backoffDelayMs(job.attempts));
      const outcome = await failJob(this.options.db, job, message, retryAt);
      log.warn({ outcome, error: message }, 'job failed');
    }
  }
}
