import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { MediaFile } from './media.schema.ts';

/**
 * A file's name ("IRM genou droit.pdf") says something about the patient: sealed, with the patient's
 * key for what they sent, with the clinic's for what the staff upload (not anyone's until it is sent).
 */
export const MEDIA_FILE_NAME_PURPOSE = 'media_files.file_name';

/** The files with their names opened (one key query); a name whose key was destroyed reads as null. */
export async function openMediaFileNames<F extends Pick<MediaFile, 'fileName'>>(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  files: readonly F[],
): Promise<F[]> {
  if (files.length === 0) return [];
  const opener = await keyring.opener(
    db,
    orgId,
    files.map((f) => f.fileName),
  );
  return files.map((f) => ({ ...f, fileName: opener.open(f.fileName, MEDIA_FILE_NAME_PURPOSE) }));
}

/** One file opened: see `openMediaFileNames`. */
export async function openMediaFileName<F extends Pick<MediaFile, 'fileName'> | undefined>(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  file: F,
): Promise<F> {
  if (!file) return file;
  const [opened] = await openMediaFileNames(db, keyring, orgId, [file]);
  return (opened ?? file) as F;
}
