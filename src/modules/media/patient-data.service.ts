import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { anyOf } from '../../platform/db/row-deletion.ts';
import type { Keyring } from '../keys/keyring.ts';
import { mediaFiles } from './media.schema.ts';
import { openMediaFileNames } from './media-file-name.ts';

/**
 * One patient's files, for the privacy module's export and erasure: the files of their messages, and
 * uploads staff sent them (named only in a message's details, so the caller says which).
 */

export async function fileIdsOfMessages(tx: DbOrTx, orgId: string, messageIds: string[]): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const rows = await tx
    .select({ id: mediaFiles.id })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.orgId, orgId), inArray(mediaFiles.messageId, messageIds)));
  return rows.map((row) => row.id);
}

/** Of these uploads, the ones tied to no message or to one of these messages. */
export async function sentFileIdsAmong(
  tx: DbOrTx,
  orgId: string,
  fileIds: string[],
  messageIds: string[],
): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const rows = await tx
    .select({ id: mediaFiles.id })
    .from(mediaFiles)
    .where(
      and(
        eq(mediaFiles.orgId, orgId),
        inArray(mediaFiles.id, fileIds),
        or(isNull(mediaFiles.messageId), inArray(mediaFiles.messageId, messageIds)),
      ),
    );
  return rows.map((row) => row.id);
}

/** The files of these messages and the untied uploads among `sentFileIds`, oldest first, names opened. */
export async function readFilesOfMessages(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  messageIds: string[],
  sentFileIds: string[],
) {
  if (messageIds.length === 0) return [];
  const sealed = await tx
    .select()
    .from(mediaFiles)
    .where(
      and(
        eq(mediaFiles.orgId, orgId),
        or(
          inArray(mediaFiles.messageId, messageIds),
          sentFileIds.length > 0
            ? and(isNull(mediaFiles.messageId), inArray(mediaFiles.id, sentFileIds))
            : undefined,
        ),
      ),
    )
    .orderBy(asc(mediaFiles.createdAt));
  return openMediaFileNames(tx, keyring, orgId, sealed);
}

/** The rows go; answers their storage keys, whose bytes the caller deletes once this is committed. */
export async function deleteFileRows(tx: DbOrTx, orgId: string, fileIds: string[]): Promise<string[]> {
  const rows = await tx
    .delete(mediaFiles)
    .where(and(eq(mediaFiles.orgId, orgId), anyOf(mediaFiles.id, fileIds)))
    .returning({ storageKey: mediaFiles.storageKey });
  return rows.flatMap((row) => (row.storageKey ? [row.storageKey] : []));
}
