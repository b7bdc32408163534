import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import {
  MediaNotFoundError,
  type MediaObject,
  type MediaStore,
  type PutMediaInput,
  type StoredMedia,
} from './media-store.ts';

export interface LocalEncryptedMediaStoreOptions {
  /** Directory holding one folder per org, e.g. `{DATA_DIR}/media`. */
  root: string;
  cipher: FieldCipher;
}

/**
 * Media files on local disk, `{root}/{orgId}/{shard}/{key}`, encrypted at rest. The file name and MIME
 * type are sealed inside with the bytes (a file name can name the patient). The org id and key are the
 * associated data, so a file copied into another org's folder, or renamed, does not decrypt.
 */
export class LocalEncryptedMediaStore implements MediaStore {
  private readonly options: LocalEncryptedMediaStoreOptions;

  constructor(options: LocalEncryptedMediaStoreOptions) {
    this.options = options;
  }

  async put({ orgId, bytes, mimeType, fileName }: PutMediaInput): Promise<StoredMedia> {
    if (!ORG_ID.test(orgId)) throw new Error(`Cannot store media for org id "${orgId}": not a plain id`);
    const key = randomBytes(16).toString('hex');
    const meta = Buffer.from(JSON.stringify({ mimeType, fileName: fileName ?? null }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(meta.length);
    const envelope = this.options.cipher.encrypt(
      Buffer.concat([length, meta, bytes]),
      associatedData(orgId, key),
    );
    await writeAtomically(this.pathOf(orgId, key), envelope);
    return { key, sha256: sha256Hex(bytes), size: bytes.length };
  }

  async get(orgId: string, key: string): Promise<MediaObject> {
    if (!isValid(orgId, key)) throw new MediaNotFoundError(orgId, key);
    let envelope: Buffer;
    try {
      envelope = await readFile(this.pathOf(orgId, key));
    } catch (error) {
      if (hasCode(error, 'ENOENT')) throw new MediaNotFoundError(orgId, key);
      throw error;
    }
    // A file that does not decrypt is not "not found": it was tampered with or moved, and must be seen.
    const plain = this.options.cipher.decrypt(envelope, associatedData(orgId, key));
    const metaEnd = 4 + plain.readUInt32BE(0);
    const meta = metaSchema.parse(JSON.parse(plain.subarray(4, metaEnd).toString('utf8')));
    const bytes = plain.subarray(metaEnd);
    return {
      key,
      bytes,
      mimeType: meta.mimeType,
      fileName: meta.fileName,
      sha256: sha256Hex(bytes),
      size: bytes.length,
    };
  }

  async delete(orgId: string, key: string): Promise<void> {
    if (!isValid(orgId, key)) throw new MediaNotFoundError(orgId, key);
    await rm(this.pathOf(orgId, key), { force: true });
  }

  private pathOf(orgId: string, key: string): string {
    return join(this.options.root, orgId, key.slice(0, 2), key);
  }
}

/** Keys are lowercase hex (safe on case-insensitive file systems); nothing else reaches the disk. */
const KEY = /^[0-9a-f]{32}$/;
const ORG_ID = /^[A-Za-z0-9_-]{1,64}$/;

const metaSchema = z.object({ mimeType: z.string(), fileName: z.string().nullable() });

function isValid(orgId: string, key: string): boolean {
  return ORG_ID.test(orgId) && KEY.test(key);
}

function associatedData(orgId: string, key: string): string {
  return `media:${orgId}:${key}`;
}

/** Temp file in the same folder, flushed, then renamed: a reader sees the whole file or none. */
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
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

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
