import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import type { OutboundMessage } from '../../channels/channel.ts';
import { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { LocalEncryptedMediaStore } from '../../platform/media/local-encrypted-media-store.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { createOrg } from '../orgs/org.service.ts';
import { findMediaFile, insertMediaFile, recordMediaFailed, recordMediaStored } from './media.service.ts';
import { mediaReferenceViolations } from './media-reference.service.ts';
import { MediaNotReadyError, serveMediaFile } from './media-serving.service.ts';
import { storeUpload, UploadRefusedError } from './media-upload.service.ts';

/** A 2×2 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nCompte rendu de Chloé\n%%EOF');
const MB = 1024 * 1024;

describe.each(TEST_ENGINES)('a clinic’s files (%s)', (engine) => {
  let handle: DbHandle;
  let root: string;
  let store: LocalEncryptedMediaStore;
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    root = mkdtempSync(join(tmpdir(), 'careline-media-service-'));
    store = new LocalEncryptedMediaStore({ root, cipher: FieldCipher.forKey(randomBytes(32)) });
    orgId = (await createOrg(handle.db, { name: 'Centre de santé des Lilas' })).id;
    otherOrgId = (await createOrg(handle.db, { name: 'Cabinet Pasteur' })).id;
  });
  afterAll(async () => {
    await handle?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const deps = () => ({
    db: handle.db,
    clock: fixedClock('2026-03-02T09:00:00.000Z'),
    keyring: testKeyring,
    store,
  });

  async function* chunks(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }

  const upload = (bytes: Buffer, declaredType: string, fileName: string | null, org = orgId) =>
    storeUpload(deps(), { orgId: org, content: chunks(bytes), declaredType, fileName });

  async function served(id: string, org = orgId, inline = false) {
    const file = await serveMediaFile(
      { db: handle.db, keyring: testKeyring, store },
      { orgId: org, id, inline },
    );
    if (!file) return undefined;
    const parts: Buffer[] = [];
    for await (const part of file.body) parts.push(part);
    return { ...file, bytes: Buffer.concat(parts) };
  }

  const filesOnDisk = () =>
    readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;

  /** A patient's file as ingest records it before its download. */
  const received = (org = orgId) =>
    insertMediaFile(handle.db, { orgId: org, kind: 'image', status: 'pending' });

  const limitsOf = async (message: OutboundMessage, org = orgId) =>
    (await mediaReferenceViolations(handle.db, org, message)).map((v) => v.limit);

  test('an upload is typed from its bytes, whatever it declares; served back whole, its name kept sealed', async () => {
    const file = await upload(PNG, 'application/pdf', 'radio du genou.pdf');
    expect(file).toMatchObject({
      kind: 'image',
      mimeType: 'image/png',
      size: PNG.length,
      fileName: 'radio du genou.pdf',
    });

    const row = await findMediaFile(handle.db, orgId, file.id);
    expect(row?.fileName).not.toContain('genou');
    const back = await served(file.id, orgId, true);
    expect(back).toMatchObject({ contentType: 'image/png', size: PNG.length, contactId: null });
    expect(back?.contentDisposition).toMatch(/^inline; filename=/);
    expect(back?.bytes.equals(PNG)).toBe(true);
  });

  test('an empty upload, or one over its kind’s limit, is refused naming why, and nothing is kept', async () => {
    const before = filesOnDisk();
    await expect(upload(Buffer.alloc(0), 'image/png', 'vide.png')).rejects.toMatchObject({
      name: 'UploadRefusedError',
      reason: 'empty',
      message: 'is empty',
    });
    const huge = Buffer.concat([PNG, Buffer.alloc(5 * MB)]);
    const refused = await upload(huge, 'image/png', 'trop grand.png').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UploadRefusedError);
    expect(refused).toMatchObject({ reason: 'too_large', message: 'an image is at most 5 MB' });
    expect(filesOnDisk()).toBe(before);
  });

  test('another clinic’s file is not served, and is refused in a message exactly like an id that does not exist', async () => {
    const theirs = await upload(PDF, 'application/pdf', 'ordonnance.pdf', otherOrgId);
    expect(await served(theirs.id)).toBeUndefined();
    expect((await served(theirs.id, otherOrgId))?.bytes.equals(PDF)).toBe(true);

    const document = (mediaId: string): OutboundMessage => ({ type: 'document', media: { mediaId } });
    const nobody = await limitsOf(document('0b6f3c1e-4a52-4d8e-9b6a-3f0c2d1e5a7b'));
    expect(nobody).toEqual([
      'media.mediaId must be the id of a file uploaded to this clinic (POST /api/v1/media)',
    ]);
    expect(await limitsOf(document(theirs.id))).toEqual(nobody);
    expect(await limitsOf(document(theirs.id), otherOrgId)).toEqual([]);
  });

  test('a file sent as what it is not is refused naming the field; a document may be any file', async () => {
    const pdf = await upload(PDF, 'application/pdf', 'compte rendu.pdf');
    const photo = await upload(PNG, 'image/png', 'photo.png');

    expect(
      await mediaReferenceViolations(handle.db, orgId, { type: 'image', media: { mediaId: pdf.id } }),
    ).toEqual([{ field: 'media.mediaId', limit: 'media.mediaId is a document, not an image' }]);
    expect(await limitsOf({ type: 'document', media: { mediaId: photo.id } })).toEqual([]);
    expect(
      await mediaReferenceViolations(handle.db, orgId, {
        type: 'template',
        name: 'resultats',
        language: 'fr',
        components: { header: { type: 'video', mediaId: photo.id } },
      }),
    ).toEqual([
      { field: 'components.header.mediaId', limit: 'components.header.mediaId is an image, not a video' },
    ]);
  });

  test('a patient’s file still downloading, or whose download failed, is neither served nor sent', async () => {
    const downloading = await received();
    await expect(served(downloading.id)).rejects.toMatchObject({
      name: 'MediaNotReadyError',
      status: 'pending',
    });
    expect(await limitsOf({ type: 'image', media: { mediaId: downloading.id } })).toEqual([
      'media.mediaId is still being downloaded: send it once it is stored',
    ]);

    await recordMediaFailed(handle.db, orgId, downloading.id, 'WhatsApp no longer has this file (404)');
    const failed = await served(downloading.id).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(MediaNotReadyError);
    expect(failed).toMatchObject({
      status: 'failed',
      message: 'Media could not be downloaded: WhatsApp no longer has this file (404)',
    });
    expect(await limitsOf({ type: 'image', media: { mediaId: downloading.id } })).toEqual([
      'media.mediaId is a file that could not be downloaded',
    ]);
  });

  test('a download that ran twice keeps its first copy, and a late failure does not undo it', async () => {
    const file = await received();
    const copy = async () => {
      const stored = await store.put({ orgId, bytes: PNG, mimeType: 'image/png' });
      return {
        storageKey: stored.key,
        sha256: stored.sha256,
        size: stored.size,
        mimeType: 'image/png',
        storedAt: new Date(),
      };
    };
    const first = await copy();
    expect(await recordMediaStored(handle.db, orgId, file.id, first)).toBe(true);
    expect(await recordMediaStored(handle.db, orgId, file.id, await copy())).toBe(false);
    await recordMediaFailed(handle.db, orgId, file.id, 'the second run timed out');
    expect(await findMediaFile(handle.db, orgId, file.id)).toMatchObject({
      status: 'stored',
      storageKey: first.storageKey,
      error: null,
    });
    expect((await served(file.id))?.bytes.equals(PNG)).toBe(true);
    // Another clinic cannot record this clinic’s file as stored.
    expect(await recordMediaStored(handle.db, otherOrgId, (await received()).id, await copy())).toBe(false);
  });
});
