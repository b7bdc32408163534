import type { Logger } from 'pino';
import { z } from 'zod';
import { findChannelAccount } from '../../modules/channel-accounts/channel-account.repository.ts';
import type { SecretsOf } from '../../modules/channel-accounts/channel-secrets.ts';
import { findConversation } from '../../modules/inbox/conversation.repository.ts';
import { findMessage } from '../../modules/inbox/message.repository.ts';
import { openOneMessage } from '../../modules/inbox/message-sealing.ts';
import type { Keyring } from '../../modules/keys/keyring.ts';
import { cleanFileName } from '../../modules/media/content-disposition.ts';
import {
  findMediaFile,
  insertMediaFile,
  recordMediaFailed,
  recordMediaStored,
} from '../../modules/media/media.repository.ts';
import { MEDIA_FILE_NAME_PURPOSE, openMediaFileName } from '../../modules/media/media-file-name.ts';
import { confirmedType } from '../../modules/media/media-types.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { defineQueue, type QueueJob } from '../../platform/jobs/define-queue.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { readHead, rejoined } from '../../platform/media/read-head.ts';
import { SNIFF_BYTES } from '../../platform/media/sniff-media-type.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { MediaRef } from '../inbound-event.ts';
import { GraphMediaClient, MediaTransferError, type WhatsAppMediaKind } from './graph-media-client.ts';

/** A patient's file to fetch from Meta before Meta forgets it. */
export const whatsappMediaDownloadQueue = defineQueue(
  'whatsapp.media.download',
  z.object({ orgId: z.uuid(), mediaFileId: z.uuid() }),
  { priority: 1, maxAttempts: 6 },
);

/**
 * Fetches a patient's file from Meta (id → short-lived URL → download with the token) and keeps our own
 * encrypted copy: Meta forgets webhook media after 7 days. The bytes go to the store as they arrive
 * (documents reach 100 MB, several download at once), typed from their first bytes, cut off at the
 * kind's limit; a download that fails half-way leaves nothing in the store.
 */
export async function downloadWhatsAppMedia(
  deps: {
    db: Db;
    clock: Clock;
    keyring: Keyring;
    mediaStore: MediaStore;
    logger: Logger;
    whatsapp: { graphUrl: string; apiVersion: string };
    secretsOf: SecretsOf;
  },
  job: QueueJob<z.output<typeof whatsappMediaDownloadQueue.schema>>,
): Promise<void> {
  const { orgId, mediaFileId } = job.payload;
  const file = await openMediaFileName(
    deps.db,
    deps.keyring,
    orgId,
    await findMediaFile(deps.db, orgId, mediaFileId),
  );
  if (!file || file.status === 'stored' || !file.providerMediaId || !file.channelAccountId) return;
  const account = await findChannelAccount(deps.db, orgId, file.channelAccountId);
  if (!account) throw new PermanentJobError('channel account removed');
  const { accessToken } = await deps.secretsOf(account);
  try {
    const { stored, mimeType } = await new GraphMediaClient().downloadMedia(
      {
        graphUrl: account.settings.graphUrl ?? deps.whatsapp.graphUrl,
        apiVersion: account.settings.apiVersion ?? deps.whatsapp.apiVersion,
        accessToken,
        phoneNumberId: account.externalId,
      },
      file.providerMediaId,
      isWhatsAppKind(file.kind) ? { kind: file.kind } : {},
      async (download) => {
        const body = download.chunks[Symbol.asyncIterator]();
        const head = await readHead(body);
        // Kept whatever it is (it is the patient's message), but typed from its bytes: a "document" that
        // is really a web page is recorded, and served, as opaque bytes to download, never as what it claims.
        const type =
          confirmedType(download.mimeType, head.subarray(0, SNIFF_BYTES), file.fileName) ??
          'application/octet-stream';
        const kept = await deps.mediaStore.put({
          orgId,
          bytes: rejoined(head, body),
          mimeType: type,
          ...(file.fileName ? { fileName: file.fileName } : {}),
        });
        return { stored: kept, mimeType: type };
      },
    );
    const recorded = await recordMediaStored(deps.db, orgId, file.id, {
      storageKey: stored.key,
      sha256: stored.sha256,
      size: stored.size,
      mimeType,
      storedAt: deps.clock.now(),
    });
    // Another run of this job (its lease ran out while this one was downloading) kept its copy first.
    if (!recorded) await deps.mediaStore.delete(orgId, stored.key);
  } catch (error) {
    if (!(error instanceof MediaTransferError)) throw error;
    if (error.disposition === 'retry' && job.attempts < job.maxAttempts) throw error;
    deps.logger.warn({ mediaFileId: file.id, problem: error.problem }, 'media download failed');
    await recordMediaFailed(deps.db, orgId, file.id, error.message);
  }
}

function isWhatsAppKind(kind: string): kind is WhatsAppMediaKind {
  return ['audio', 'document', 'image', 'video', 'sticker'].includes(kind);
}
