import type { DbOrTx } from '../../platform/db/db.ts';
import { auditChainHeadsOf, chainStretch } from './audit.repository.ts';
import { auditHash, canonicalAuditRecord, GENESIS_HASH } from './audit-chain.ts';

/** The first place a clinic's chain does not hold, and what differs there. */
export interface BrokenLink {
  seq: number;
  problem: string;
}

export interface ChainReport {
  orgId: string;
  checked: number;
  broken: BrokenLink | null;
}

const STRETCH = 1000;

/**
 * Walks each clinic's audit chain (or one clinic's) from its first record: seq must run 1, 2, 3… with no
 * gap, each prev_hash must be the hash before it, each hash must be what the record's content gives, and
 * the chain must end where its head says. Stops at the first broken link of each clinic.
 */
export async function verifyAuditChains(db: DbOrTx, orgId?: string): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const head of await auditChainHeadsOf(db, orgId)) reports.push(await verifyChain(db, head));
  return reports;
}

async function verifyChain(
  db: DbOrTx,
  head: { orgId: string; seq: number; hash: string },
): Promise<ChainReport> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  const report = (broken: BrokenLink | null): ChainReport => ({ orgId: head.orgId, checked, broken });
  for (;;) {
    const rows = await chainStretch(db, head.orgId, expectedSeq - 1, STRETCH);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return report({ seq: expectedSeq, problem: `record ${expectedSeq} is missing (next is ${row.seq})` });
      }
      if (row.prevHash !== previousHash) {
        return report({ seq: row.seq, problem: 'prev_hash is not the hash of the record before it' });
      }
      const recomputed = auditHash(row.prevHash, row.seq, canonicalAuditRecord(row));
      if (recomputed !== row.hash) {
        return report({
          seq: row.seq,
          problem: 'its content does not match its hash (a field was changed)',
        });
      }
      checked += 1;
      previousHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < STRETCH) break;
  }
  const last = expectedSeq - 1;
  if (last < head.seq) {
    return report({ seq: last + 1, problem: `records ${last + 1} to ${head.seq} are missing` });
  }
  if (head.seq > 0 && previousHash !== head.hash) {
    return report({ seq: last, problem: 'the last record is not the one the chain head holds' });
  }
  return report(null);
}
