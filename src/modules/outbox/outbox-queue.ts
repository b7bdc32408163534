/** The job queue that carries every outbound message to its channel. */
export const OUTBOX_SEND_QUEUE = 'outbox.send';
