import { and, asc, eq, gt } from 'drizzle-orm';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db } from '../../platform/db/db.ts';
import { dataKeys } from './data-key.schema.ts';
import { Keyring } from './keyring.ts';

export interface RotationReport {
  checked: number;
  rewrapped: number;
}

/**
 * Re-wraps every data key still sealed by an older master key with the current one, in small
 * batches, each row updated only if nobody changed it meanwhile: Careline keeps serving while it runs,
 * since the old master key stays configured (not first) until this reports nothing left to do.
 */
export async function rotateDataKeys(
  db: Db,
  master: FieldCipher,
  { batchSize = 500 }: { batchSize?: number } = {},
): Promise<RotationReport> {
  const keyring = new Keyring(master);
  const report: RotationReport = { checked: 0, rewrapped: 0 };
  let after = '';
  for (;;) {
    const rows = await db
      .select({ id: dataKeys.id, orgId: dataKeys.orgId, wrapped: dataKeys.wrapped })
      .from(dataKeys)
      .where(gt(dataKeys.id, after))
      .orderBy(asc(dataKeys.id))
      .limit(batchSize);
    if (rows.length === 0) return report;
    for (const row of rows) {
      report.checked += 1;
      const rewrapped = keyring.rewrap(row);
      if (rewrapped === null) continue;
      const updated = await db
        .update(dataKeys)
        .set({ wrapped: rewrapped })
        .where(and(eq(dataKeys.id, row.id), eq(dataKeys.wrapped, row.wrapped)))
        .returning({ id: dataKeys.id });
      report.rewrapped += updated.length;
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
}
