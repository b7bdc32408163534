import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { recordChange } from '../audit/audit.service.ts';
import { auditExport, changeCallerOf } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import { EXPORT_DATASETS } from './export-datasets.ts';
import { EXPORT_FORMATS } from './export-format.ts';
import type { ExportRun } from './export-schedule.schema.ts';
import {
  type ExportScheduleView,
  exportScheduleOf,
  queueExportNow,
  SecretRequiredError,
  saveExportSchedule,
} from './export-schedule.service.ts';
import { isDotSegment } from './s3-put-object.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const scheduleBody = z.object({
  endpoint: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .max(500, 'must be at most 500 characters'),
  region: text(64).regex(/^[a-z0-9-]+$/, 'letters, digits and dashes (eu-west-3, us-east-1, fr-par)'),
  bucket: text(63).regex(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'must be a bucket name (3–63 lower-case letters, digits, dots, dashes)',
  ),
  prefix: text(200)
    .regex(/^[A-Za-z0-9!_.*'()/-]*$/, "letters, digits, slashes and !_.*'()- only")
    .refine(
      (prefix) => !prefix.split('/').some(isDotSegment),
      'no . or .. between slashes: the objects would land outside the bucket',
    )
    .default(''),
  access_key_id: text(128)
    .min(1, 'is required')
    .regex(/^[\x21-\x7e]+$/, 'printable characters without spaces'),
  secret_access_key: z
    .string()
    .min(1, 'must not be empty (leave it out to keep the stored one)')
    .max(256)
    .regex(/^[\x21-\x7e]+$/, 'printable characters without spaces')
    .optional()
    .describe('Write-only: never shown back; leave it out to keep the stored one'),
  datasets: z
    .array(z.enum(EXPORT_DATASETS))
    .min(1, 'choose at least one dataset')
    .max(EXPORT_DATASETS.length),
  format: z.enum(EXPORT_FORMATS),
  hour: z.number().int('must be a whole hour').min(0).max(23).describe('Hour of the day, clinic time'),
  enabled: z.boolean(),
});

const scheduleJson = z
  .object({
    endpoint: z.string(),
    region: z.string(),
    bucket: z.string(),
    prefix: z.string(),
    access_key_id: z.string(),
    secret_access_key_set: z.literal(true).describe('The secret is stored (sealed); it is never shown'),
    datasets: z.array(z.string()),
    format: z.enum(EXPORT_FORMATS),
    hour: z.number().int(),
    enabled: z.boolean(),
    next_run_at: z.iso.datetime().nullable(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'ExportSchedule' });

const runJson = z
  .object({
    id: z.uuid(),
    day: z.string(),
    dataset: z.string(),
    object_key: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    status: z.enum(['done', 'failed']),
    rows: z.number().int(),
    bytes: z.number().int(),
    attempts: z.number().int(),
    error: z.string().nullable(),
    started_at: z.iso.datetime(),
    finished_at: z.iso.datetime(),
  })
  .meta({ id: 'ExportRun' });

/** The scheduled export to a bucket: read by exports.read, changed and run by settings.manage. */
export function exportScheduleRoutes(deps: {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  wake: () => void;
}): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/exports/schedule',
      {
        config: { access: 'exports.read' },
        schema: {
          tags: ['exports'],
          summary: 'The scheduled export to an S3-compatible bucket and its last runs (no secret)',
          response: {
            200: z.object({ schedule: scheduleJson.nullable(), runs: z.array(runJson) }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { schedule, runs } = await exportScheduleOf(db, callerOf(request).orgId);
        return { schedule: schedule ? toScheduleJson(schedule) : null, runs: runs.map(toRunJson) };
      },
    );

    app.put(
      '/exports/schedule',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['exports'],
          summary: 'Set the daily export to an S3-compatible bucket',
          description:
            'Each day at `hour` (clinic time) the previous day of each dataset is written to ' +
            '`<prefix>/<dataset>/<yyyy-mm-dd>.<csv|ndjson>`, signed with AWS Signature V4. The secret is ' +
            'sealed at rest and never shown back. The endpoint is called through the guarded client: an ' +
            'internal address needs OUTBOUND_ALLOWED_HOSTS.',
          body: scheduleBody,
          response: { 200: scheduleJson, ...errors },
        },
      },
      async (request) => {
        const { orgId, actor } = changeCallerOf(request);
        const body = request.body;
        const now = deps.clock.now();
        try {
          const saved = await db.transaction(async (tx) => {
            const schedule = await saveExportSchedule(tx, deps.keyring, {
              orgId,
              now,
              schedule: {
                endpoint: body.endpoint,
                region: body.region,
                bucket: body.bucket,
                prefix: body.prefix,
                accessKeyId: body.access_key_id,
                secretAccessKey: body.secret_access_key,
                datasets: body.datasets,
                format: body.format,
                hour: body.hour,
                enabled: body.enabled,
              },
            });
            const recorded = await recordChange(tx, {
              orgId,
              recorded: now,
              actor,
              subtype: 'export-schedule',
              action: 'U',
              entity: { type: 'ExportSchedule', id: orgId },
            });
            if (!recorded) throw new HttpProblem(428, 'Give a reason in the X-Access-Reason header');
            return schedule;
          });
          deps.wake();
          return toScheduleJson(saved);
        } catch (error) {
          if (error instanceof SecretRequiredError)
            throw HttpProblem.badField('body.secret_access_key', error.message);
          throw error;
        }
      },
    );

    app.post(
      '/exports/schedule/run',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['exports'],
          summary: 'Run the scheduled export now, for yesterday (clinic time) or the day given',
          body: z.object({ day: z.iso.date('must be a date (YYYY-MM-DD)').optional() }).default({}),
          response: { 202: z.object({ day: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        const queued = await queueExportNow(db, {
          orgId: callerOf(request).orgId,
          now: deps.clock.now(),
          day: request.body.day,
        });
        if (!queued) throw HttpProblem.notFound('Export schedule');
        // A day of every patient leaves for the bucket at this person's request: recorded like a download.
        await auditExport(request, 'scheduled-export-run', [
          { type: 'Dataset', id: `scheduled ${queued.day}`, patient: null },
        ]);
        deps.wake();
        return reply.code(202).send(queued);
      },
    );
  };
}

function toScheduleJson(s: ExportScheduleView): z.infer<typeof scheduleJson> {
  return {
    endpoint: s.endpoint,
    region: s.region,
    bucket: s.bucket,
    prefix: s.prefix,
    access_key_id: s.accessKeyId,
    secret_access_key_set: true,
    datasets: s.datasets,
    format: s.format,
    hour: s.hour,
    enabled: s.enabled,
    next_run_at: s.nextRunAt?.toISOString() ?? null,
    updated_at: s.updatedAt.toISOString(),
  };
}

function toRunJson(r: ExportRun): z.infer<typeof runJson> {
  return {
    id: r.id,
    day: r.day,
    dataset: r.dataset,
    object_key: r.objectKey,
    trigger: r.trigger,
    status: r.status,
    rows: r.rows,
    bytes: r.bytes,
    attempts: r.attempts,
    error: r.error,
    started_at: r.startedAt.toISOString(),
    finished_at: r.finishedAt.toISOString(),
  };
}
