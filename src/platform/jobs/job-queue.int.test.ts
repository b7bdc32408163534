import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { createOrg } from '../../modules/orgs/org.service.ts';
import type { DbHandle } from '../db/create-db.ts';
import { defineQueue } from './define-queue.ts';
import { jobs } from './job.schema.ts';
import {
  claimJobs,
  claimSequenceSuccessors,
  completeJobs,
  enqueueJob,
  failJob,
  MAX_JOB_ERROR_LENGTH,
  SEQUENCE_HOLD_MINUTES,
} from './job-queue.ts';
import { DeferJob, JobWorker, PermanentJobError } from './job-worker.ts';
import { handleBatch, handle as handleQueue } from './queue-handler.ts';

const emptyQueue = (name: string) => defineQueue(name, z.object({}));
const sendQueue = defineQueue(
  'send',
  z.object({ n: z.union([z.string(), z.number()]), to: z.string().optional() }),
);

describe.each(TEST_ENGINES)('the jobs table (%s)', (engine) => {
  let handle: DbHandle;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.delete(jobs);
  });

  test('claims due jobs by priority, and never the same job twice at once', async () => {
    const { db } = handle;
    await enqueueJob(db, { queue: 'q', payload: { n: 'bulk' }, priority: 10 });
    await enqueueJob(db, { queue: 'q', payload: { n: 'reply' }, priority: 0 });
    await enqueueJob(db, { queue: 'q', payload: { n: 'later' }, runAt: new Date(Date.now() + 60_000) });
    await enqueueJob(db, { queue: 'other', payload: { n: 'elsewhere' } });

    const [a, b] = await Promise.all([claimJobs(db, ['q'], 1, 60_000), claimJobs(db, ['q'], 1, 60_000)]);
    const claimed = [...(a ?? []), ...(b ?? [])].map((j) => j.payload.n);
    expect(claimed.sort()).toEqual(['bulk', 'reply']);
    expect(await claimJobs(db, ['q'], 10, 60_000)).toEqual([]);
  });

  test('clinics take turns: one clinic’s backlog does not delay another clinic’s job', async () => {
    const { db } = handle;
    const lilas = (await createOrg(db, { name: 'Lilas' })).id;
    const pasteur = (await createOrg(db, { name: 'Pasteur' })).id;
    for (let i = 0; i < 50; i += 1) {
      await enqueueJob(db, { queue: 'q', payload: { n: `lilas-${i}` }, orgId: lilas, priority: 10 });
    }
    await enqueueJob(db, { queue: 'q', payload: { n: 'pasteur-0' }, orgId: pasteur, priority: 10 });
    const claimed = (await claimJobs(db, ['q'], 4, 60_000)).map((j) => j.payload.n);
    expect(claimed).toContain('pasteur-0');
    expect(claimed[0]).toBe('lilas-0');
  });

  test('a job whose worker died is claimed again once its lease runs out', async () => {
    const { db } = handle;
    await enqueueJob(db, { queue: 'q', payload: { n: 1 } });
    const [first] = await claimJobs(db, ['q'], 1, 1);
    expect(first?.attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [again] = await claimJobs(db, ['q'], 1, 60_000);
    expect(again?.id).toBe(first?.id);
    expect(again?.attempts).toBe(2);
  });

  test('a sequence’s jobs are claimed one at a time, in order, whatever their priority and due time', async () => {
    const { db } = handle;
    const seq = (no: number) => ({ key: 'outbox.send:conversation-a', no });
    // Enqueued out of order (two writers), the bulk one first: the sequence number decides.
    await enqueueJob(db, { queue: 'q', payload: { n: 'a-3' }, priority: 10, sequence: seq(30) });
    await enqueueJob(db, { queue: 'q', payload: { n: 'a-1' }, sequence: seq(10) });
    await enqueueJob(db, { queue: 'q', payload: { n: 'a-2' }, sequence: seq(20) });
    await enqueueJob(db, { queue: 'q', payload: { n: 'b-1' }, sequence: { key: 'other', no: 40 } });
    await enqueueJob(db, { queue: 'q', payload: { n: 'free' } });

    const first = await claimJobs(db, ['q'], 10, 60_000);
    expect(first.map((j) => j.payload.n).sort()).toEqual(['a-1', 'b-1', 'free']);
    // While a-1 runs, a-2 waits; a-1 retrying later still holds it.
    expect(await claimJobs(db, ['q'], 10, 60_000)).toEqual([]);
    const a1 = first.find((j) => j.payload.n === 'a-1');
    if (!a1) throw new Error('a-1 not claimed');
    await db
      .update(jobs)
      .set({ status: 'queued', runAt: new Date(Date.now() + 60_000) })
      .where(eq(jobs.id, a1.id));
    expect(await claimJobs(db, ['q'], 10, 60_000)).toEqual([]);

    await db.update(jobs).set({ status: 'done' }).where(eq(jobs.id, a1.id));
    expect((await claimJobs(db, ['q'], 10, 60_000)).map((j) => j.payload.n)).toEqual(['a-2']);
  });

  test('a sequence gives way behind a job stuck for longer than the hold limit', async () => {
    const { db } = handle;
    const seq = (no: number) => ({ key: 'conversation-b', no });
    await enqueueJob(db, { queue: 'q', payload: { n: 'stuck' }, sequence: seq(1) });
    await enqueueJob(db, { queue: 'q', payload: { n: 'next' }, sequence: seq(2) });
    await db
      .update(jobs)
      .set({ runAt: new Date(Date.now() + 3_600_000) })
      .where(eq(jobs.payload, { n: 'stuck' }));
    expect(await claimJobs(db, ['q'], 10, 60_000)).toEqual([]);
    await db
      .update(jobs)
      .set({ createdAt: new Date(Date.now() - (SEQUENCE_HOLD_MINUTES + 1) * 60_000) })
      .where(eq(jobs.payload, { n: 'stuck' }));
    expect((await claimJobs(db, ['q'], 10, 60_000)).map((j) => j.payload.n)).toEqual(['next']);
  });

  test('a dedupe key makes the second enqueue a no-op', async () => {
    const { db } = handle;
    await enqueueJob(db, { queue: 'q', payload: { n: 1 }, dedupeKey: 'msg-1' });
    await enqueueJob(db, { queue: 'q', payload: { n: 2 }, dedupeKey: 'msg-1' });
    expect(await db.select().from(jobs)).toHaveLength(1);
  });

  test('the worker retries failures with backoff, gives up after the last attempt, and stops at once on permanent errors', async () => {
    const { db } = handle;
    const seen: string[] = [];
    const worker = new JobWorker({
      db,
      logger,
      handlers: [
        handleQueue(emptyQueue('flaky'), async (_payload, job) => {
          seen.push(`flaky#${job.attempts}`);
          throw new Error('provider timed out');
        }),
        handleQueue(emptyQueue('broken'), async () => {
          seen.push('broken');
          throw new PermanentJobError('bad payload');
        }),
        handleQueue(emptyQueue('fine'), async () => {
          seen.push('fine');
        }),
      ],
    });
    await enqueueJob(db, { queue: 'flaky', payload: {}, maxAttempts: 2 });
    await enqueueJob(db, { queue: 'broken', payload: {} });
    await enqueueJob(db, { queue: 'fine', payload: {} });
    await worker.drain();

    const byQueue = async (queue: string) => (await db.select().from(jobs).where(eq(jobs.queue, queue)))[0];
    expect(await byQueue('fine')).toMatchObject({ status: 'done' });
    expect(await byQueue('broken')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'PermanentJobError: bad payload',
    });
    const flaky = await byQueue('flaky');
    expect(flaky).toMatchObject({ status: 'queued', attempts: 1, lastError: 'provider timed out' });
    expect(flaky?.runAt.getTime()).toBeGreaterThan(Date.now());

    await db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.queue, 'flaky'));
    await worker.drain();
    expect(await byQueue('flaky')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(seen.sort()).toEqual(['broken', 'fine', 'flaky#1', 'flaky#2']);
  });

  test('a batched queue gets its claimed jobs in one call, one job per sequence at a time, and each settles as it answered', async () => {
    const { db } = handle;
    const calls: string[][] = [];
    const worker = new JobWorker({
      db,
      logger,
      batchSize: 10,
      handlers: [
        handleBatch(
          sendQueue,
          async (batch) => {
            calls.push(batch.map((job) => String(job.payload.n)));
            const errors = new Map<number, unknown>();
            for (const job of batch) {
              if (job.payload.n === 'paced')
                errors.set(job.id, new DeferJob(new Date(Date.now() + 60_000), 'paced'));
              if (job.payload.n === 'refused') errors.set(job.id, new PermanentJobError('refused for good'));
              if (job.payload.n === 'timeout') errors.set(job.id, new Error('timed out'));
            }
            return errors;
          },
          { inOrderOf: (payload) => payload.to },
        ),
      ],
    });
    for (const [n, to] of [
      ['a1', 'alice'],
      ['a2', 'alice'],
      ['b1', 'bob'],
      ['paced', 'carol'],
      ['refused', 'dan'],
      ['timeout', 'erin'],
    ] as const) {
      await enqueueJob(db, { queue: 'send', payload: { n, to } });
    }
    await worker.drain();

    // Alice's two jobs never share a call, and her second comes after her first.
    expect(calls[0]?.sort()).toEqual(['a1', 'b1', 'paced', 'refused', 'timeout']);
    expect(calls[1]).toEqual(['a2']);
    const byN = async (n: string) =>
      (await db.select().from(jobs)).find((job) => job.payload.n === n) ?? expect.fail(`no job ${n}`);
    for (const n of ['a1', 'a2', 'b1']) expect(await byN(n)).toMatchObject({ status: 'done' });
    expect(await byN('paced')).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await byN('refused')).toMatchObject({
      status: 'failed',
      lastError: 'PermanentJobError: refused for good',
    });
    const timedOut = await byN('timeout');
    expect(timedOut).toMatchObject({ status: 'queued', attempts: 1, lastError: 'timed out' });
    expect(timedOut.runAt.getTime()).toBeGreaterThan(Date.now());
  });

  test('the next job of a finished sequence is claimed at once, only when nothing earlier is left', async () => {
    const { db } = handle;
    for (const no of [1, 2, 3]) {
      await enqueueJob(db, { queue: 'send', payload: { n: no }, sequence: { key: 'conv-a', no } });
    }
    await enqueueJob(db, { queue: 'send', payload: { n: 'b1' }, sequence: { key: 'conv-b', no: 1 } });
    const [first] = await claimJobs(db, ['send'], 1, 60_000);
    expect(first?.payload.n).toBe(1);
    // While the first runs, its successor stays put.
    expect(await claimSequenceSuccessors(db, 'send', ['conv-a'], 60_000)).toEqual([]);
    await completeJobs(db, [first?.id ?? 0]);
    const [second, ...more] = await claimSequenceSuccessors(db, 'send', ['conv-a'], 60_000);
    expect(second?.payload.n).toBe(2);
    expect(more).toEqual([]);
    // A successor deferred to later is not due: nothing is taken, and the third waits behind it.
    await db
      .update(jobs)
      .set({ status: 'queued', runAt: new Date(Date.now() + 60_000) })
      .where(eq(jobs.id, second?.id ?? 0));
    expect(await claimSequenceSuccessors(db, 'send', ['conv-a'], 60_000)).toEqual([]);
    // Only the sequences named are looked at.
    expect(await claimSequenceSuccessors(db, 'other-queue', ['conv-b'], 60_000)).toEqual([]);
    const [b1] = await claimSequenceSuccessors(db, 'send', ['conv-b'], 60_000);
    expect(b1?.payload.n).toBe('b1');
  });

  test('a batched worker following sequences sends a burst to one patient in order, before claiming again', async () => {
    const { db } = handle;
    const calls: unknown[][] = [];
    const worker = new JobWorker({
      db,
      logger,
      batchSize: 1,
      followSequences: 5,
      handlers: [
        handleBatch(sendQueue, async (batch) => {
          calls.push(batch.map((job) => job.payload.n));
          // Something more urgent arrives meanwhile: a fresh claim would take it first.
          if (batch.some((job) => job.payload.n === 1))
            await enqueueJob(db, { queue: 'send', payload: { n: 'urgent' }, priority: -1 });
          return new Map();
        }),
      ],
    });
    for (const no of [1, 2, 3]) {
      await enqueueJob(db, { queue: 'send', payload: { n: no }, sequence: { key: 'conv-a', no } });
    }
    await worker.drain();
    expect(calls).toEqual([[1], [2], [3], ['urgent']]);
    expect((await db.select().from(jobs)).every((job) => job.status === 'done')).toBe(true);
  });

  test('failJob records an error text carrying U+0000, without it', async () => {
    const { db } = handle;
    await enqueueJob(db, { queue: 'q', payload: {} });
    const [job] = await claimJobs(db, ['q'], 1, 60_000);
    if (!job) throw new Error('no job claimed');
    const error = 'invalid byte sequence: params: J’ai mal\u0000 au ventre \ud83d';
    expect(await failJob(db, job, error, null)).toBe('failed');
    const [row] = await db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({
      status: 'failed',
      lastError: 'invalid byte sequence: params: J’ai mal au ventre ',
      lockedUntil: null,
    });
  });

  test('a failing job whose error quotes a NUL and a whole body is retried with a bounded error, and the worker goes on', async () => {
    const { db } = handle;
    const worker = new JobWorker({
      db,
      logger,
      handlers: [
        handleQueue(emptyQueue('poison'), async () => {
          throw new Error(`Failed query: insert … params: ${'x'.repeat(100_000)}\u0000`);
        }),
        handleQueue(emptyQueue('fine'), async () => {}),
      ],
    });
    await enqueueJob(db, { queue: 'poison', payload: {} });
    await enqueueJob(db, { queue: 'fine', payload: {} });
    await expect(worker.drain()).resolves.toBe(2);
    const rows = await db.select().from(jobs);
    const poison = rows.find((job) => job.queue === 'poison');
    expect(poison).toMatchObject({ status: 'queued', attempts: 1, lockedUntil: null });
    expect(poison?.lastError).toMatch(/^Failed query: insert/);
    // The parameters (a patient's words, in real life) are dropped, not merely cut short.
    expect(poison?.lastError).not.toContain('xxx');
    expect(poison?.lastError).not.toContain('\u0000');
    expect(poison?.lastError?.length).toBeLessThanOrEqual(MAX_JOB_ERROR_LENGTH + 1);
    expect(rows.find((job) => job.queue === 'fine')).toMatchObject({ status: 'done' });
  });

  test('an error while settling a job never escapes the worker: the pass ends and the job waits for its lease', async () => {
    const { db } = handle;
    const unreadable = new Error();
    Object.defineProperty(unreadable, 'message', {
      get() {
        throw new Error('this error cannot even be read');
      },
    });
    const worker = new JobWorker({
      db,
      logger,
      pollIntervalMs: 10,
      handlers: [
        handleQueue(emptyQueue('unreadable'), async () => {
          throw unreadable;
        }),
      ],
    });
    await enqueueJob(db, { queue: 'unreadable', payload: {} });
    await expect(worker.drain()).resolves.toBe(0);
    // Started, the worker keeps polling past the same failure without an unhandled rejection.
    await db.update(jobs).set({ status: 'queued', lockedUntil: null });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop();
    expect((await db.select().from(jobs))[0]).toMatchObject({ status: 'running' });
  });
});
