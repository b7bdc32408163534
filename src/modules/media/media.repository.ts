import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type MediaFile, mediaFiles } from './media.schema.ts';

export async function insertMediaFile(
  db: DbOrTx,
  values: typeof mediaFiles.$inferInsert,
): Promise<MediaFile> {
  const [file] = await db.insert(mediaFiles).values(values).returning();
  if (!file) throw new Error('insert into media_files returned nothing');
  return file;
}

export async function findMediaFile(db: DbOrTx, orgId: string, id: string): Promise<MediaFile | undefined> {
  const [file] = await db
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.orgId, orgId), eq(mediaFiles.id, id)));
  return file;
}

export async function updateMediaFile(
  db: DbOrTx,
  id: string,
  values: Partial<typeof mediaFiles.$inferInsert>,
): Promise<void> {
  await db.update(mediaFiles).set(values).where(eq(mediaFiles.id, id));
}

/** Files received with these messages, and files (uploaded by agents) that these messages send. */
export async function mediaOfMessages(
  db: DbOrTx,
  orgId: string,
  messageIds: readonly string[],
  sentFileIds: readonly string[] = [],
): Promise<MediaFile[]> {
  if (messageIds.length === 0 && sentFileIds.length === 0) return [];
  const belongs = [
    ...(messageIds.length > 0 ? [inArray(mediaFiles.messageId, [...messageIds])] : []),
    ...(sentFileIds.length > 0 ? [inArray(mediaFiles.id, [...sentFileIds])] : []),
  ];
  return db
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.orgId, orgId), or(...belongs)));
}
