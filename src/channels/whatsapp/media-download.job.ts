import type { Logger } from 'pino';
import { findChannelAccount } from '../../modules/channel-accounts/channel-account.repository.ts';
import { findMessage } from '../../modules/inbox/message.repository.ts';
import { cleanFileName } from '../../modules/media/content-disposition.ts';
import { findMediaFile, insertMediaFile, updateMediaFile } from '../../modules/media/media.repository.ts';
import { confirmedType } from '../../modules/media/media-types.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { Job } from '../../platform/jobs/job.schema.ts';
import { enqueueJob } from '../../platform/jobs/job-queue.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { SNIFF_BYTES } from '../../platform/media/sniff-media-type.ts';
import type { MediaRef } from '../inbound-event.ts';
import { GraphMediaClient, MediaTransferError, type WhatsAppMediaKind } from './graph-media-client.ts';

export const WHATSAPP_MEDIA_DOWNLOAD_QUEUE = 'whatsapp.media.download';

/** Registers the media of a stored inbound message and queues their downloads. */
export async function queueMediaDownloads(
  db: DbOrTx,
  stored: { orgId: string; messageId: string; channelAccountId: string },
): Promise<void> {
  const message = await findMessage(db, stored.orgId, stored.messageId);
  const refs = Array.isArray(message?.content?.media) ? message.content.media : [];
  for (const ref of refs.filter(isMediaRef)) {
    if (!ref.id) continue;
    await db.transaction(async (tx) => {
      const file = await insertMediaFile(tx, {
        orgId: stored.orgId,
        messageId: stored.messageId,
        channelAccountId: stored.channelAccountId,
        kind: ref.kind,
        mimeType: ref.mimeType,
        fileName: cleanFileName(ref.fileName),
        providerMediaId: ref.id,
        status: 'pending',
      });
      await enqueueJob(tx, {
        queue: WHATSAPP_MEDIA_DOWNLOAD_QUEUE,
        payload: { orgId: stored.orgId, mediaFileId: file.id },
        orgId: stored.orgId,
        priority: 1,
        maxAttempts: 6,
        dedupeKey: file.id,
      });
    });
  }
}

/**
 * Fetches a patient's file from Meta (id → short-lived URL → download with the token), checks it and
 * keeps our own encrypted copy: Meta forgets webhook media after 7 days.
 */
export async function downloadWhatsAppMedia(
  deps: {
    db: Db;
    mediaStore: MediaStore;
    logger: Logger;
    whatsapp: { graphUrl: string; apiVersion: string };
  },
  job: Job,
): Promise<void> {
  const orgId = String(job.payload.orgId);
  const file = await findMediaFile(deps.db, orgId, String(job.payload.mediaFileId));
  if (!file || file.status === 'stored' || !file.providerMediaId || !file.channelAccountId) return;
  const account = await findChannelAccount(deps.db, orgId, file.channelAccountId);
  if (!account) throw new PermanentJobError('channel account removed');
  try {
    const downloaded = await new GraphMediaClient().downloadMedia(
      {
        graphUrl: account.settings.graphUrl ?? deps.whatsapp.graphUrl,
        apiVersion: account.settings.apiVersion ?? deps.whatsapp.apiVersion,
        accessToken: account.secrets.accessToken,
        phoneNumberId: account.externalId,
      },
      file.providerMediaId,
      isWhatsAppKind(file.kind) ? { kind: file.kind } : {},
    );
    // Kept whatever it is (it is the patient's message), but typed from its bytes: a "document" that is
    // really a web page is recorded, and served, as opaque bytes to download, never as what it claims.
    const head = downloaded.bytes.subarray(0, SNIFF_BYTES);
    const mimeType = confirmedType(downloaded.mimeType, head, file.fileName) ?? 'application/octet-stream';
    const stored = await deps.mediaStore.put({
      orgId,
      bytes: downloaded.bytes,
      mimeType,
      ...(file.fileName ? { fileName: file.fileName } : {}),
    });
    await updateMediaFile(deps.db, file.id, {
      status: 'stored',
      storageKey: stored.key,
      sha256: stored.sha256,
      size: stored.size,
      mimeType,
      storedAt: new Date(),
      error: null,
    });
  } catch (error) {
    if (!(error instanceof MediaTransferError)) throw error;
    if (error.disposition === 'retry' && job.attempts < job.maxAttempts) throw error;
    deps.logger.warn({ mediaFileId: file.id, problem: error.problem }, 'media download failed');
    await updateMediaFile(deps.db, file.id, { status: 'failed', error: error.message });
  }
}

function isMediaRef(value: unknown): value is MediaRef {
  return typeof value === 'object' && value !== null && 'kind' in value && 'id' in value;
}

function isWhatsAppKind(kind: string): kind is WhatsAppMediaKind {
  return ['audio', 'document', 'image', 'video', 'sticker'].includes(kind);
}
