import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChannelAdapter } from '../../channels/channel-adapter.ts';
import type { MediaRef } from '../../channels/inbound-event.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { defineQueue, type QueueJob } from '../../platform/jobs/define-queue.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { SNIFF_BYTES } from '../../platform/media/sniff-media-type.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import type { SecretsOf } from '../channel-accounts/channel-secrets.ts';
import { findConversation } from '../inbox/conversation.service.ts';
import { findMessage } from '../inbox/message.service.ts';
import { openOneMessage } from '../inbox/message-sealing.ts';
import type { Keyring } from '../keys/keyring.ts';
import { cleanFileName } from '../media/content-disposition.ts';
import {
  findMediaFile,
  insertMediaFile,
  recordMediaFailed,
  recordMediaStored,
} from '../media/media.service.ts';
import { MEDIA_FILE_NAME_PURPOSE, openMediaFileName } from '../media/media-file-name.ts';
import { confirmedType } from '../media/media-types.ts';

/** A patient's file, sent on a channel on the port, to keep a copy of before the provider forgets it. */
export const channelMediaDownloadQueue = defineQueue(
  'channel.media.download',
  z.object({ orgId: z.uuid(), mediaFileId: z.uuid() }),
  { priority: 1, maxAttempts: 6 },
);

/** A queue whose jobs download one registered file (this one, or WhatsApp's, which goes through Graph). */
type MediaDownloadQueue = Pick<typeof channelMediaDownloadQueue, 'enqueue'>;

/**
 * Registers the media of a stored inbound message and queues their downloads. A medium is known by the
 * provider's id (WhatsApp's media id, Telegram's file_id) or, where the provider gives only a link
 * (Messenger), by its URL.
 */
export async function queueChannelMediaDownloads(
  db: DbOrTx,
  keyring: Keyring,
  stored: { orgId: string; messageId: string; channelAccountId: string },
  queue: MediaDownloadQueue = channelMediaDownloadQueue,
): Promise<void> {
  const message = await openOneMessage(db, keyring, await findMessage(db, stored.orgId, stored.messageId));
  const refs = Array.isArray(message?.content?.media) ? message.content.media : [];
  const conversation = message && (await findConversation(db, stored.orgId, message.conversationId));
  const sealer = conversation ? await keyring.patient(db, stored.orgId, conversation.contactId) : undefined;
  for (const ref of refs.filter(isMediaRef)) {
    const providerMediaId = ref.id ?? ref.url;
    if (!providerMediaId) continue;
    const file = await insertMediaFile(db, {
      orgId: stored.orgId,
      messageId: stored.messageId,
      channelAccountId: stored.channelAccountId,
      kind: ref.kind,
      mimeType: ref.mimeType,
      fileName: sealer?.sealNullable(cleanFileName(ref.fileName), MEDIA_FILE_NAME_PURPOSE) ?? null,
      providerMediaId,
      status: 'pending',
    });
    await queue.enqueue(
      db,
      { orgId: stored.orgId, mediaFileId: file.id },
      { orgId: stored.orgId, dedupeKey: file.id },
    );
  }
}

export interface ChannelMediaDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  mediaStore: MediaStore;
  logger: Logger;
  secretsOf: SecretsOf;
  adapters: readonly ChannelAdapter[];
}

/**
 * Fetches the file through its channel's adapter (which checks sizes and refuses a web page where a file
 * was expected) and keeps Careline's own encrypted copy, typed from its first bytes.
 */
export async function downloadChannelMedia(
  deps: ChannelMediaDeps,
  job: QueueJob<z.output<typeof channelMediaDownloadQueue.schema>>,
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
  const adapter = deps.adapters.find((candidate) => candidate.channel === account.type);
  if (!adapter) throw new PermanentJobError(`no adapter for ${account.type}`);
  const settings = adapter.accountSchemas.settings.safeParse(account.settings);
  const secrets = adapter.accountSchemas.secrets.safeParse(await deps.secretsOf(account));
  if (!settings.success || !secrets.success) {
    await recordMediaFailed(deps.db, orgId, file.id, 'the channel’s settings or secrets are incomplete');
    return;
  }
  const isUrl = /^https?:\/\//.test(file.providerMediaId);
  const download = await adapter.outbound.downloadMedia(
    { id: account.id, externalId: account.externalId, settings: settings.data, secrets: secrets.data },
    { id: isUrl ? null : file.providerMediaId, url: isUrl ? file.providerMediaId : null },
  );
  if (!download.ok) {
    if (download.disposition === 'retry' && job.attempts < job.maxAttempts) throw new Error(download.title);
    deps.logger.warn({ mediaFileId: file.id }, 'media download failed');
    await recordMediaFailed(deps.db, orgId, file.id, download.title);
    return;
  }
  // Kept whatever it is (it is the patient's message), but typed from its bytes: a "document" that is
  // really a web page is recorded, and served, as opaque bytes to download, never as what it claims.
  const type =
    confirmedType(download.mimeType, download.bytes.subarray(0, SNIFF_BYTES), file.fileName) ??
    'application/octet-stream';
  const kept = await deps.mediaStore.put({
    orgId,
    bytes: download.bytes,
    mimeType: type,
    ...(file.fileName ? { fileName: file.fileName } : {}),
  });
  const recorded = await recordMediaStored(deps.db, orgId, file.id, {
    storageKey: kept.key,
    sha256: kept.sha256,
    size: kept.size,
    mimeType: type,
    storedAt: deps.clock.now(),
  });
  // Another run of this job (its lease ran out while this one was downloading) kept its copy first.
  if (!recorded) await deps.mediaStore.delete(orgId, kept.key);
}

function isMediaRef(value: unknown): value is MediaRef {
  return typeof value === 'object' && value !== null && 'kind' in value && ('id' in value || 'url' in value);
}
