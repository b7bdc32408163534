import type { Db } from '../../platform/db/db.ts';
import type { Keyring } from './keyring.ts';

/**
 * One kind of data an older Careline stored in plain text, sealed in place: `run` seals at most
 * `batchSize` rows that are still plain (and fills their blind-index terms) and returns how many it
 * sealed, 0 when none is left. Steps are idempotent and resumable; readers accept plain and sealed
 * values alike, so Careline serves while they run.
 */
export interface SealStep {
  name: string;
  run(db: Db, keyring: Keyring, options: { batchSize: number }): Promise<number>;
}

export interface SealReport {
  step: string;
  sealed: number;
}

/** Runs every step until it has nothing left, one short transaction (or statement) per batch. */
export async function sealInPlace(
  db: Db,
  keyring: Keyring,
  steps: readonly SealStep[],
  { batchSize = 500 }: { batchSize?: number } = {},
): Promise<SealReport[]> {
  const reports: SealReport[] = [];
  for (const step of steps) {
    let sealed = 0;
    for (;;) {
      const count = await step.run(db, keyring, { batchSize });
      sealed += count;
      if (count === 0) break;
    }
    reports.push({ step: step.name, sealed });
  }
  return reports;
}
