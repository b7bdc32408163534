import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, type Json, patientWrites } from '../../../test/e2e/inbox-support.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { createWhatsAppAdapter } from '../../channels/whatsapp/whatsapp-adapter.ts';
import { jobs } from '../../db-schema.ts';
import { messages } from '../../modules/inbox/message.schema.ts';
import { insertMediaFile } from '../../modules/media/media.repository.ts';
import { mediaFiles } from '../../modules/media/media.schema.ts';
import { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { QueueJob } from '../../platform/jobs/define-queue.ts';
import { LocalEncryptedMediaStore } from '../../platform/media/local-encrypted-media-store.ts';
import { systemClock } from '../../platform/time/clock.ts';
import {
  channelMediaDownloadQueue,
  downloadChannelMedia,
  legacyWhatsAppMediaDownloadQueue,
} from './channel-media-download.job.ts';

const MB = 1024 * 1024;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
/** The first page of an Ogg Opus stream (the codec named at byte 28), then some sound. */
const VOICE = Buffer.concat([
  Buffer.from('OggS', 'latin1'),
  Buffer.alloc(24, 0),
  Buffer.from('OpusHead', 'latin1'),
  randomBytes(40_000),
]);

/** A PDF of `bytes` bytes: a real header, then what a scanner would fill it with. */
function pdfOf(bytes: number): Buffer<ArrayBuffer> {
  const pdf = Buffer.alloc(bytes, 0x20);
  pdf.write('%PDF-1.7\n% scan of a prescription\n', 'latin1');
  randomBytes(64 * 1024).copy(pdf, 1024);
  return pdf;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(TEST_ENGINES)(
  'a patient’s WhatsApp media, downloaded from Meta into the media store (%s)',
  (engine) => {
    let env: TestCareline;
    let clinic: TestClinic;
    const patient = '+33611223344';

    beforeAll(async () => {
      env = await startTestCareline(engine);
      clinic = await env.addClinic('Maison de santé du Port');
      await patientWrites(env, clinic, patient, 'Bonjour, je vous envoie mes documents');
    });
    afterAll(async () => {
      await env?.close();
    });

    const simulator = () => env.simulator.simulator;
    const downloadsOf = (mediaId: string | undefined) =>
      simulator()
        .mediaDownloads(clinic.number.phoneNumberId)
        .filter((download) => download.mediaId === mediaId);

    function filesOnDisk(): string[] {
      return readdirSync(env.mediaDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name));
    }
    const halfWritten = () => filesOnDisk().filter((path) => path.endsWith('.tmp'));

    /** The file a patient's message carries, as the API shows it. */
    async function fileOf(wamid: string): Promise<Json | undefined> {
      const [message] = await env.handle.db
        .select({ id: messages.id, conversationId: messages.conversationId })
        .from(messages)
        .where(eq(messages.externalId, wamid));
      if (!message) return undefined;
      const page = await call(
        env,
        clinic,
        'GET',
        `/conversations/${message.conversationId}/messages?limit=100`,
      );
      const found = (page.body.data as Json[]).find((m) => m.id === message.id);
      return (found?.media as Json[] | undefined)?.[0];
    }

    async function settled(wamid: string, timeoutMs = 30_000): Promise<Json> {
      return eventually(async () => {
        const file = await fileOf(wamid);
        return file && file.status !== 'pending' ? file : undefined;
      }, timeoutMs);
    }

    async function served(file: Json): Promise<Buffer> {
      const response = await env.api(clinic.apiKey, `/api/v1/media/${String(file.id)}`);
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    }

    function patientSends(
      type: 'image' | 'audio' | 'document',
      bytes: Buffer<ArrayBuffer>,
      extra: { mimeType: string; filename?: string; voice?: boolean },
    ) {
      return simulator().patientSends({
        phoneNumberId: clinic.number.phoneNumberId,
        from: patient,
        type,
        bytes,
        ...extra,
      });
    }

    test('a patient’s document streams into the media store while it downloads, never held whole', async () => {
      const scan = pdfOf(40 * MB);

      const sent = await patientSends('document', scan, {
        mimeType: 'application/pdf',
        filename: 'scan.pdf',
      });
      // The moment the store starts writing (its half-written file appears), how much had Meta sent?
      const servedWhenStoringBegan = await eventually(async () => {
        const [download] = downloadsOf(sent.mediaId);
        if (!download) return undefined;
        return halfWritten().length > 0 || download.outcome === 'served' ? download.bytesServed : undefined;
      }, 30_000);
      const file = await settled(sent.wamid);

      // What the sockets between them hold, a few MB: not the 40 MB read whole before storing anything.
      expect(servedWhenStoringBegan).toBeLessThan(20 * MB);
      expect(file).toMatchObject({
        status: 'stored',
        mime_type: 'application/pdf',
        size: scan.length,
        sha256: sha256(scan),
        error: null,
      });
      expect((await served(file)).equals(scan)).toBe(true);
      expect(halfWritten()).toEqual([]);
    });

    test('a patient’s document over the 100 MB limit is refused without its body being read', async () => {
      const before = filesOnDisk();
      const tooBig = pdfOf(100 * MB + 1);

      const sent = await patientSends('document', tooBig, {
        mimeType: 'application/pdf',
        filename: 'irm.pdf',
      });
      const file = await settled(sent.wamid);

      expect(file).toMatchObject({
        status: 'failed',
        error: `The document is larger than the ${100 * MB} bytes allowed (${100 * MB + 1} bytes)`,
      });
      // Meta announced its size: not one byte of it was asked for, nothing was stored.
      expect(downloadsOf(sent.mediaId)).toEqual([]);
      expect(filesOnDisk()).toEqual(before);
    });

    test('a photo, a voice note and a document arrive byte-identical', async () => {
      const pdf = pdfOf(3 * MB + 17);
      const photo = await patientSends('image', PNG, { mimeType: 'image/png' });
      const voice = await patientSends('audio', VOICE, { mimeType: 'audio/ogg; codecs=opus', voice: true });
      const document = await patientSends('document', pdf, {
        mimeType: 'application/pdf',
        filename: 'résultats-分析.pdf',
      });

      for (const [sent, bytes, mimeType] of [
        [photo, PNG, 'image/png'],
        [voice, VOICE, 'audio/ogg'],
        [document, pdf, 'application/pdf'],
      ] as const) {
        const file = await settled(sent.wamid);
        expect(file, mimeType).toMatchObject({
          status: 'stored',
          mime_type: mimeType,
          size: bytes.length,
          sha256: sha256(bytes),
        });
        expect((await served(file)).equals(bytes), mimeType).toBe(true);
      }
    });

    test('a download cut off mid-way leaves nothing readable, and the retry keeps the file whole, once', async () => {
      const before = filesOnDisk();
      const pdf = pdfOf(3 * MB);
      simulator().setBehaviour({ cutMediaDownloadsAfterBytes: 1 * MB }, clinic.number.phoneNumberId);

      const sent = await patientSends('document', pdf, {
        mimeType: 'application/pdf',
        filename: 'ordonnance.pdf',
      });
      const [row] = await eventually(async () => {
        const rows = await env.handle.db
          .select({ id: mediaFiles.id })
          .from(mediaFiles)
          .innerJoin(messages, eq(messages.id, mediaFiles.messageId))
          .where(eq(messages.externalId, sent.wamid));
        return rows.length > 0 ? rows : undefined;
      });
      const mediaFileId = String(row?.id);
      await eventually(async () => {
        const [job] = await env.handle.db.select().from(jobs).where(eq(jobs.dedupeKey, mediaFileId));
        return job?.status === 'queued' && job.attempts > 0 ? job : undefined;
      }, 15_000);
      // Held still while we look: no attempt under way.
      await env.careline.worker.stop();

      expect(await fileOf(sent.wamid)).toMatchObject({ status: 'pending', size: null, sha256: null });
      expect(halfWritten()).toEqual([]);
      expect(filesOnDisk()).toEqual(before);
      const attempts = downloadsOf(sent.mediaId);
      expect(attempts.length).toBeGreaterThan(0);
      expect(new Set(attempts.map((d) => `${d.outcome} after ${d.bytesServed} bytes`))).toEqual(
        new Set([`cut_off after ${1 * MB} bytes`]),
      );

      simulator().setBehaviour({}, clinic.number.phoneNumberId);
      await env.handle.db
        .update(jobs)
        .set({ runAt: sql`now()` })
        .where(and(eq(jobs.dedupeKey, mediaFileId), eq(jobs.status, 'queued')));
      env.careline.worker.start();
      const file = await settled(sent.wamid);

      expect(file).toMatchObject({ status: 'stored', size: pdf.length, sha256: sha256(pdf) });
      expect((await served(file)).equals(pdf)).toBe(true);
      expect(filesOnDisk()).toHaveLength(before.length + 1);
      expect(halfWritten()).toEqual([]);
      const rows = await env.handle.db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaFileId));
      expect(rows).toHaveLength(1);
    });

    test('a download that ran twice at once (its lease ran out) keeps one copy and one record', async () => {
      const pdf = pdfOf(2 * MB);
      const sent = await patientSends('document', pdf, {
        mimeType: 'application/pdf',
        filename: 'bilan.pdf',
      });
      await settled(sent.wamid);
      const root = mkdtempSync(join(tmpdir(), 'careline-media-twice-'));
      try {
        const store = new LocalEncryptedMediaStore({ root, cipher: FieldCipher.forKey(randomBytes(32)) });
        const file = await insertMediaFile(env.handle.db, {
          orgId: clinic.org.id,
          channelAccountId: clinic.account.id,
          kind: 'document',
          mimeType: 'application/pdf',
          fileName: 'bilan.pdf',
          providerMediaId: sent.mediaId ?? null,
          status: 'pending',
        });
        // The same job, claimed by two workers: the first one's lease ran out while it was downloading.
        const job: QueueJob<{ orgId: string; mediaFileId: string }> = {
          id: 1,
          queue: channelMediaDownloadQueue.name,
          payload: { orgId: clinic.org.id, mediaFileId: file.id },
          orgId: clinic.org.id,
          status: 'running',
          priority: 1,
          runAt: new Date(),
          attempts: 1,
          maxAttempts: 6,
          lockedUntil: new Date(),
          lastError: null,
          dedupeKey: file.id,
          sequenceKey: null,
          sequenceNo: null,
          createdAt: new Date(),
          finishedAt: null,
        };
        const deps = {
          db: env.handle.db,
          clock: systemClock,
          keyring: env.careline.keyring,
          mediaStore: store,
          logger: pino({ level: 'silent' }),
          secretsOf: env.careline.secretsOf,
          adapters: [createWhatsAppAdapter({ graphUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0' })],
        };

        await Promise.all([downloadChannelMedia(deps, job), downloadChannelMedia(deps, job)]);

        const kept = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
        expect(kept.map((entry) => entry.name)).toHaveLength(1);
        const [record] = await env.handle.db.select().from(mediaFiles).where(eq(mediaFiles.id, file.id));
        expect(record).toMatchObject({ status: 'stored', storageKey: kept[0]?.name, sha256: sha256(pdf) });
        expect((await store.get(clinic.org.id, String(record?.storageKey))).bytes.equals(pdf)).toBe(true);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
    test('a download queued by an earlier version under WhatsApp’s own queue name is still done', async () => {
      const pdf = pdfOf(1 * MB);
      const sent = await patientSends('document', pdf, { mimeType: 'application/pdf', filename: 'cr.pdf' });
      await settled(sent.wamid);
      // As the version before the channel port queued it: a registered file, its job on the old queue.
      const file = await insertMediaFile(env.handle.db, {
        orgId: clinic.org.id,
        channelAccountId: clinic.account.id,
        kind: 'document',
        mimeType: 'application/pdf',
        fileName: 'cr.pdf',
        providerMediaId: sent.mediaId ?? null,
        status: 'pending',
      });
      await legacyWhatsAppMediaDownloadQueue.enqueue(
        env.handle.db,
        { orgId: clinic.org.id, mediaFileId: file.id },
        { orgId: clinic.org.id, dedupeKey: file.id },
      );
      env.careline.worker.wake();

      const record = await eventually(async () => {
        const [row] = await env.handle.db.select().from(mediaFiles).where(eq(mediaFiles.id, file.id));
        return row?.status === 'pending' ? undefined : row;
      }, 30_000);
      expect(record).toMatchObject({ status: 'stored', size: pdf.length, sha256: sha256(pdf) });
    });
  },
);
