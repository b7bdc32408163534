/** The job queue that carries every outbound message to its channel. */
export const OUTBOX_SEND_QUEUE = 'outbox.send';

/** A conversation's sends go out one at a time, in the order the messages were written. */
export function sendSequenceOf(message: { conversationId: string; seq: number }): {
  key: string;
  no: number;
} {
  return { key: `${OUTBOX_SEND_QUEUE}:${message.conversationId}`, no: message.seq };
}
