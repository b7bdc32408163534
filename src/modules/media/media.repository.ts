import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { patientsOfMessages } from '../inbox/message-patient.service.ts';
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

/** A file and the patient whose conversation it belongs to (null for an upload not yet sent), in one query. */
export async function findMediaFileWithPatient(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<{ file: MediaFile; contactId: string | null } | undefined> {
  const patient = patientsOfMessages(db);
  const [row] = await db
    .select({ file: mediaFiles, contactId: patient.contactId })
    .from(mediaFiles)
    .leftJoin(patient, eq(patient.messageId, mediaFiles.messageId))
    .where(and(eq(mediaFiles.orgId, orgId), eq(mediaFiles.id, id)));
  return row;
}

export async function updateMediaFile(
  db: DbOrTx,
  id: string,
  values: Partial<typeof mediaFiles.$inferInsert>,
): Promise<void> {
  await db.update(mediaFiles).set(values).where(eq(mediaFiles.id, id));
}

/**
 * Records a received file as stored unless a copy was recorded first (a download that outlived its
 * job's lease ran twice): false then, and the caller's copy is surplus.
 */
export async function recordMediaStored(
  db: DbOrTx,
  orgId: string,
  id: string,
  stored: { storageKey: string; sha256: string; size: number; mimeType: string; storedAt: Date },
): Promise<boolean> {
  const updated = await db
    .update(mediaFiles)
    .set({ ...stored, status: 'stored', error: null })
    .where(and(eq(mediaFiles.orgId, orgId), eq(mediaFiles.id, id), ne(mediaFiles.status, 'stored')))
    .returning({ id: mediaFiles.id });
  return updated.length > 0;
}

/** Records why a received file could not be kept, unless another run of its download kept it. */
export async function recordMediaFailed(db: DbOrTx, orgId: string, id: string, error: string): Promise<void> {
  await db
    .update(mediaFiles)
    .set({ status: 'failed', error })
    .where(and(eq(mediaFiles.orgId, orgId), eq(mediaFiles.id, id), ne(mediaFiles.status, 'stored')));
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
