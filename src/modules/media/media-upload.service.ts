import type { Db } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { readHead } from '../../platform/media/read-head.ts';
import { SNIFF_BYTES } from '../../platform/media/sniff-media-type.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import { cleanFileName } from './content-disposition.ts';
import { insertMediaFile } from './media.repository.ts';
import type { MediaFile } from './media.schema.ts';
import { MEDIA_FILE_NAME_PURPOSE } from './media-file-name.ts';
import { type AcceptedType, formatLimit, identifyUpload } from './media-types.ts';

export type UploadRefusal = 'empty' | 'unsupported_type' | 'too_large';

/** An upload Careline will not keep; `message` says why, for the `file` field. */
export class UploadRefusedError extends Error {
  override name = 'UploadRefusedError';
  readonly reason: UploadRefusal;

  constructor(reason: UploadRefusal, message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * An agent's (or an integration's) file, kept as it arrives: its type is read from its first bytes
 * (never taken from what it declares), and its size counted while it streams to the store, so a file
 * over its kind's limit is refused at the limit without ever being held whole. Whatever was not read
 * of a refused upload is left unread.
 */
export async function storeUpload(
  deps: { db: Db; clock: Clock; keyring: Keyring; store: MediaStore },
  input: { orgId: string; content: AsyncIterable<Uint8Array>; declaredType: string; fileName: string | null },
): Promise<MediaFile> {
  const source = input.content[Symbol.asyncIterator]();
  try {
    const head = await readHead(source);
    if (head.length === 0) throw new UploadRefusedError('empty', 'is empty');
    const fileName = cleanFileName(input.fileName);
    const type = identifyUpload(head.subarray(0, SNIFF_BYTES), {
      declaredType: input.declaredType,
      fileName,
    });
    if ('refusal' in type) throw new UploadRefusedError('unsupported_type', type.refusal);
    const stored = await deps.store.put({
      orgId: input.orgId,
      bytes: withinLimit(head, source, type),
      mimeType: type.mimeType,
      fileName: fileName ?? undefined,
    });
    const sealer = await deps.keyring.clinic(deps.db, input.orgId);
    const file = await insertMediaFile(deps.db, {
      orgId: input.orgId,
      kind: type.kind,
      mimeType: type.mimeType,
      fileName: sealer.sealNullable(fileName, MEDIA_FILE_NAME_PURPOSE),
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      status: 'stored',
      storedAt: deps.clock.now(),
    });
    return { ...file, fileName };
  } finally {
    // Ends the upload stream if it was not read to the end (a refusal): the rest is never received.
    await source.return?.();
  }
}

/** The head, then the rest as it comes, failing as soon as the total passes the kind's limit. */
async function* withinLimit(
  head: Buffer,
  rest: AsyncIterator<Uint8Array>,
  type: AcceptedType,
): AsyncGenerator<Uint8Array> {
  let total = head.length;
  const check = () => {
    if (total > type.maxBytes) {
      throw new UploadRefusedError(
        'too_large',
        `${KIND_NAMES[type.kind]} is at most ${formatLimit(type.maxBytes)}`,
      );
    }
  };
  check();
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    total += next.value.byteLength;
    check();
    yield next.value;
  }
}

const KIND_NAMES: Record<AcceptedType['kind'], string> = {
  image: 'an image',
  sticker: 'a sticker',
  audio: 'an audio file',
  video: 'a video',
  document: 'a document',
};
