import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

const httpRequestSchema = z.object({
  requestId: z.string(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.json().optional(),
  timeoutMs: z.number(),
});

const flowJobSchema = z.discriminatedUnion('kind', [
  /** A patient wrote: the conversation's new messages are handed to automation in order. */
  z.object({ kind: z.literal('inbound'), orgId: z.uuid(), conversationId: z.uuid() }),
  z.object({ kind: z.literal('closed'), orgId: z.uuid(), conversationId: z.uuid() }),
  z.object({
    kind: z.literal('timer'),
    orgId: z.uuid(),
    conversationId: z.uuid(),
    sessionId: z.uuid(),
    timerId: z.string(),
  }),
  z.object({
    kind: z.literal('http'),
    orgId: z.uuid(),
    conversationId: z.uuid(),
    sessionId: z.uuid(),
    /**
     * Sealed with the patient's key (`cl1.…`): its body and headers may carry their answers and the
     * clinic's credentials, and job rows outlive the call. Jobs queued before encryption hold it plain.
     */
    request: z.union([httpRequestSchema, z.string()]),
  }),
]);

/** Everything that moves automation on goes through this queue, so it survives restarts. */
export const flowsQueue = defineQueue('flows.event', flowJobSchema, {
  // Automation answers a patient who is waiting: as urgent as an agent's reply.
  priority: 0,
});

export type FlowJob = z.infer<typeof flowJobSchema>;
export type FlowHttpRequest = z.infer<typeof httpRequestSchema>;
export const FLOW_HTTP_REQUEST_PURPOSE = 'jobs.payload.request';

/** A sealed request opened, or null when its patient was erased meanwhile. */
export function parseFlowHttpRequest(json: string | null): FlowHttpRequest | null {
  return json === null ? null : httpRequestSchema.parse(JSON.parse(json));
}

/**
 * Enqueues in the caller's transaction: a patient's message and the job that hands it to automation
 * exist together or not at all. `dedupeKey` makes a replayed event enqueue nothing.
 */
export async function enqueueFlowJob(
  db: DbOrTx,
  job: FlowJob,
  options: { runAt?: Date; dedupeKey?: string } = {},
): Promise<void> {
  await flowsQueue.enqueue(db, job, {
    orgId: job.orgId,
    ...(options.runAt ? { runAt: options.runAt } : {}),
    ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}),
  });
}
