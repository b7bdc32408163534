import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type CannedReply, cannedReplies } from './canned-reply.schema.ts';

/** The new reply, or undefined when the clinic already has one with this shortcut. */
export async function insertCannedReplyIfNew(
  db: DbOrTx,
  values: typeof cannedReplies.$inferInsert,
): Promise<CannedReply | undefined> {
  const [reply] = await db.insert(cannedReplies).values(values).onConflictDoNothing().returning();
  return reply;
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
