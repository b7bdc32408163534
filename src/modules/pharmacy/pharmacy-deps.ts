import type { Logger } from 'pino';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';

/** What prescription orders need: the database (or the transaction), keys, time, and the senders. */
export interface PharmacyDeps {
  db: DbOrTx;
  keyring: Keyring;
  clock: Clock;
  senders: SubmissionDeps['senders'];
  logger: Logger;
}

/** Who moved an order: a person or an API key of the clinic, the pharmacy (on a channel or its org), or Careline. */
export type OrderActor =
  | { kind: 'user'; userId: string }
  | { kind: 'api_key'; apiKeyId: string }
  | { kind: 'pharmacy'; userId?: string | null; via: 'api' | 'channel' }
  | { kind: 'system' };

export function actorOfCaller(caller: { userId: string | null; apiKeyId: string | null }): OrderActor {
  if (caller.userId) return { kind: 'user', userId: caller.userId };
  if (caller.apiKeyId) return { kind: 'api_key', apiKeyId: caller.apiKeyId };
  return { kind: 'system' };
}
