import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../db/create-db.ts';
import { defineQueue } from './define-queue.ts';
import { jobs } from './job.schema.ts';
import { enqueueJob } from './job-queue.ts';
import { JobWorker } from './job-worker.ts';
import { handleBatch, handle as handleQueue } from './queue-handler.ts';

const reminders = defineQueue(
  'test.reminders',
  z.object({ orgId: z.uuid(), patient: z.object({ name: z.string(), ageYears: z.number() }) }),
  { priority: 4, maxAttempts: 5 },
);
const ORG = '0f8c2a6e-3b1d-4c5e-9a7f-2d4b6c8e0a1b';

describe.each(TEST_ENGINES)('queues declared with their payload schema (%s)', (engine) => {
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

  test('a queue enqueues with its defaults, and its handler gets the payload parsed', async () => {
    const { db } = handle;
    const seen: unknown[] = [];
    const worker = new JobWorker({
      db,
      logger,
      handlers: [handleQueue(reminders, async (payload) => void seen.push(payload))],
    });
    await reminders.enqueue(
      db,
      { orgId: ORG, patient: { name: 'Camille', ageYears: 34 } },
      { dedupeKey: 'k' },
    );
    await reminders.enqueue(db, { orgId: ORG, patient: { name: 'Twice', ageYears: 1 } }, { dedupeKey: 'k' });

    const [row] = await db.select().from(jobs);
    expect(row).toMatchObject({ queue: 'test.reminders', priority: 4, maxAttempts: 5, dedupeKey: 'k' });
    await worker.drain();
    expect(seen).toEqual([{ orgId: ORG, patient: { name: 'Camille', ageYears: 34 } }]);
  });

  test('a malformed payload fails its job at once, naming the queue and the fields but no value; the next job still runs', async () => {
    const { db } = handle;
    const seen: string[] = [];
    const worker = new JobWorker({
      db,
      logger,
      handlers: [handleQueue(reminders, async (payload) => void seen.push(payload.patient.name))],
    });
    // As a job written by an older version, or by hand, might be: not through the typed queue.
    await enqueueJob(db, {
      queue: reminders.name,
      payload: { orgId: 'Jeanne Dupont', patient: { name: 'Jeanne Dupont', ageYears: '34' } },
      maxAttempts: 5,
    });
    await reminders.enqueue(db, { orgId: ORG, patient: { name: 'Camille', ageYears: 34 } });

    expect(await worker.drain()).toBe(2);

    expect(seen).toEqual(['Camille']);
    const [failed] = await db.select().from(jobs).where(eq(jobs.status, 'failed'));
    expect(failed).toMatchObject({ attempts: 1, lockedUntil: null });
    expect(failed?.lastError).toBe(
      'MalformedPayloadError: malformed test.reminders payload: orgId (not a valid uuid), patient.ageYears (expected number)',
    );
    expect(failed?.lastError).not.toContain('Jeanne');
    expect(failed?.lastError).not.toContain('34');
    // Failed for good: nothing left to run, however long one waits.
    await db.update(jobs).set({ runAt: new Date(0) });
    expect(await worker.drain()).toBe(0);
  });

  test('in a batched queue, a malformed payload fails alone and the others reach the handler', async () => {
    const { db } = handle;
    const calls: string[][] = [];
    const worker = new JobWorker({
      db,
      logger,
      handlers: [
        handleBatch(reminders, async (batch) => {
          calls.push(batch.map((job) => job.payload.patient.name));
          return new Map();
        }),
      ],
    });
    await reminders.enqueue(db, { orgId: ORG, patient: { name: 'Camille', ageYears: 34 } });
    await enqueueJob(db, { queue: reminders.name, payload: { orgId: ORG } });
    await reminders.enqueue(db, { orgId: ORG, patient: { name: 'Louis', ageYears: 7 } });

    await worker.drain();

    expect(calls).toEqual([['Camille', 'Louis']]);
    const rows = await db.select().from(jobs);
    expect(rows.filter((job) => job.status === 'done')).toHaveLength(2);
    expect(rows.find((job) => job.status === 'failed')).toMatchObject({
      attempts: 1,
      lastError: 'MalformedPayloadError: malformed test.reminders payload: patient (expected object)',
    });
  });
});
