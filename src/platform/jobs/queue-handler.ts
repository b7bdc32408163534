import type { z } from 'zod';
import type { PayloadSchema, Queue, QueueJob } from './define-queue.ts';
import type { Job } from './job.schema.ts';

export type JobHandler = (job: Job) => Promise<void>;

/**
 * Runs many jobs of one queue at once (one query loads them all, one marks them all). Answers what
 * went wrong, by job id, with the error a single handler would have thrown; a job not named succeeded.
 */
export type BatchJobHandler = (jobs: readonly Job[]) => Promise<ReadonlyMap<number, unknown>>;

/** A queue's handler as the worker runs it: the payload is parsed with the queue's schema first. */
export interface QueueHandler {
  readonly queue: string;
  readonly run: { batched: false; handler: JobHandler } | { batched: true; handler: BatchJobHandler };
  /** Jobs of a claimed batch with the same key run one after another, in claimed order. */
  readonly sequenceKeyOf?: (job: Job) => string | undefined;
}

export interface HandleOptions<P> {
  /**
   * What must not race within a claimed batch (a conversation: two messages to one patient, two turns
   * of its automation): jobs with the same answer run one after another, whatever the concurrency.
   */
  inOrderOf?: (payload: P) => string | undefined;
}

/** Runs the queue's jobs one by one; a payload that does not parse fails its job for good. */
export function handle<S extends PayloadSchema>(
  queue: Queue<S>,
  handler: (payload: z.output<S>, job: QueueJob<z.output<S>>) => Promise<void>,
  options: HandleOptions<z.output<S>> = {},
): QueueHandler {
  return {
    queue: queue.name,
    run: {
      batched: false,
      handler: async (job) => {
        const parsed = queue.parse(job);
        await handler(parsed.payload, parsed);
      },
    },
    ...sequencing(queue, options),
  };
}

/**
 * Runs the queue's claimed jobs together (one query loads them all). Jobs whose payload does not parse
 * fail for good without reaching the handler; the others are handed over as usual.
 */
export function handleBatch<S extends PayloadSchema>(
  queue: Queue<S>,
  handler: (jobs: readonly QueueJob<z.output<S>>[]) => Promise<ReadonlyMap<number, unknown>>,
  options: HandleOptions<z.output<S>> = {},
): QueueHandler {
  return {
    queue: queue.name,
    run: {
      batched: true,
      handler: async (jobs) => {
        const errors = new Map<number, unknown>();
        const parsed: QueueJob<z.output<S>>[] = [];
        for (const job of jobs) {
          try {
            parsed.push(queue.parse(job));
          } catch (error) {
            errors.set(job.id, error);
          }
        }
        if (parsed.length === 0) return errors;
        try {
          for (const [id, error] of await handler(parsed)) errors.set(id, error);
        } catch (error) {
          // The malformed jobs keep their own reason.
          for (const job of parsed) errors.set(job.id, error);
        }
        return errors;
      },
    },
    ...sequencing(queue, options),
  };
}

/** The worker orders jobs before it runs them, so the key is read from the payload as it parses. */
function sequencing<S extends PayloadSchema>(
  queue: Queue<S>,
  options: HandleOptions<z.output<S>>,
): Pick<QueueHandler, 'sequenceKeyOf'> {
  const { inOrderOf } = options;
  if (!inOrderOf) return {};
  return {
    sequenceKeyOf: (job) => {
      const parsed = queue.schema.safeParse(job.payload);
      const key = parsed.success ? inOrderOf(parsed.data) : undefined;
      return key === undefined ? undefined : `${queue.name}:${key}`;
    },
  };
}
