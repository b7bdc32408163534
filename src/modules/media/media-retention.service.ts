import { and, asc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { mediaFiles } from './media.schema.ts';

/** A clinic's retention policy, on the files: the bytes go, the row stays without name or hash. */

/** What media_files.error says of a file the retention policy erased (the timeline shows it so). */
export const FILE_ERASED_BY_RETENTION = 'erased_by_retention_policy';

/**
 * Files staff sent are named only inside the message's details; before those go, the file is tied to
 * its message so the timeline still finds it (until the file policy erases it too).
 */
export async function tieSentFiles(tx: DbOrTx, orgId: string, links: ReadonlyMap<string, string>) {
  for (const [fileId, messageId] of links) {
    await tx
      .update(mediaFiles)
      .set({ messageId })
      .where(and(eq(mediaFiles.orgId, orgId), eq(mediaFiles.id, fileId), isNull(mediaFiles.messageId)));
  }
}

export function filesToErase(db: DbOrTx, orgId: string, before: Date, limit: number) {
  return db
    .select({ id: mediaFiles.id, storageKey: mediaFiles.storageKey })
    .from(mediaFiles)
    .where(
      and(eq(mediaFiles.orgId, orgId), lt(mediaFiles.createdAt, before), isNotNull(mediaFiles.storageKey)),
    )
    .orderBy(asc(mediaFiles.createdAt))
    .limit(limit);
}

/** The row stays (its message still shows a file was there) without name, hash or bytes. */
export async function markFileErased(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db
    .update(mediaFiles)
    .set({
      status: 'failed',
      error: FILE_ERASED_BY_RETENTION,
      storageKey: null,
      fileName: null,
      sha256: null,
    })
    .where(and(eq(mediaFiles.orgId, orgId), eq(mediaFiles.id, id)));
}
