import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';
import { handle, type QueueHandler } from '../../platform/jobs/queue-handler.ts';
import { writeBackMessage } from './fhir-communication.service.ts';
import { fhirCommunicationQueue } from './fhir-communication-queue.ts';
import { runFhirImport } from './fhir-import.service.ts';
import { findConnection } from './fhir-sync.repository.ts';
import type { FhirSyncDeps } from './fhir-sync-deps.ts';
import { writeBackAppointment } from './fhir-write-back.service.ts';

/**
 * An import from the clinic's EHR. On demand, once (`runId` given to the caller); on a schedule, each run
 * queues the next one first, for as long as the connection stays as it was when the chain began
 * (`chain` is its `updated_at`): saving the settings starts a new chain and ends the old one.
 */
export const fhirImportQueue = defineQueue(
  'fhir_sync.import',
  z.object({ orgId: z.string().uuid(), runId: z.string().uuid(), chain: z.string().optional() }),
  { priority: 5, maxAttempts: 5 },
);

/** Queued by the `appointments_fhir_write_back` trigger (migration 0032), in the change's transaction. */
export const fhirAppointmentQueue = defineQueue(
  'fhir_sync.appointment',
  z.object({ orgId: z.string().uuid(), appointmentId: z.string().uuid() }),
  { maxAttempts: 12 },
);

/** A clinic's imports run one at a time: two at once would both create a patient new to Careline. */
function importSequence(orgId: string, runAt: Date) {
  return { key: `fhir_import:${orgId}`, no: runAt.getTime() * 1000 + Math.floor(Math.random() * 1000) };
}

/** Queues one import now; returns its run id (its entries in the sync log carry it). */
export async function queueFhirImport(db: DbOrTx, orgId: string, now: Date): Promise<string> {
  const runId = randomUUID();
  await fhirImportQueue.enqueue(db, { orgId, runId }, { orgId, sequence: importSequence(orgId, now) });
  return runId;
}

/** Starts the schedule of imports of a clinic whose connection was just saved (enabled). */
export async function startFhirImportSchedule(
  db: DbOrTx,
  orgId: string,
  connectionUpdatedAt: Date,
): Promise<void> {
  const chain = connectionUpdatedAt.toISOString();
  await fhirImportQueue.enqueue(
    db,
    { orgId, runId: randomUUID(), chain },
    { orgId, dedupeKey: `${orgId}:${chain}:0`, sequence: importSequence(orgId, connectionUpdatedAt) },
  );
}

export function fhirSyncJobHandlers(deps: FhirSyncDeps): QueueHandler[] {
  return [
    handle(fhirImportQueue, async (payload, job) => {
      const connection = await findConnection(deps.db, payload.orgId);
      if (payload.chain !== undefined) {
        if (!connection?.enabled || connection.updatedAt.toISOString() !== payload.chain) return;
        // The next run is queued before this one works: a failing EHR does not end the schedule.
        if (job.attempts <= 1) {
          const runAt = new Date(deps.clock.nowMs() + connection.importIntervalMinutes * 60_000);
          await fhirImportQueue.enqueue(
            deps.db,
            { orgId: payload.orgId, runId: randomUUID(), chain: payload.chain },
            {
              orgId: payload.orgId,
              runAt,
              dedupeKey: `${payload.orgId}:${payload.chain}:${runAt.getTime()}`,
              sequence: importSequence(payload.orgId, runAt),
            },
          );
        }
      }
      await runFhirImport(deps, payload.orgId, payload.runId);
    }),
    handle(fhirAppointmentQueue, (payload, job) =>
      writeBackAppointment(deps, { ...payload, attempts: job.attempts, maxAttempts: job.maxAttempts }),
    ),
    handle(fhirCommunicationQueue, (payload, job) =>
      writeBackMessage(deps, { ...payload, attempts: job.attempts, maxAttempts: job.maxAttempts }),
    ),
  ];
}
