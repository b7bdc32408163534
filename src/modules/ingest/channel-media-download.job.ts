import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChannelAdapter } from '../../channels/channel-adapter.ts';
import type { MediaRef } from '../../channels/inbound-event.ts';
import { openAdapterAccount } from '../../channels/open-adapter-account.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { defineQueue, type QueueJob } from '../../platform/jobs/define-queue.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import type { MediaStore, PutMediaInput, StoredMedia } from '../../platform/media/media-store.ts';
import { readHead, rejoined } from '../../platform/media/read-head.ts';
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

const downloadPayload = z.object({ orgId: z.uuid(), mediaFileId: z.uuid() });

/** A patient's file, sent on any channel, to keep a copy of before the provider forgets it. */
export const channelMediaDownloadQueue = defineQueue('channel.media.download', downloadPayload, {
  priority: 1,
  maxAttempts: 6,
});

/**
 * WhatsApp's downloads before WhatsApp moved onto the channel port: the same payload, so jobs a previous
 * version queued under this name are handled by {@link downloadChannelMedia} too. Nothing queues here now.
 */
export const legacyWhatsAppMediaDownloadQueue = defineQueue('whatsapp.media.download', downloadPayload, {
  priority: 1,
  maxAttempts: 6,
});

/**
 * Registers the media of a stored inbound message and queues their downloads. A medium is known by the
 * provider's id (WhatsApp's media id, Telegram's file_id) or, where the provider gives only a link
 * (Messenger), by its URL.
 */
export async function queueChannelMediaDownloads(
  db: DbOrTx,
  keyring: Keyring,
  stored: { orgId: string; messageId: string; channelAccountId: string },
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
    await channelMediaDownloadQueue.enqueue(
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
  const opened = await openAdapterAccount(adapter, account, deps.secretsOf);
  if (!opened.ok) {
    await recordMediaFailed(deps.db, orgId, file.id, 'the channel’s settings or secrets are incomplete');
    return;
  }
  const isUrl = /^https?:\/\//.test(file.providerMediaId);
  // The bytes go to the store as they arrive when the adapter streams (WhatsApp's documents reach
  // 100 MB, several download at once): typed from their first bytes, and nothing is kept of a transfer
  // that fails half-way.
  let kept: { stored: StoredMedia; mimeType: string } | undefined;
  const keep = async (incoming: { mimeType: string; chunks: AsyncIterable<Uint8Array> }) => {
    const body = incoming.chunks[Symbol.asyncIterator]();
    const head = await readHead(body);
    const mimeType = typeOf(incoming.mimeType, head, file.fileName);
    kept = { stored: await store(deps, orgId, rejoined(head, body), mimeType, file.fileName), mimeType };
  };
  const download = await adapter.outbound.downloadMedia(
    opened.account,
    { id: isUrl ? null : file.providerMediaId, url: isUrl ? file.providerMediaId : null, kind: file.kind },
    keep,
  );
  if (!download.ok) {
    if (download.disposition === 'retry' && job.attempts < job.maxAttempts) throw new Error(download.title);
    deps.logger.warn({ mediaFileId: file.id }, 'media download failed');
    await recordMediaFailed(deps.db, orgId, file.id, download.title);
    return;
  }
  if ('bytes' in download) {
    const mimeType = typeOf(download.mimeType, download.bytes, file.fileName);
    kept = { stored: await store(deps, orgId, download.bytes, mimeType, file.fileName), mimeType };
  }
  if (!kept) throw new Error(`the ${adapter.channel} adapter kept no file`);
  const recorded = await recordMediaStored(deps.db, orgId, file.id, {
    storageKey: kept.stored.key,
    sha256: kept.stored.sha256,
    size: kept.stored.size,
    mimeType: kept.mimeType,
    storedAt: deps.clock.now(),
  });
  // Another run of this job (its lease ran out while this one was downloading) kept its copy first.
  if (!recorded) await deps.mediaStore.delete(orgId, kept.stored.key);
}

/**
 * Kept whatever it is (it is the patient's message), but typed from its bytes: a "document" that is
 * really a web page is recorded, and served, as opaque bytes to download, never as what it claims.
 */
function typeOf(declared: string, head: Uint8Array, fileName: string | null): string {
  return confirmedType(declared, head.subarray(0, SNIFF_BYTES), fileName) ?? 'application/octet-stream';
}

function store(
  deps: ChannelMediaDeps,
  orgId: string,
  bytes: PutMediaInput['bytes'],
  mimeType: string,
  fileName: string | null,
): Promise<StoredMedia> {
  return deps.mediaStore.put({ orgId, bytes, mimeType, ...(fileName ? { fileName } : {}) });
}

function isMediaRef(value: unknown): value is MediaRef {
  return typeof value === 'object' && value !== null && 'kind' in value && ('id' in value || 'url' in value);
}
