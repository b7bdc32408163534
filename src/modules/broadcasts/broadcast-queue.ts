import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

/**
 * A broadcast's messages go into the outbox at this priority: after patients' replies (0), the
 * reminders' dispatch (1) and reminders (5). Larger goes later; the outbox paces it as bulk.
 */
export const BROADCAST_SEND_PRIORITY = 10;

/**
 * One pass of a broadcast: takes in a page of its audience and sends to the patients whose turn has
 * come, then queues the next pass. Bulk, so behind everything a patient waits for; the job queue takes
 * turns between clinics within a priority, so one clinic's broadcast never holds another clinic's.
 */
export const broadcastPassQueue = defineQueue(
  'broadcasts.pass',
  z.object({ orgId: z.uuid(), broadcastId: z.uuid() }),
  { priority: BROADCAST_SEND_PRIORITY, maxAttempts: 10 },
);

/** Queues pass number `pass` of the broadcast at `runAt` (at most once per pass: retries never double it). */
export async function enqueueBroadcastPass(
  db: DbOrTx,
  broadcast: { orgId: string; id: string },
  pass: number,
  runAt: Date,
): Promise<void> {
  await broadcastPassQueue.enqueue(
    db,
    { orgId: broadcast.orgId, broadcastId: broadcast.id },
    { orgId: broadcast.orgId, runAt, dedupeKey: `${broadcast.id}:${pass}` },
  );
}
