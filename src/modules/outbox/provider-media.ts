import { carelineMediaIdsIn } from '../../channels/careline-media-ids.ts';
import type { Db } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findMediaFile, updateMediaFile } from '../media/media.service.ts';
import { openMediaFileName } from '../media/media-file-name.ts';
import type { ChannelSender } from './channel-sender.ts';

const UPLOAD_REUSE_MS = 29 * 24 * 3_600_000;

export class MediaUploadError extends Error {
  readonly disposition: 'retry' | 'fail';

  constructor(disposition: 'retry' | 'fail', message: string) {
    super(message);
    this.disposition = disposition;
    this.name = 'MediaUploadError';
  }
}

/** A clinic's stored file by its Careline media id, for a channel that takes files with the message. */
export async function loadCarelineMedia(
  deps: { db: Db; keyring: Keyring; mediaStore: MediaStore },
  orgId: string,
  mediaId: string,
): Promise<{ bytes: Buffer; mimeType: string; fileName: string | null }> {
  const file = await openMediaFileName(
    deps.db,
    deps.keyring,
    orgId,
    await findMediaFile(deps.db, orgId, mediaId),
  );
  if (!file?.storageKey || file.status !== 'stored') {
    throw new MediaUploadError('fail', `media ${mediaId} is not a stored file of this clinic`);
  }
  const stored = await deps.mediaStore.get(orgId, file.storageKey);
  return { bytes: stored.bytes, mimeType: file.mimeType ?? stored.mimeType, fileName: file.fileName };
}

/**
 * Provider ids for the Careline media a message points at, uploading each file once (and again after
 * Meta forgets it, 30 days on). Ids that are not Careline media ids are taken as the provider's own.
 */
export async function providerMediaIdsFor(
  deps: { db: Db; clock: Clock; keyring: Keyring; mediaStore: MediaStore },
  account: ChannelAccount,
  sender: ChannelSender,
  message: unknown,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  if (sender.uploadsAtSend) return ids;
  for (const mediaId of carelineMediaIdsIn(message)) {
    const file = await openMediaFileName(
      deps.db,
      deps.keyring,
      account.orgId,
      await findMediaFile(deps.db, account.orgId, mediaId),
    );
    if (!file?.storageKey || file.status !== 'stored') {
      throw new MediaUploadError('fail', `media ${mediaId} is not a stored file of this clinic`);
    }
    const fresh =
      file.providerUploadedAt && deps.clock.nowMs() - file.providerUploadedAt.getTime() < UPLOAD_REUSE_MS;
    if (file.providerMediaId && fresh && file.channelAccountId === account.id) {
      ids[mediaId] = file.providerMediaId;
      continue;
    }
    const stored = await deps.mediaStore.get(account.orgId, file.storageKey);
    const uploaded = await sender.uploadMedia(account, {
      bytes: stored.bytes,
      mimeType: file.mimeType ?? stored.mimeType,
      fileName: file.fileName,
    });
    if (!uploaded.ok) throw new MediaUploadError(uploaded.disposition, uploaded.title);
    await updateMediaFile(deps.db, file.id, {
      providerMediaId: uploaded.providerMediaId,
      providerUploadedAt: deps.clock.now(),
      channelAccountId: account.id,
    });
    ids[mediaId] = uploaded.providerMediaId;
  }
  return ids;
}
