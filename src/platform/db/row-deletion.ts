import { and, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db.ts';

/** `column IN (ids)`, and a match of nothing for an empty list (which `IN ()` cannot say). */
export function anyOf(column: SQLWrapper, ids: readonly string[]): SQL {
  return ids.length === 0 ? sql`false` : inArray(column, [...ids]);
}

/** Deletes what `where` selects and answers how many rows went. */
export async function deletedRows(
  tx: DbOrTx,
  table: PgTable & { id: PgColumn },
  where: SQL | undefined,
): Promise<number> {
  const rows = await tx.delete(table).where(where).returning({ id: table.id });
  return rows.length;
}

/** The clinic's rows that name this contact or one of these conversations; answers how many went. */
export function deleteRowsOfContact(
  tx: DbOrTx,
  table: PgTable & { id: PgColumn; orgId: PgColumn; contactId: PgColumn; conversationId: PgColumn },
  orgId: string,
  contactId: string,
  conversationIds: readonly string[],
): Promise<number> {
  return deletedRows(
    tx,
    table,
    and(
      eq(table.orgId, orgId),
      or(eq(table.contactId, contactId), anyOf(table.conversationId, conversationIds)),
    ),
  );
}
