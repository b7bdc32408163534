import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldCipher, FieldCipherError } from '../crypto/field-cipher.ts';
import { LocalEncryptedMediaStore } from './local-encrypted-media-store.ts';
import { MediaNotFoundError } from './media-store.ts';

const orgA = '0b6f4d0e-1c1a-4f7e-9a55-5d1c2f3a4b01';
const orgB = '7c2e9a10-3b4d-4e5f-8a6b-9c0d1e2f3a02';
const photo = Buffer.from('PATIENT-PHOTO: Jeanne Martin, wound on left ankle, day 3');

describe('LocalEncryptedMediaStore', () => {
  let root: string;
  let store: LocalEncryptedMediaStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'careline-media-'));
    store = new LocalEncryptedMediaStore({ root, cipher: FieldCipher.forKey(Buffer.alloc(32, 7)) });
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
});
