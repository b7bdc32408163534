import type { Logger } from 'pino';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../platform/db/db.ts';
import type { PayloadOf } from '../../platform/jobs/define-queue.ts';
import type { GuardedFetch } from '../../platform/net/guarded-fetch.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import { EXPORT_DATASETS, type ExportDataset } from './export-datasets.ts';
import { CONTENT_TYPES, type ExportFormat } from './export-format.ts';
import { startOf } from './export-period.ts';
import { findExportSchedule, insertExportRun } from './export-schedule.repository.ts';
import type { ExportSchedule } from './export-schedule.schema.ts';
import {
  EXPORT_SECRET_PURPOSE,
  nextRunAfter,
  planRun,
  previousDay,
  timeZoneOf,
} from './export-schedule.service.ts';
import { exportChunks } from './export-stream.ts';
import { putObject, type S3Target } from './s3-put-object.ts';
import type { scheduledExportQueue } from './scheduled-export-queue.ts';

export interface ScheduledExportDeps {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  /** The guarded client: the endpoint is a URL the clinic gave. */
  outbound: GuardedFetch;
  /** Waits before each new try of a refused or failed upload (default 1 s, 5 s, 25 s). */
  retryDelaysMs?: readonly number[];
}

const RETRY_DELAYS_MS = [1_000, 5_000, 25_000];

/**
 * Writes one object per dataset for one day of the clinic (`<prefix>/<dataset>/<yyyy-mm-dd>.<ext>`),
 * the day before the run by default, and logs each object's outcome. A daily run plans the next one
 * first, so a crash in the middle does not stop the chain; a run planned for a time the schedule no
 * longer says (its hour changed, it was turned off) does nothing.
 */
export async function runScheduledExport(
  deps: ScheduledExportDeps,
  payload: PayloadOf<typeof scheduledExportQueue>,
): Promise<void> {
  const schedule = await findExportSchedule(deps.db, payload.orgId);
  if (!schedule) return;
  const timeZone = await timeZoneOf(deps.db, payload.orgId);
  const now = deps.clock.now();
  if (!payload.manual) {
    const planned = payload.plannedFor;
    if (!schedule.enabled || !planned || schedule.nextRunAt?.toISOString() !== planned) return;
    // After the planned time, not only after now: a job claimed by the database's clock a moment before
    // this process's would plan itself again, and its dedupe key would drop the next day's run.
    const after = new Date(Math.max(now.getTime(), Date.parse(planned)));
    await planRun(deps.db, payload.orgId, nextRunAfter(after, schedule.hour, timeZone));
  }
  const day = payload.day ?? previousDay(now, timeZone);
  const opener = await deps.keyring.opener(deps.db, payload.orgId, [schedule.secretAccessKey]);
  const secretAccessKey = opener.open(schedule.secretAccessKey, EXPORT_SECRET_PURPOSE);
  if (secretAccessKey === null) throw new Error('the export schedule’s secret cannot be opened');
  const target: S3Target = { ...schedule, secretAccessKey };
  for (const dataset of schedule.datasets.filter(isDataset)) {
    await exportOneDataset(deps, schedule, target, {
      dataset,
      day,
      timeZone,
      manual: payload.manual === true,
    });
  }
}

async function exportOneDataset(
  deps: ScheduledExportDeps,
  schedule: ExportSchedule,
  target: S3Target,
  run: { dataset: ExportDataset; day: string; timeZone: string; manual: boolean },
): Promise<void> {
  const startedAt = deps.clock.now();
  const first = Temporal.PlainDate.from(run.day);
  const key = objectKey(schedule.prefix, run.dataset, run.day, schedule.format);
  let rows = 0;
  const chunks: string[] = [];
  // The upload is one PUT of the day's file: a day of one clinic, read page by page, then sent.
  for await (const chunk of exportChunks(
    deps.db,
    deps.keyring,
    {
      orgId: schedule.orgId,
      dataset: run.dataset,
      format: schedule.format,
      from: startOf(first, run.timeZone),
      to: startOf(first.add({ days: 1 }), run.timeZone),
      // The warehouse is the clinic's own: it gets what an administrator's export holds.
      seesMedical: true,
    },
    {
      onRows: (n) => {
        rows += n;
      },
    },
  )) {
    chunks.push(chunk);
  }
  const body = Buffer.from(chunks.join(''), 'utf8');
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  let attempts = 0;
  let error: string | null = null;
  for (;;) {
    attempts++;
    const result = await putObject(deps.outbound, target, key, body, CONTENT_TYPES[schedule.format]);
    if (result.ok) {
      error = null;
      break;
    }
    error = result.error;
    const delay = delays[attempts - 1];
    if (!result.retry || delay === undefined) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  await insertExportRun(deps.db, {
    orgId: schedule.orgId,
    day: run.day,
    dataset: run.dataset,
    objectKey: key,
    trigger: run.manual ? 'manual' : 'schedule',
    status: error === null ? 'done' : 'failed',
    rows,
    bytes: body.length,
    attempts,
    error,
    startedAt,
    finishedAt: deps.clock.now(),
  });
  if (error !== null) {
    deps.logger.warn(
      { orgId: schedule.orgId, dataset: run.dataset, day: run.day, error },
      'scheduled export failed',
    );
  }
}

export function objectKey(prefix: string, dataset: ExportDataset, day: string, format: ExportFormat): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return `${trimmed ? `${trimmed}/` : ''}${dataset}/${day}.${format}`;
}

function isDataset(name: string): name is ExportDataset {
  return (EXPORT_DATASETS as readonly string[]).includes(name);
}
