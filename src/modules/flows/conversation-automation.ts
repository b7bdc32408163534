import type { DbOrTx } from '../../platform/db/db.ts';
import { enqueueFlowJob } from './flow-queue.ts';

/** Hands a patient's new message to automation, in the transaction that stores it; once per message. */
export async function queueInboundAutomation(
  tx: DbOrTx,
  conversation: { orgId: string; id: string },
  message: { id: string },
): Promise<void> {
  await enqueueFlowJob(
    tx,
    { kind: 'inbound', orgId: conversation.orgId, conversationId: conversation.id },
    { dedupeKey: message.id },
  );
}

/** Starts what a closing by the care team starts (a satisfaction survey): once per closing, however often it is asked. */
export async function queueClosingAutomation(
  tx: DbOrTx,
  orgId: string,
  conversationId: string,
  now: Date,
): Promise<void> {
  await enqueueFlowJob(
    tx,
    { kind: 'closed', orgId, conversationId },
    { dedupeKey: `closed:${conversationId}:${now.toISOString()}` },
  );
}
