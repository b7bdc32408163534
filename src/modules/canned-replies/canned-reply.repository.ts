import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { type CannedReply, cannedReplies } from './canned-reply.schema.ts';

/** The new reply, or undefined when the clinic already has one with this shortcut. */
export async function insertCannedReplyIfNew(
  db: DbOrTx,
  values: typeof cannedReplies.$inferInsert,
): Promise<CannedReply | undefined> {
  const [reply] = await db.insert(cannedReplies).values(values).onConflictDoNothing().returning();
  return reply;
}

/**
 * The changed reply; undefined when it is not the clinic's; `'shortcut taken'` when another reply of
 * the clinic has that shortcut. A savepoint keeps the caller's transaction usable after the refusal.
 */
export async function updateCannedReplyIfShortcutFree(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<Pick<CannedReply, 'shortcut' | 'text' | 'language'>>,
): Promise<CannedReply | undefined | 'shortcut taken'> {
  try {
    return await db.transaction(async (savepoint) => {
      const [reply] = await savepoint
        .update(cannedReplies)
        .set(values)
        .where(and(eq(cannedReplies.orgId, orgId), eq(cannedReplies.id, id)))
        .returning();
      return reply;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'shortcut taken';
    throw error;
  }
}

/** In shortcut order (byte order, the same on every engine); `prefix` is matched literally (`_` is no wildcard). */
export async function listCannedRepliesPage(
  db: DbOrTx,
  orgId: string,
  filter: { prefix?: string; afterShortcut?: string; limit: number },
): Promise<CannedReply[]> {
  const { prefix, afterShortcut, limit } = filter;
  return db
    .select()
    .from(cannedReplies)
    .where(
      and(
        eq(cannedReplies.orgId, orgId),
        prefix ? sql`starts_with(${cannedReplies.shortcut}, ${prefix})` : undefined,
        afterShortcut !== undefined
          ? sql`${cannedReplies.shortcut} collate "C" > ${afterShortcut}`
          : undefined,
      ),
    )
    .orderBy(sql`${cannedReplies.shortcut} collate "C"`)
    .limit(limit + 1);
}

/** True when the clinic had this reply. */
export async function deleteCannedReply(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(cannedReplies)
    .where(and(eq(cannedReplies.orgId, orgId), eq(cannedReplies.id, id)))
    .returning({ id: cannedReplies.id });
  return deleted.length > 0;
}
