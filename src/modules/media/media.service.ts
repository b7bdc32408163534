import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { mediaOfMessages } from './media.repository.ts';
import type { MediaFile } from './media.schema.ts';
import { openMediaFileNames } from './media-file-name.ts';

// What other modules may read or change of media: they call this service, never the repository.
export {
  findMediaFile,
  insertMediaFile,
  recordMediaFailed,
  recordMediaStored,
  updateMediaFile,
} from './media.repository.ts';

/**
 * The files of these messages, their names opened (the timeline's attachments, handed to the inbox by
 * app.ts): those that came with them and the uploads they send. One query, and one for the keys.
 */
export async function attachmentsOfMessages(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  messageIds: readonly string[],
  sentFileIds: readonly string[],
): Promise<MediaFile[]> {
  return openMediaFileNames(db, keyring, orgId, await mediaOfMessages(db, orgId, messageIds, sentFileIds));
}
