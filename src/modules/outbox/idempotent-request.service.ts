import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { Keyring, Opener } from '../keys/keyring.ts';
import {
  claimKey,
  findKey,
  type KeyScope,
  purgeExpiredKeys,
  releaseKey,
  storeAnswer,
} from './idempotency-key.repository.ts';
import type { IdempotencyKeyRow } from './idempotency-key.schema.ts';

/** An HTTP answer as it is kept and replayed: status, content type, JSON body. */
export interface KeyedAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

/** The key was first used for another request (another body or target): 422 in the IETF draft. */
export class IdempotencyKeyReused extends Error {
  override name = 'IdempotencyKeyReused';
}

/** The first request with this key has not answered yet: 409 in the IETF draft; retry later. */
export class IdempotencyKeyInProgress extends Error {
  override name = 'IdempotencyKeyInProgress';
}

// The stored answer repeats the message (its text): sealed with the clinic's key, like the message.
const ANSWER_PURPOSE = 'idempotency_keys.response_sealed';

/** How long a first run holds its key: past this, a run that died (the transaction with it) is retried. */
const CLAIM_LEASE_MS = 30_000;
/** Keys past their retention removed by each keyed request. */
const PURGE_PER_REQUEST = 100;

/**
 * Runs `work` once per key, as draft-ietf-httpapi-idempotency-key-header asks: the first request with
 * a key runs, and its answer is stored in the same transaction as what it changed (so a crash leaves
 * both or neither); the same key with the same request gets that answer again; with another request,
 * IdempotencyKeyReused; while the first still runs, IdempotencyKeyInProgress. A run that throws changed
 * nothing and frees the key.
 */
export async function answerOnce(
  db: Db,
  keyring: Keyring,
  scope: KeyScope,
  fingerprint: string,
  work: (tx: DbOrTx) => Promise<KeyedAnswer>,
): Promise<{ answer: KeyedAnswer; replayed: boolean }> {
  await purgeExpiredKeys(db, PURGE_PER_REQUEST);
  // Twice: the first run may free its key between our claim and our look at it.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const claim = randomUUID();
    const taken = await claimKey(db, scope, fingerprint, claim, CLAIM_LEASE_MS);
    if (!taken) {
      const earlier = await findKey(db, scope);
      if (!earlier) continue;
      const opener = await keyring.opener(db, scope.orgId, [earlier.responseSealed]);
      return { answer: earlierAnswer(earlier, fingerprint, opener), replayed: true };
    }
    try {
      const answer = await db.transaction(async (tx) => {
        const result = await work(tx);
        const sealer = await keyring.clinic(tx, scope.orgId);
        const sealedBody = sealer.seal(JSON.stringify(result.body), ANSWER_PURPOSE);
        const stored = { status: result.status, contentType: result.contentType, sealedBody };
        // Another run took the key over (this one outlived its claim): it must not change anything.
        if (!(await storeAnswer(tx, taken.id, claim, stored))) throw new IdempotencyKeyInProgress();
        return result;
      });
      return { answer, replayed: false };
    } catch (error) {
      await releaseKey(db, taken.id, claim);
      throw error;
    }
  }
  throw new IdempotencyKeyInProgress();
}

function earlierAnswer(row: IdempotencyKeyRow, fingerprint: string, opener: Opener): KeyedAnswer {
  if (row.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
  if (row.responseStatus === null || row.responseType === null) throw new IdempotencyKeyInProgress();
  const json = opener.open(row.responseSealed, ANSWER_PURPOSE);
  const body: unknown = json === null ? row.responseBody : JSON.parse(json);
  return { status: row.responseStatus, contentType: row.responseType, body };
}
