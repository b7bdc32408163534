import type { Logger } from 'pino';
import { z } from 'zod';
import { carelineMediaIdsIn } from '../../channels/careline-media-ids.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { eraseMessageTexts, messagesToErase } from '../inbox/message-retention.service.ts';
import { openContents } from '../inbox/message-sealing.ts';
import type { Keyring } from '../keys/keyring.ts';
import { filesToErase, markFileErased, tieSentFiles } from '../media/media-retention.service.ts';
import { orgsWithRetention, recordRetentionRun } from '../orgs/org-retention-runs.service.ts';
import { clearRedFlagQuotes } from '../safety/red-flag-retention.service.ts';

/** The daily run (for every clinic) or one clinic's run after its policy changed. */
export const privacyRetentionQueue = defineQueue(
  'privacy.retention',
  z.object({ orgId: z.uuid().optional() }),
  { priority: 5, maxAttempts: 5 },
);

const DAY_MS = 86_400_000;
/** Runs at 03:00 UTC, when clinics are quiet. */
const RUN_HOUR_UTC = 3;
const MESSAGE_BATCH = 500;
const FILE_BATCH = 50;

export interface RetentionDeps {
  db: Db;
  keyring: Keyring;
  mediaStore: MediaStore;
  logger: Logger;
  clock: Clock;
}

/**
 * Applies each clinic's retention policy: message text and details older than its months erased (the
 * message stays, marked), files older than its months erased (bytes deleted, the row kept without name).
 * Appointments are kept. Batched (each batch its own short transaction) and idempotent: a run cut off
 * half-way is finished by the next. The daily run (no org in the payload) schedules the next one first.
 */
export async function runRetention(deps: RetentionDeps, payload: { orgId?: string } = {}): Promise<void> {
  const now = deps.clock.now();
  const { orgId } = payload;
  if (!orgId) await schedulePrivacyRetention(deps.db, nextRunAt(now));
  for (const org of await orgsWithRetention(deps.db, orgId)) {
    const texts =
      org.textMonths === null ? 0 : await eraseTexts(deps, org.id, monthsBefore(now, org.textMonths), now);
    const files =
      org.fileMonths === null ? 0 : await eraseFiles(deps, org.id, monthsBefore(now, org.fileMonths));
    await recordRetentionRun(deps.db, org.id, { at: now.toISOString(), texts, files });
    if (texts + files > 0) deps.logger.info({ orgId: org.id, texts, files }, 'retention policy applied');
  }
}

/** Queues the daily run at `at`, one per day however many processes start. */
export async function schedulePrivacyRetention(db: DbOrTx, at: Date): Promise<void> {
  await privacyRetentionQueue.enqueue(
    db,
    {},
    { runAt: at, dedupeKey: `day:${at.toISOString().slice(0, 10)}` },
  );
}

/** A clinic's policy just changed: applied now for that clinic, and the daily chain made sure of. */
export async function applyRetentionSoon(db: DbOrTx, orgId: string, now: Date): Promise<void> {
  await privacyRetentionQueue.enqueue(
    db,
    { orgId },
    { orgId, dedupeKey: `org:${orgId}:${now.toISOString()}` },
  );
  await schedulePrivacyRetention(db, nextRunAt(now));
}

async function eraseTexts(deps: RetentionDeps, orgId: string, before: Date, at: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const erased = await deps.db.transaction(async (tx) => {
      const batch = await messagesToErase(tx, orgId, before, MESSAGE_BATCH);
      const links = new Map<string, string>();
      const sent = batch.filter((m) => m.direction === 'outbound');
      const contents = await openContents(tx, deps.keyring, orgId, sent);
      sent.forEach((m, at) => {
        for (const fileId of carelineMediaIdsIn(contents[at] ?? null))
          if (!links.has(fileId)) links.set(fileId, m.id);
      });
      await tieSentFiles(tx, orgId, links);
      return {
        found: batch.length,
        erased: await eraseTextsAndQuotes(
          tx,
          orgId,
          batch.map((m) => m.id),
          at,
        ),
      };
    });
    total += erased.erased;
    if (erased.found < MESSAGE_BATCH) return total;
  }
}

/** Text, details (captions, places, names) and red-flag quotes go; the message stays, marked. */
async function eraseTextsAndQuotes(tx: DbOrTx, orgId: string, ids: string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  await clearRedFlagQuotes(tx, orgId, ids);
  return eraseMessageTexts(tx, orgId, ids, at);
}

/** Bytes first, then the row: a run stopped between the two finds the row again and finishes it. */
async function eraseFiles(deps: RetentionDeps, orgId: string, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await filesToErase(deps.db, orgId, before, FILE_BATCH);
    for (const file of batch) {
      if (file.storageKey) await deps.mediaStore.delete(orgId, file.storageKey);
      await markFileErased(deps.db, orgId, file.id);
      total += 1;
    }
    if (batch.length < FILE_BATCH) return total;
  }
}

/** N calendar months before `now` (the 31st falls back to the month's last day). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

function nextRunAt(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_HOUR_UTC);
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}
