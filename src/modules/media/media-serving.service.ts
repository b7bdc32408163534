import type { Db } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { SNIFF_BYTES } from '../../platform/media/sniff-media-type.ts';
import { contentDisposition } from './content-disposition.ts';
import { findMediaFileWithPatient } from './media.repository.ts';
import { servedType, showsInline } from './media-types.ts';

/** A file as it goes out: headers decided from its bytes, and the bytes themselves, streamed. */
export interface ServedFile {
  contentType: string;
  contentDisposition: string;
  size: number;
  body: AsyncIterable<Buffer>;
  /** The patient whose conversation holds the file (for the audit trail); null for an unsent upload. */
  contactId: string | null;
}

/** The file is known but has no bytes to serve yet (still downloading) or ever (the download failed). */
export class MediaNotReadyError extends Error {
  override name = 'MediaNotReadyError';
  readonly status: 'pending' | 'failed';

  constructor(status: 'pending' | 'failed', message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * A clinic's file, uploaded or received from a patient, served the one way that cannot run anything
 * on our origin: as an attachment, typed from its bytes. `inline` is honoured only for pictures, sound
 * and video whose bytes are what they claim (the web app shows those in the page); everything else
 * — documents, text, a "PDF" that is a web page — is a download, whatever is asked.
 */
export async function serveMediaFile(
  deps: { db: Db; store: MediaStore },
  input: { orgId: string; id: string; inline: boolean },
): Promise<ServedFile | undefined> {
  const found = await findMediaFileWithPatient(deps.db, input.orgId, input.id);
  if (!found) return undefined;
  const { file } = found;
  if (file.status !== 'stored' || !file.storageKey) {
    throw file.status === 'failed'
      ? new MediaNotReadyError('failed', `Media could not be downloaded: ${file.error ?? 'no reason given'}`)
      : new MediaNotReadyError('pending', 'Media is still downloading');
  }
  const reader = await deps.store.open(input.orgId, file.storageKey);
  const pieces = reader.chunks()[Symbol.asyncIterator]();
  const first = await pieces.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  const contentType = servedType(
    file.mimeType ?? reader.mimeType,
    head.subarray(0, SNIFF_BYTES),
    file.fileName,
  );
  const disposition = input.inline && showsInline(contentType) ? 'inline' : 'attachment';
  return {
    contentType,
    contentDisposition: contentDisposition(disposition, file.fileName ?? `${file.kind}-${file.id}`),
    size: reader.size,
    contactId: found.contactId,
    body: (async function* () {
      try {
        if (!first.done) yield first.value;
        for (let next = await pieces.next(); !next.done; next = await pieces.next()) yield next.value;
      } finally {
        // A client that goes away mid-download ends the read here: the file is closed at once.
        await pieces.return?.();
      }
    })(),
  };
}
