import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type OrgRetentionRun, orgs } from './org.schema.ts';

/** For the privacy module's retention job: which clinics keep data for a limited time, and its last run. */

export function orgsWithRetention(db: DbOrTx, orgId?: string) {
  return db
    .select({
      id: orgs.id,
      textMonths: orgs.retentionTextMonths,
      fileMonths: orgs.retentionFileMonths,
    })
    .from(orgs)
    .where(
      and(
        or(isNotNull(orgs.retentionTextMonths), isNotNull(orgs.retentionFileMonths)),
        orgId ? eq(orgs.id, orgId) : undefined,
      ),
    );
}

export async function recordRetentionRun(db: DbOrTx, orgId: string, run: OrgRetentionRun): Promise<void> {
  await db.update(orgs).set({ retentionLastRun: run }).where(eq(orgs.id, orgId));
}
