import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db.ts';
import { anyOf } from './row-deletion.ts';

/**
 * Points the clinic's rows selected by `column IN ids` at another contact (a merge of two records of one
 * patient, or its undoing). Answers the ids of the rows moved.
 */
export async function repointRows(
  tx: DbOrTx,
  table: PgTable & { id: PgColumn; orgId: PgColumn; contactId: PgColumn },
  orgId: string,
  column: PgColumn,
  ids: readonly string[],
  toContactId: string,
  extra?: SQL,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .update(table)
    .set({ contactId: toContactId } as never)
    .where(and(eq(table.orgId, orgId), anyOf(column, ids), extra))
    .returning({ id: table.id });
  return rows.map((row) => String(row.id));
}
