import type { DbOrTx } from '../../platform/db/db.ts';

/** A message Careline sent that the provider failed: at the send call, or later by a status webhook. */
export interface OutboundFailure {
  orgId: string;
  messageId: string;
  channelAccountId: string;
  errorCode: number | null;
  errorTitle: string | null;
}

/**
 * Told of each failed outbound message in the transaction that records the failure. Modules above the
 * outbox (reminders: the next channel takes a reminder over) register here from app.ts, so the outbox
 * never imports them.
 */
export type OutboundFailureListener = (tx: DbOrTx, failure: OutboundFailure, now: Date) => Promise<void>;

const listeners = new Set<OutboundFailureListener>();

/** Registers a listener (the same function once, however many times; app.ts calls it at start). */
export function onOutboundFailure(listener: OutboundFailureListener): void {
  listeners.add(listener);
}

export async function notifyOutboundFailure(tx: DbOrTx, failure: OutboundFailure, now: Date): Promise<void> {
  for (const listener of listeners) await listener(tx, failure, now);
}
