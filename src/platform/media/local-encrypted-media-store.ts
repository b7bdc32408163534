import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { type FieldCipher, FieldCipherError } from '../crypto/field-cipher.ts';
import {
  MediaNotFoundError,
  type MediaObject,
  type MediaReader,
  type MediaStore,
  type PutMediaInput,
  type StoredMedia,
} from './media-store.ts';
import { openSegment, sealSegments, segmentLayout, TAG_BYTES } from './segmented-cipher.ts';

export interface LocalEncryptedMediaStoreOptions {
  /** Directory holding one folder per org, e.g. `{DATA_DIR}/media`. */
  root: string;
  cipher: FieldCipher;
  /** Plain bytes per encrypted segment; 64 KiB unless a test wants many segments. */
  segmentBytes?: number;
}

/**
 * Media files on local disk, `{root}/{orgId}/{shard}/{key}`, encrypted at rest and written as they
 * arrive. A file is `CLM2`, the length of its header, the header (a FieldCipher envelope of the file's
 * own data key, MIME type and file name: a file name can name the patient), then the bytes sealed
 * segment by segment with the data key ({@link sealSegments}). The org id and key are the header's
 * associated data, so a file copied into another org's folder, or renamed, does not decrypt.
 *
 * Files written before streaming (one FieldCipher envelope holding everything) are still read.
 */
export class LocalEncryptedMediaStore implements MediaStore {
  private readonly options: LocalEncryptedMediaStoreOptions;

  constructor(options: LocalEncryptedMediaStoreOptions) {
    this.options = options;
  }

  async put({ orgId, bytes, mimeType, fileName }: PutMediaInput): Promise<StoredMedia> {
    if (!ORG_ID.test(orgId)) throw new Error(`Cannot store media for org id "${orgId}": not a plain id`);
    const key = randomBytes(16).toString('hex');
    const dataKey = randomBytes(32);
    const segmentBytes = this.options.segmentBytes ?? SEGMENT_BYTES;
    const header = this.options.cipher.encrypt(
      Buffer.from(
        JSON.stringify({
          mimeType,
          fileName: fileName ?? null,
          dataKey: dataKey.toString('base64'),
          segmentBytes,
        }),
        'utf8',
      ),
      associatedData(orgId, key),
    );
    const preamble = Buffer.alloc(MAGIC.length + 4);
    MAGIC.copy(preamble);
    preamble.writeUInt32BE(header.length, MAGIC.length);

    const digest = createHash('sha256');
    let size = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of Buffer.isBuffer(bytes) ? [bytes] : bytes) {
        digest.update(chunk);
        size += chunk.byteLength;
        yield chunk;
      }
    }
    await writeAtomically(
      this.pathOf(orgId, key),
      join(this.options.root, INCOMING),
      [preamble, header],
      sealSegments(counted(), dataKey, segmentBytes),
    );
    return { key, sha256: digest.digest('hex'), size };
  }

  async get(orgId: string, key: string): Promise<MediaObject> {
    const reader = await this.open(orgId, key);
    const pieces: Buffer[] = [];
    for await (const piece of reader.chunks()) pieces.push(piece);
    const bytes = Buffer.concat(pieces);
    return {
      key,
      bytes,
      mimeType: reader.mimeType,
      fileName: reader.fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    };
  }

  async open(orgId: string, key: string): Promise<MediaReader> {
    if (!isValid(orgId, key)) throw new MediaNotFoundError(orgId, key);
    const path = this.pathOf(orgId, key);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (hasCode(error, 'ENOENT')) throw new MediaNotFoundError(orgId, key);
      throw error;
    }
    try {
      const fileBytes = (await handle.stat()).size;
      const preamble = await readAt(handle, 0, Math.min(fileBytes, MAGIC.length + 4));
      if (preamble.length < MAGIC.length || !preamble.subarray(0, MAGIC.length).equals(MAGIC)) {
        return this.openWholeEnvelope(orgId, key, await readFile(path));
      }
      const headerEnd =
        MAGIC.length + 4 + (preamble.length === MAGIC.length + 4 ? preamble.readUInt32BE(4) : 0);
      if (preamble.length < MAGIC.length + 4 || headerEnd > fileBytes) {
        throw new FieldCipherError('malformed', 'Encrypted media header is truncated');
      }
      // A file that does not decrypt is not "not found": it was tampered with or moved, and must be seen.
      const plainHeader = this.options.cipher.decrypt(
        await readAt(handle, MAGIC.length + 4, headerEnd - MAGIC.length - 4),
        associatedData(orgId, key),
      );
      const header = headerSchema.parse(JSON.parse(plainHeader.toString('utf8')));
      const dataKey = Buffer.from(header.dataKey, 'base64');
      const layout = segmentLayout(fileBytes - headerEnd, header.segmentBytes);
      return {
        key,
        mimeType: header.mimeType,
        fileName: header.fileName,
        size: layout.plainBytes,
        chunks: () => readSegments(path, headerEnd, header.segmentBytes, layout.count, dataKey),
      };
    } finally {
      await handle.close();
    }
  }

  async delete(orgId: string, key: string): Promise<void> {
    if (!isValid(orgId, key)) throw new MediaNotFoundError(orgId, key);
    await rm(this.pathOf(orgId, key), { force: true });
  }

  /**
   * Deletes what writes cut off by a crash (kill -9, power loss) left in the incoming folder: files
   * nothing has written to for `idleMs` (a write under way touches its file every segment). They were
   * never readable (no key names them) but hold a patient's bytes. Run at start; returns how many.
   */
  async removeAbandonedWrites(idleMs = 60 * 60_000, now = Date.now()): Promise<number> {
    const incoming = join(this.options.root, INCOMING);
    let names: string[];
    try {
      names = await readdir(incoming);
    } catch (error) {
      if (hasCode(error, 'ENOENT')) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(incoming, name);
      const stats = await stat(path).catch(() => null);
      if (!stats?.isFile() || now - stats.mtimeMs < idleMs) continue;
      await rm(path, { force: true });
      removed += 1;
    }
    return removed;
  }

  /** The format before streaming: length of the meta, the meta, the bytes, in one envelope. */
  private openWholeEnvelope(orgId: string, key: string, envelope: Buffer): MediaReader {
    const plain = this.options.cipher.decrypt(envelope, associatedData(orgId, key));
    const metaEnd = 4 + plain.readUInt32BE(0);
    const meta = legacyMetaSchema.parse(JSON.parse(plain.subarray(4, metaEnd).toString('utf8')));
    const bytes = plain.subarray(metaEnd);
    return {
      key,
      mimeType: meta.mimeType,
      fileName: meta.fileName,
      size: bytes.length,
      async *chunks() {
        yield bytes;
      },
    };
  }

  private pathOf(orgId: string, key: string): string {
    return join(this.options.root, orgId, key.slice(0, 2), key);
  }
}

const MAGIC = Buffer.from('CLM2', 'latin1');
/** Files being written, beside the org folders (no org id starts with a dot) on the same disk. */
const INCOMING = '.incoming';
const SEGMENT_BYTES = 64 * 1024;

/** Keys are lowercase hex (safe on case-insensitive file systems); nothing else reaches the disk. */
const KEY = /^[0-9a-f]{32}$/;
const ORG_ID = /^[A-Za-z0-9_-]{1,64}$/;

const legacyMetaSchema = z.object({ mimeType: z.string(), fileName: z.string().nullable() });
const headerSchema = legacyMetaSchema.extend({
  dataKey: z.base64().refine((value) => Buffer.from(value, 'base64').length === 32),
  segmentBytes: z
    .int()
    .min(1024)
    .max(16 * 1024 * 1024),
});

async function* readSegments(
  path: string,
  start: number,
  segmentBytes: number,
  count: number,
  dataKey: Buffer,
): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    let position = start;
    for (let index = 0; index < count; index += 1) {
      const segment = await readAt(handle, position, segmentBytes + TAG_BYTES);
      position += segment.length;
      yield openSegment(dataKey, index, count, segment);
    }
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function isValid(orgId: string, key: string): boolean {
  return ORG_ID.test(orgId) && KEY.test(key);
}

function associatedData(orgId: string, key: string): string {
  return `media:${orgId}:${key}`;
}

/**
 * Temp file in the incoming folder, flushed, then renamed: a reader sees the whole file or none. If the
 * content fails half-way (an upload refused, a download cut off), the temp file goes and nothing is
 * kept; if the process dies, {@link LocalEncryptedMediaStore.removeAbandonedWrites} finds it there.
 */
async function writeAtomically(
  path: string,
  incoming: string,
  head: Buffer[],
  body: AsyncIterable<Buffer>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await mkdir(incoming, { recursive: true, mode: 0o700 });
  const temp = join(incoming, `${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      for (const piece of head) await writeAll(handle, piece);
      for await (const piece of body) await writeAll(handle, piece);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
