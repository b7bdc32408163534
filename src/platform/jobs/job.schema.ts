import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The durable work queue, claimed with FOR UPDATE SKIP LOCKED so several workers can share it. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    queue: text('queue').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    orgId: uuid('org_id'),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    priority: integer('priority').notNull().default(0),
    runAt: timestamp('run_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key'),
    /**
     * Jobs of one sequence (a conversation's sends) are claimed one at a time in `sequenceNo` order:
     * none is claimed while an earlier one of its sequence is queued or running.
     */
    sequenceKey: text('sequence_key'),
    sequenceNo: bigint('sequence_no', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('jobs_ready_idx').on(t.priority, t.runAt).where(sql`${t.status} = 'queued'`),
    // Each clinic's earliest due jobs, found with one seek per clinic when claiming.
    index('jobs_org_due_idx').on(t.orgId, t.runAt, t.id).where(sql`${t.status} = 'queued'`),
    index('jobs_running_idx').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    uniqueIndex('jobs_dedupe_unique').on(t.queue, t.dedupeKey),
    index('jobs_sequence_idx')
      .on(t.sequenceKey, t.sequenceNo)
      .where(sql`${t.sequenceKey} is not null and ${t.status} in ('queued', 'running')`),
  ],
);

export type Job = typeof jobs.$inferSelect;
