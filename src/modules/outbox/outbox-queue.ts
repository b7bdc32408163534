import { z } from 'zod';
import { defineQueue } from '../../platform/jobs/define-queue.ts';

/** The job queue that carries every outbound message to its channel. */
export const outboxSendQueue = defineQueue(
  'outbox.send',
  z.object({
    messageId: z.uuid(),
    orgId: z.uuid(),
    // Jobs queued before sends were ordered by conversation do not name it; they still send.
    conversationId: z.uuid().optional(),
  }),
  { maxAttempts: 8 },
);

export type OutboxSendPayload = z.output<typeof outboxSendQueue.schema>;

/** A conversation's sends go out one at a time, in the order the messages were written. */
export function sendSequenceOf(message: { conversationId: string; seq: number }): {
  key: string;
  no: number;
} {
  return { key: `${outboxSendQueue.name}:${message.conversationId}`, no: message.seq };
}
