import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { findOrgByRef, updateOrgRetention } from './org.repository.ts';
import type { OrgRetentionRun } from './org.schema.ts';

/** Up to 50 years: past that a clinic means "keep", which is an empty setting. */
export const RETENTION_MONTHS_MAX = 600;

export const retentionMonths = z
  .int('must be a whole number of months')
  .min(1, 'must be at least 1 month')
  .max(RETENTION_MONTHS_MAX, `must be at most ${RETENTION_MONTHS_MAX} months`)
  .nullable();

export interface OrgRetention {
  textMonths: number | null;
  fileMonths: number | null;
  lastRun: OrgRetentionRun | null;
}

export async function orgRetention(db: DbOrTx, orgId: string): Promise<OrgRetention | undefined> {
  const org = await findOrgByRef(db, orgId);
  return org
    ? {
        textMonths: org.retentionTextMonths,
        fileMonths: org.retentionFileMonths,
        lastRun: org.retentionLastRun,
      }
    : undefined;
}

export async function setOrgRetention(
  db: DbOrTx,
  orgId: string,
  policy: { textMonths: number | null; fileMonths: number | null },
): Promise<OrgRetention | undefined> {
  const org = await updateOrgRetention(db, orgId, {
    retentionTextMonths: policy.textMonths,
    retentionFileMonths: policy.fileMonths,
  });
  return org
    ? {
        textMonths: org.retentionTextMonths,
        fileMonths: org.retentionFileMonths,
        lastRun: org.retentionLastRun,
      }
    : undefined;
}
