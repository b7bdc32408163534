import type { z } from 'zod';
import type { DbOrTx } from '../db/db.ts';
import type { Job } from './job.schema.ts';
import { enqueueJob, enqueueJobs, type NewJob } from './job-queue.ts';
import { malformedPayloadError } from './malformed-payload.ts';

/** What a job of a queue may say, besides its payload (the `jobs` row's other columns). */
export type EnqueueOptions = Omit<NewJob, 'queue' | 'payload'>;

/** A payload is a JSON object: the `jobs.payload` column holds one. */
export type PayloadSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/** A claimed job whose payload has passed its queue's schema. */
export type QueueJob<P> = Omit<Job, 'payload'> & { readonly payload: P };

/**
 * One queue, declared once: its name on the wire, the shape of its payload, and how its jobs are usually
 * queued. Every enqueue and every handler goes through it, so both sides agree on the payload.
 */
export interface Queue<S extends PayloadSchema> {
  readonly name: string;
  readonly schema: S;
  /** Enqueues inside the caller's transaction; `options` win over the queue's defaults. */
  enqueue(db: DbOrTx, payload: z.input<S>, options?: EnqueueOptions): Promise<void>;
  /** Enqueues many jobs in one statement (a batch of reminders). */
  enqueueMany(db: DbOrTx, jobs: readonly { payload: z.input<S>; options?: EnqueueOptions }[]): Promise<void>;
  /** The job with its payload parsed; throws a permanent error naming the fields that did not parse. */
  parse(job: Job): QueueJob<z.output<S>>;
}

export type PayloadOf<Q> = Q extends Queue<infer S> ? z.output<S> : never;

export function defineQueue<S extends PayloadSchema>(
  name: string,
  schema: S,
  defaults: EnqueueOptions = {},
): Queue<S> {
  const newJob = (payload: z.input<S>, options: EnqueueOptions = {}): NewJob => ({
    ...defaults,
    ...options,
    queue: name,
    // Stored as given, not as parsed: what is on the wire stays what callers wrote.
    payload,
  });
  return {
    name,
    schema,
    enqueue: (db, payload, options) => enqueueJob(db, newJob(payload, options)),
    enqueueMany: (db, jobs) =>
      enqueueJobs(
        db,
        jobs.map((job) => newJob(job.payload, job.options)),
      ),
    parse: (job) => {
      const parsed = schema.safeParse(job.payload);
      if (!parsed.success) throw malformedPayloadError(name, parsed.error);
      return { ...job, payload: parsed.data };
    },
  };
}
