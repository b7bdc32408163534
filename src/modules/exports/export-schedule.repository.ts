import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ExportRun,
  type ExportSchedule,
  exportRuns,
  exportSchedules,
} from './export-schedule.schema.ts';

export async function findExportSchedule(db: DbOrTx, orgId: string): Promise<ExportSchedule | undefined> {
  const [row] = await db.select().from(exportSchedules).where(eq(exportSchedules.orgId, orgId));
  return row;
}

export async function upsertExportSchedule(
  db: DbOrTx,
  values: typeof exportSchedules.$inferInsert,
): Promise<ExportSchedule> {
  const { orgId: _orgId, ...changes } = values;
  const [row] = await db
    .insert(exportSchedules)
    .values(values)
    .onConflictDoUpdate({ target: exportSchedules.orgId, set: changes })
    .returning();
  if (!row) throw new Error('the export schedule was not written');
  return row;
}

export async function setNextRunAt(db: DbOrTx, orgId: string, at: Date | null): Promise<void> {
  await db.update(exportSchedules).set({ nextRunAt: at }).where(eq(exportSchedules.orgId, orgId));
}

export async function insertExportRun(db: DbOrTx, values: typeof exportRuns.$inferInsert): Promise<void> {
  await db.insert(exportRuns).values(values);
}

/** Newest first. */
export function latestExportRuns(db: DbOrTx, orgId: string, limit: number): Promise<ExportRun[]> {
  return db
    .select()
    .from(exportRuns)
    .where(and(eq(exportRuns.orgId, orgId)))
    .orderBy(desc(exportRuns.startedAt), desc(exportRuns.id))
    .limit(limit);
}
