import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';

/**
 * A clinic's daily export to an S3-compatible bucket (its data warehouse): one object per dataset per
 * day. The secret access key is sealed with the clinic's key, like channel secrets.
 */
export const exportSchedules = pgTable('export_schedules', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  /** The S3 endpoint (https://s3.eu-west-3.amazonaws.com, a MinIO or Scaleway URL…); path-style requests. */
  endpoint: text('endpoint').notNull(),
  region: text('region').notNull(),
  bucket: text('bucket').notNull(),
  /** Prepended to each object's key, without slashes at either end; may be empty. */
  prefix: text('prefix').notNull().default(''),
  accessKeyId: text('access_key_id').notNull(),
  /** Sealed with the clinic's key (`cl1.…`). */
  secretAccessKey: text('secret_access_key').notNull(),
  datasets: text('datasets').array().notNull(),
  format: text('format', { enum: ['csv', 'ndjson'] }).notNull(),
  /** The hour of the day, in the clinic's time zone, the previous day is exported. */
  hour: integer('hour').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** The run the queue holds for this schedule: a job planned for another time (hour changed) does nothing. */
  nextRunAt: timestamp('next_run_at', { withTimezone: true, precision: 3 }),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** One object written (or not) by a scheduled or "run now" export: the run log an administrator reads. */
export const exportRuns = pgTable(
  'export_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The day exported (YYYY-MM-DD in the clinic's time zone). */
    day: text('day').notNull(),
    dataset: text('dataset').notNull(),
    objectKey: text('object_key').notNull(),
    trigger: text('trigger', { enum: ['schedule', 'manual'] }).notNull(),
    status: text('status', { enum: ['done', 'failed'] }).notNull(),
    rows: integer('rows').notNull().default(0),
    bytes: integer('bytes').notNull().default(0),
    attempts: integer('attempts').notNull(),
    /** What went wrong, in words with no secret: the bucket's error code or the network failure. */
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('export_runs_org_started_idx').on(t.orgId, t.startedAt)],
);

export type ExportSchedule = typeof exportSchedules.$inferSelect;
export type ExportRun = typeof exportRuns.$inferSelect;
