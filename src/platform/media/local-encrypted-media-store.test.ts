import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldCipher, FieldCipherError } from '../crypto/field-cipher.ts';
import { LocalEncryptedMediaStore } from './local-encrypted-media-store.ts';
import { MediaNotFoundError } from './media-store.ts';

/** Plain bytes as an upload delivers them: in pieces, never all at once. */
async function* inPieces(bytes: Buffer, pieceBytes: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += pieceBytes) yield bytes.subarray(at, at + pieceBytes);
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; largest: number }> {
  const pieces: Buffer[] = [];
  for await (const piece of chunks) pieces.push(piece);
  return { bytes: Buffer.concat(pieces), largest: Math.max(0, ...pieces.map((p) => p.length)) };
}

const orgA = '0b6f4d0e-1c1a-4f7e-9a55-5d1c2f3a4b01';
const orgB = '7c2e9a10-3b4d-4e5f-8a6b-9c0d1e2f3a02';
const photo = Buffer.from('PATIENT-PHOTO: Jeanne Martin, wound on left ankle, day 3');

describe('LocalEncryptedMediaStore', () => {
  const cipher = FieldCipher.forKey(Buffer.alloc(32, 7));
  let root: string;
  let store: LocalEncryptedMediaStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'careline-media-'));
    store = new LocalEncryptedMediaStore({ root, cipher, segmentBytes: 1024 });
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function pathOf(orgId: string, key: string): string {
    return join(root, orgId, key.slice(0, 2), key);
  }

  it('round-trips bytes, MIME type and file name', async () => {
    const stored = await store.put({
      orgId: orgA,
      bytes: photo,
      mimeType: 'image/jpeg',
      fileName: 'cheville.jpg',
    });

    expect(stored).toEqual({
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      sha256: createHash('sha256').update(photo).digest('hex'),
      size: photo.length,
    });
    expect(await store.get(orgA, stored.key)).toEqual({
      ...stored,
      bytes: photo,
      mimeType: 'image/jpeg',
      fileName: 'cheville.jpg',
    });
    const empty = await store.put({ orgId: orgA, bytes: Buffer.alloc(0), mimeType: 'text/plain' });
    expect(await store.get(orgA, empty.key)).toMatchObject({ size: 0, fileName: null });
  });

  it('lays files out by org and shard, owner-only, with no temp file left behind', async () => {
    const { key } = await store.put({ orgId: orgA, bytes: photo, mimeType: 'image/jpeg' });

    expect(readdirSync(dirname(pathOf(orgA, key)))).toEqual([key]);
    if (process.platform !== 'win32') expect(statSync(pathOf(orgA, key)).mode & 0o777).toBe(0o600);
  });

  it('does not keep the plaintext (bytes or file name) on disk', async () => {
    const { key } = await store.put({
      orgId: orgA,
      bytes: photo,
      mimeType: 'image/jpeg',
      fileName: 'jeanne-martin.jpg',
    });

    const onDisk = readFileSync(pathOf(orgA, key));
    expect(onDisk.includes(photo)).toBe(false);
    expect(onDisk.includes('Jeanne')).toBe(false);
    expect(onDisk.includes('jeanne-martin')).toBe(false);
  });

  it("does not let another org read a key, even with the file copied into that org's folder", async () => {
    const { key } = await store.put({ orgId: orgA, bytes: photo, mimeType: 'image/jpeg' });

    await expect(store.get(orgB, key)).rejects.toBeInstanceOf(MediaNotFoundError);

    mkdirSync(dirname(pathOf(orgB, key)), { recursive: true });
    writeFileSync(pathOf(orgB, key), readFileSync(pathOf(orgA, key)));
    await expect(store.get(orgB, key)).rejects.toBeInstanceOf(FieldCipherError);
  });

  it('answers MediaNotFoundError for a missing or deleted key; deleting twice is fine', async () => {
    const { key } = await store.put({ orgId: orgA, bytes: photo, mimeType: 'image/jpeg' });

    await expect(store.get(orgA, 'f'.repeat(32))).rejects.toBeInstanceOf(MediaNotFoundError);
    await store.delete(orgA, key);
    await store.delete(orgA, key);
    await expect(store.get(orgA, key)).rejects.toBeInstanceOf(MediaNotFoundError);
  });

  it('refuses keys and org ids that could leave the org folder', async () => {
    const { key } = await store.put({ orgId: orgA, bytes: photo, mimeType: 'image/jpeg' });
    const escapes = [
      `../${orgA}/${key.slice(0, 2)}/${key}`,
      `../../${orgA}/${key.slice(0, 2)}/${key}`,
      `${key.slice(0, 2)}/${key}`,
      '/etc/passwd',
      '..',
      '',
      key.toUpperCase(),
    ];

    for (const bad of escapes) {
      await expect(store.get(orgB, bad), bad).rejects.toBeInstanceOf(MediaNotFoundError);
      await expect(store.delete(orgB, bad), bad).rejects.toBeInstanceOf(MediaNotFoundError);
    }
    await expect(store.get('..', key)).rejects.toBeInstanceOf(MediaNotFoundError);
    await expect(store.put({ orgId: '../x', bytes: photo, mimeType: 'image/jpeg' })).rejects.toThrow(
      /org id/,
    );
    expect(await store.get(orgA, key)).toMatchObject({ bytes: photo });
  });

  it('writes a stream as it arrives and reads it back segment by segment, never whole', async () => {
    const scan = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256));
    const stored = await store.put({ orgId: orgA, bytes: inPieces(scan, 333), mimeType: 'application/pdf' });

    expect(stored).toEqual({
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      sha256: createHash('sha256').update(scan).digest('hex'),
      size: scan.length,
    });
    const reader = await store.open(orgA, stored.key);
    expect(reader).toMatchObject({ size: scan.length, mimeType: 'application/pdf', fileName: null });
    const read = await collect(reader.chunks());
    expect(read.bytes.equals(scan)).toBe(true);
    expect(read.largest).toBe(1024);
    // Sizes on a segment boundary (and empty files) read back exactly too.
    for (const size of [0, 1, 1023, 1024, 1025, 2048]) {
      const bytes = scan.subarray(0, size);
      const { key } = await store.put({ orgId: orgA, bytes: inPieces(bytes, 500), mimeType: 'text/plain' });
      expect((await store.get(orgA, key)).bytes.equals(bytes), `${size} bytes`).toBe(true);
      expect((await store.open(orgA, key)).size).toBe(size);
    }
  });

  it('keeps nothing when the stream fails half-way (an upload refused while streaming)', async () => {
    async function* refusedAfterTwoPieces(): AsyncGenerator<Uint8Array> {
      yield Buffer.alloc(2000, 1);
      yield Buffer.alloc(2000, 2);
      throw new Error('over the limit');
    }

    await expect(
      store.put({ orgId: orgA, bytes: refusedAfterTwoPieces(), mimeType: 'image/png' }),
    ).rejects.toThrow('over the limit');
    const left = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(left).toEqual([]);
  });

  it('a write a crash cut off is removed at the next start; one under way is left alone', async () => {
    let fail: (error: Error) => void = () => {};
    const stalled = new Promise<never>((_, reject) => {
      fail = reject;
    });
    async function* downloadThatStalls(): AsyncGenerator<Uint8Array> {
      yield Buffer.alloc(5000, 3);
      await stalled;
    }
    const writing = store.put({ orgId: orgA, bytes: downloadThatStalls(), mimeType: 'application/pdf' });
    const incoming = join(root, '.incoming');
    await vi.waitUntil(() => existsSync(incoming) && readdirSync(incoming).length > 0);

    // At the next start the process that wrote it is gone: here it only stalls, so "later" is told.
    expect(await store.removeAbandonedWrites()).toBe(0);
    expect(await store.removeAbandonedWrites(60 * 60_000, Date.now() + 2 * 60 * 60_000)).toBe(1);
    expect(readdirSync(incoming)).toEqual([]);
    fail(new Error('connection lost'));
    await expect(writing).rejects.toThrow();
    expect(readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())).toEqual([]);
  });

  it('does not read a file cut short, extended or with segments swapped', async () => {
    const scan = Buffer.alloc(5000, 9);
    const { key } = await store.put({ orgId: orgA, bytes: inPieces(scan, 700), mimeType: 'image/png' });
    const path = pathOf(orgA, key);
    const original = readFileSync(path);
    const segment = 1024 + 16;
    const bodyStart = original.length - 4 * segment - (5000 - 4 * 1024 + 16);

    truncateSync(path, original.length - (5000 - 4 * 1024 + 16));
    await expect(store.get(orgA, key)).rejects.toBeInstanceOf(FieldCipherError);
    writeFileSync(path, Buffer.concat([original, original.subarray(bodyStart, bodyStart + segment)]));
    await expect(store.get(orgA, key)).rejects.toBeInstanceOf(FieldCipherError);
    const swapped = Buffer.from(original);
    original.copy(swapped, bodyStart, bodyStart + segment, bodyStart + 2 * segment);
    original.copy(swapped, bodyStart + segment, bodyStart, bodyStart + segment);
    writeFileSync(path, swapped);
    await expect(store.get(orgA, key)).rejects.toBeInstanceOf(FieldCipherError);
    writeFileSync(path, original);
    expect((await store.get(orgA, key)).bytes.equals(scan)).toBe(true);
  });

  it('still reads files written before streaming (one envelope holding meta and bytes)', async () => {
    const key = 'ab'.repeat(16);
    const meta = Buffer.from(JSON.stringify({ mimeType: 'image/jpeg', fileName: 'cheville.jpg' }));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(meta.length);
    mkdirSync(dirname(pathOf(orgA, key)), { recursive: true });
    writeFileSync(
      pathOf(orgA, key),
      cipher.encrypt(Buffer.concat([length, meta, photo]), `media:${orgA}:${key}`),
    );

    expect(await store.get(orgA, key)).toMatchObject({
      bytes: photo,
      mimeType: 'image/jpeg',
      fileName: 'cheville.jpg',
      size: photo.length,
    });
    const reader = await store.open(orgA, key);
    expect(reader.size).toBe(photo.length);
    expect((await collect(reader.chunks())).bytes.equals(photo)).toBe(true);
    await expect(store.get(orgB, key)).rejects.toBeInstanceOf(MediaNotFoundError);
  });
});
