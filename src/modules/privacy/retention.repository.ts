import { and, asc, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { messages } from '../inbox/message.schema.ts';
import { mediaFiles } from '../media/media.schema.ts';
import { type OrgRetentionRun, orgs } from '../orgs/org.schema.ts';
import { redFlagEvents } from '../safety/red-flag-event.schema.ts';

/** What media_files.error says of a file the retention policy erased (the timeline shows it so). */
export const FILE_ERASED_BY_RETENTION = 'erased_by_retention_policy';

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

/** The oldest messages whose text the policy has not erased yet, a batch at a time. */
export function messagesToErase(tx: DbOrTx, orgId: string, before: Date, limit: number) {
  return tx
    .select({ id: messages.id, direction: messages.direction, content: messages.content })
    .from(messages)
    .where(
      and(eq(messages.orgId, orgId), lt(messages.occurredAt, before), isNull(messages.retentionErasedAt)),
    )
    .orderBy(asc(messages.occurredAt))
    .limit(limit);
}

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

/** Text, details (captions, places, names) and red-flag quotes go; the message stays, marked. */
export async function eraseMessageTexts(tx: DbOrTx, orgId: string, ids: string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  await tx
    .update(redFlagEvents)
    .set({ words: '' })
    .where(and(eq(redFlagEvents.orgId, orgId), inArray(redFlagEvents.messageId, ids)));
  const erased = await tx
    .update(messages)
    .set({ text: null, content: null, retentionErasedAt: at })
    .where(and(eq(messages.orgId, orgId), inArray(messages.id, ids), isNull(messages.retentionErasedAt)))
    .returning({ id: messages.id });
  return erased.length;
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

export async function recordRetentionRun(db: DbOrTx, orgId: string, run: OrgRetentionRun): Promise<void> {
  await db.update(orgs).set({ retentionLastRun: run }).where(eq(orgs.id, orgId));
}
