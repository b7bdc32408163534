import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import type { ExportDataset } from './export-datasets.ts';
import type { ExportFormat } from './export-format.ts';
import {
  findExportSchedule,
  latestExportRuns,
  setNextRunAt,
  upsertExportSchedule,
} from './export-schedule.repository.ts';
import type { ExportRun, ExportSchedule } from './export-schedule.schema.ts';
import { scheduledExportQueue } from './scheduled-export-queue.ts';

export const EXPORT_SECRET_PURPOSE = 'export_schedules.secret_access_key';
/** How many runs (objects) the log shows. */
const RUNS_SHOWN = 50;

export interface ExportScheduleInput {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  /** Left out: the stored one is kept (the form never shows it back). */
  secretAccessKey?: string | undefined;
  datasets: ExportDataset[];
  format: ExportFormat;
  hour: number;
  enabled: boolean;
}

export class SecretRequiredError extends Error {
  constructor() {
    super('a secret access key is required the first time');
  }
}

/** The schedule as an administrator sees it: everything but the secret. */
export type ExportScheduleView = Omit<ExportSchedule, 'secretAccessKey'>;

export async function exportScheduleOf(
  db: DbOrTx,
  orgId: string,
): Promise<{ schedule: ExportScheduleView | null; runs: ExportRun[] }> {
  const schedule = await findExportSchedule(db, orgId);
  return {
    schedule: schedule ? withoutSecret(schedule) : null,
    runs: await latestExportRuns(db, orgId, RUNS_SHOWN),
  };
}

/** Saves the clinic's schedule and plans its next daily run (none while it is off). */
export async function saveExportSchedule(
  db: DbOrTx,
  keyring: Keyring,
  input: { orgId: string; now: Date; schedule: ExportScheduleInput },
): Promise<ExportScheduleView> {
  const { orgId, schedule } = input;
  const existing = await findExportSchedule(db, orgId);
  const secret = schedule.secretAccessKey
    ? (await keyring.clinic(db, orgId)).seal(schedule.secretAccessKey, EXPORT_SECRET_PURPOSE)
    : existing?.secretAccessKey;
  if (!secret) throw new SecretRequiredError();
  const timeZone = await timeZoneOf(db, orgId);
  const nextRunAt = schedule.enabled ? nextRunAfter(input.now, schedule.hour, timeZone) : null;
  const saved = await upsertExportSchedule(db, {
    orgId,
    endpoint: schedule.endpoint,
    region: schedule.region,
    bucket: schedule.bucket,
    prefix: schedule.prefix,
    accessKeyId: schedule.accessKeyId,
    secretAccessKey: secret,
    datasets: [...new Set(schedule.datasets)],
    format: schedule.format,
    hour: schedule.hour,
    enabled: schedule.enabled,
    nextRunAt,
    updatedAt: input.now,
  });
  if (nextRunAt) await planRun(db, orgId, nextRunAt);
  return withoutSecret(saved);
}

/** "Run now": the previous day (or the day asked), exported at once, whether the schedule is on or off. */
export async function queueExportNow(
  db: DbOrTx,
  input: { orgId: string; now: Date; day?: string | undefined },
): Promise<{ day: string } | undefined> {
  if (!(await findExportSchedule(db, input.orgId))) return undefined;
  const day = input.day ?? previousDay(input.now, await timeZoneOf(db, input.orgId));
  await scheduledExportQueue.enqueue(
    db,
    { orgId: input.orgId, day, manual: true },
    { orgId: input.orgId, dedupeKey: `exports:${input.orgId}:now:${input.now.toISOString()}` },
  );
  return { day };
}

/** Plans the daily run at `at` (one job per clinic and time, however often it is saved). */
export async function planRun(db: DbOrTx, orgId: string, at: Date): Promise<void> {
  await setNextRunAt(db, orgId, at);
  await scheduledExportQueue.enqueue(
    db,
    { orgId, plannedFor: at.toISOString() },
    { orgId, runAt: at, dedupeKey: `exports:${orgId}:${at.toISOString()}` },
  );
}

export async function timeZoneOf(db: DbOrTx, orgId: string): Promise<string> {
  return (await findOrgByRef(db, orgId))?.timeZone ?? 'UTC';
}

/** The next time the clock shows `hour`:00 in the clinic's time zone, strictly after `now`. */
export function nextRunAfter(now: Date, hour: number, timeZone: string): Date {
  const today = zoned(now, timeZone).toPlainDate();
  for (const days of [0, 1, 2]) {
    const at = today.add({ days }).toZonedDateTime({ timeZone, plainTime: { hour } }).epochMilliseconds;
    if (at > now.getTime()) return new Date(at);
  }
  throw new Error('no next run within two days');
}

/** Yesterday in the clinic's time zone, YYYY-MM-DD. */
export function previousDay(now: Date, timeZone: string): string {
  return zoned(now, timeZone).toPlainDate().subtract({ days: 1 }).toString();
}

function zoned(at: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
}

function withoutSecret(schedule: ExportSchedule): ExportScheduleView {
  const { secretAccessKey: _secret, ...view } = schedule;
  return view;
}
