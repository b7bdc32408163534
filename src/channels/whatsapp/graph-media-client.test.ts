import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type DownloadExpectations,
  type GraphMediaAccount,
  GraphMediaClient,
  MediaTransferError,
} from './graph-media-client.ts';

const TOKEN = 'EAAG-test-token';
const MB = 1024 * 1024;
const photo = Buffer.from('\xff\xd8\xff\xe0 a JPEG of a rash', 'latin1');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const A_CHUNK = Buffer.alloc(64 * 1024, 0x61);
/** The SHA-256 of a generated body of `bytes` (a multiple of 64 KiB). */
function generatedSha256(bytes: number): string {
  const hash = createHash('sha256');
  for (let done = 0; done < bytes; done += A_CHUNK.length) hash.update(A_CHUNK);
  return hash.digest('hex');
}

interface FakeMedia {
  /** A generated body: `streamedBytes` of "a", produced as they are read; `breaks` drops the connection at the end. */
  body: Buffer | { streamedBytes: number; breaks?: boolean };
  mimeType: string;
  sha256?: string;
  fileSize?: number;
  /** The first download URL handed out has already expired when used. */
  expireFirstUrl?: boolean;
  graphError?: { status: number; code: number };
}

/** A stand-in for Meta: media lookup, expiring download URLs behind the bearer token, multipart upload. */
const meta = {
  media: new Map<string, FakeMedia>(),
  lookups: 0,
  downloads: 0,
  streamedBytes: 0,
  userAgents: [] as (string | undefined)[],
  uploads: [] as {
    fields: Record<string, string>;
    file: { name: string; type: string; bytes: Buffer } | null;
  }[],
  expiredUrls: new Set<string>(),
  reset() {
    this.media.clear();
    this.lookups = 0;
    this.downloads = 0;
    this.streamedBytes = 0;
    this.userAgents = [];
    this.uploads = [];
    this.expiredUrls.clear();
  },
};

// After a cancelled body, undici opens a spare connection that never sends a request; close it too.
const app = Fastify({ forceCloseConnections: true });
let account: GraphMediaAccount;

function authorized(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.headers.authorization === `Bearer ${TOKEN}`) return true;
  void reply.code(401).send({
    error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'Ax' },
  });
  return false;
}

beforeAll(async () => {
  await app.register(multipart, { limits: { fileSize: 200 * MB } });

  app.get<{ Params: { mediaId: string } }>('/v25.0/:mediaId', async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    const media = meta.media.get(request.params.mediaId);
    if (!media) {
      return reply.code(400).send({
        error: {
          message: 'Unsupported get request.',
          type: 'GraphMethodException',
          code: 100,
          error_subcode: 33,
        },
      });
    }
    if (media.graphError) {
      const { status, code } = media.graphError;
      return reply.code(status).send({ error: { message: `(#${code}) Something`, code } });
    }
    meta.lookups += 1;
    const url = `${account.graphUrl}/download/${request.params.mediaId}/${meta.lookups}`;
    if (media.expireFirstUrl && meta.lookups === 1) meta.expiredUrls.add(url);
    const body = Buffer.isBuffer(media.body) ? media.body : null;
    return {
      messaging_product: 'whatsapp',
      url,
      mime_type: media.mimeType,
      sha256: media.sha256 ?? (body ? sha256(body) : 'f'.repeat(64)),
      file_size: media.fileSize ?? body?.length ?? 1000,
      id: request.params.mediaId,
    };
  });

  app.get<{ Params: { mediaId: string } }>('/download/:mediaId/:n', async (request, reply) => {
    meta.userAgents.push(request.headers['user-agent']);
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return reply.code(401).send('Unauthorized');
    if (meta.expiredUrls.has(`${account.graphUrl}${request.url}`)) return reply.code(404).send('Expired');
    const media = meta.media.get(request.params.mediaId);
    if (!media) return reply.code(404).send('Not found');
    meta.downloads += 1;
    void reply.type(media.mimeType);
    if (Buffer.isBuffer(media.body)) return reply.send(media.body);
    // An endless-looking body, produced only as fast as the client reads it; no Content-Length.
    const { streamedBytes: total, breaks } = media.body;
    return reply.send(
      Readable.from(
        (function* () {
          while (meta.streamedBytes < total) {
            meta.streamedBytes += A_CHUNK.length;
            yield A_CHUNK;
          }
          if (breaks) throw new Error('connection dropped');
        })(),
      ),
    );
  });

  app.post<{ Params: { phoneNumberId: string } }>('/v25.0/:phoneNumberId/media', async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    const fields: Record<string, string> = {};
    let file: { name: string; type: string; bytes: Buffer } | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        file = { name: part.filename, type: part.mimetype, bytes: await part.toBuffer() };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    meta.uploads.push({ fields, file });
    if (fields.messaging_product !== 'whatsapp' || !file || fields.type !== file.type) {
      return reply.code(400).send({ error: { message: 'Param file is invalid', code: 100 } });
    }
    return { id: `${request.params.phoneNumberId}-upload-${meta.uploads.length}` };
  });

  app.delete<{ Params: { mediaId: string } }>('/v25.0/:mediaId', async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    if (meta.media.delete(request.params.mediaId)) return { success: true };
    return reply
      .code(400)
      .send({ error: { message: 'Unsupported delete request.', code: 100, error_subcode: 33 } });
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  account = { graphUrl: `http://127.0.0.1:${port}`, apiVersion: 'v25.0', accessToken: TOKEN };
});

afterAll(async () => {
  await app.close();
});

beforeEach(() => meta.reset());

const client = new GraphMediaClient({ timeoutMs: 5_000, downloadTimeoutMs: 10_000 });

/** Downloads into memory, as only a test may. */
function downloadWhole(
  from: GraphMediaAccount,
  mediaId: string,
  expected: DownloadExpectations = {},
  using = client,
): Promise<{ bytes: Buffer; mimeType: string; kind: string }> {
  return using.downloadMedia(from, mediaId, expected, async (download) => {
    const pieces: Buffer[] = [];
    for await (const piece of download.chunks) pieces.push(Buffer.from(piece));
    return { bytes: Buffer.concat(pieces), mimeType: download.mimeType, kind: download.kind };
  });
}

async function transferError(promise: Promise<unknown>): Promise<MediaTransferError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof MediaTransferError) return error;
  throw new Error(`expected a MediaTransferError, got ${String(error)}`);
}

describe('GraphMediaClient', () => {
  it('resolves a media id to its short-lived URL', async () => {
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg' });

    expect(await client.resolveMedia(account, 'm1')).toEqual({
      url: expect.stringMatching(/\/download\/m1\/1$/),
      mimeType: 'image/jpeg',
      sha256: sha256(photo),
      fileSize: photo.length,
    });
  });

  it('downloads with the bearer token and a User-Agent, checking the SHA-256', async () => {
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg' });

    const downloaded = await downloadWhole(account, 'm1', { kind: 'image', sha256: sha256(photo) });

    expect(downloaded).toEqual({ bytes: photo, mimeType: 'image/jpeg', kind: 'image' });
    expect(meta.userAgents).toEqual(['Careline']);
  });

  it('accepts a voice note (Ogg Opus) and refuses Ogg Vorbis', async () => {
    const voice = Buffer.from('OggS opus voice note');
    meta.media.set('voice', { body: voice, mimeType: 'audio/ogg; codecs=opus' });
    meta.media.set('vorbis', { body: voice, mimeType: 'audio/ogg; codecs=vorbis' });

    expect(await downloadWhole(account, 'voice')).toMatchObject({ kind: 'audio', bytes: voice });
    expect(await transferError(downloadWhole(account, 'vorbis'))).toMatchObject({
      disposition: 'fail',
      problem: 'unsupported_type',
    });
  });

  it('looks the media up again when the download URL has expired', async () => {
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg', expireFirstUrl: true });

    const downloaded = await downloadWhole(account, 'm1');

    expect(downloaded.bytes).toEqual(photo);
    expect(meta.lookups).toBe(2);
    expect(meta.downloads).toBe(1);
  });

  it('downloads once more on a checksum mismatch, then fails; the receiver learns it before the end', async () => {
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg', sha256: 'ab'.repeat(32) });
    const readings: string[] = [];

    const error = await transferError(
      client.downloadMedia(account, 'm1', {}, async (download) => {
        let bytes = 0;
        try {
          for await (const piece of download.chunks) bytes += piece.byteLength;
          readings.push(`${bytes} bytes, then the end`);
        } catch (failure) {
          readings.push(`${bytes} bytes, then ${(failure as MediaTransferError).problem}`);
          throw failure;
        }
      }),
    );

    expect(error).toMatchObject({ disposition: 'fail', problem: 'checksum_mismatch' });
    expect(error.message).toMatch(/SHA-256, twice/);
    // Every byte came, but the iteration failed instead of ending: a store throws its copy away.
    expect(readings).toEqual([
      `${photo.length} bytes, then checksum_mismatch`,
      `${photo.length} bytes, then checksum_mismatch`,
    ]);
    expect(meta.downloads).toBe(2);
    meta.media.set('m2', { body: photo, mimeType: 'image/jpeg' });
    const fromWebhook = await transferError(downloadWhole(account, 'm2', { sha256: 'cd'.repeat(32) }));
    expect(fromWebhook.problem).toBe('checksum_mismatch');
  });

  it('cuts off a body larger than the limit without receiving it whole', async () => {
    const total = 64 * MB;
    meta.media.set('huge', { body: { streamedBytes: total }, mimeType: 'image/jpeg', fileSize: 1000 });

    const error = await transferError(downloadWhole(account, 'huge'));

    expect(error).toMatchObject({ disposition: 'fail', problem: 'too_large' });
    expect(error.message).toMatch(/^The image is larger than the 5242880 bytes allowed$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(meta.streamedBytes).toBeLessThan(16 * MB);
  });

  it('hands a patient’s document over as it arrives, never buffered whole', async () => {
    const total = 64 * MB;
    meta.media.set('scan', {
      body: { streamedBytes: total },
      mimeType: 'application/pdf',
      sha256: generatedSha256(total),
      fileSize: total,
    });
    let producedAtFirstPiece = 0;
    let received = 0;

    await client.downloadMedia(account, 'scan', { kind: 'document' }, async (download) => {
      for await (const piece of download.chunks) {
        if (received === 0) producedAtFirstPiece = meta.streamedBytes;
        received += piece.byteLength;
      }
    });

    expect(received).toBe(total);
    // What the sockets hold between Meta and the receiver, not the 64 MB held before handing them over.
    expect(producedAtFirstPiece).toBeLessThan(16 * MB);
  });

  it('a receiver’s own failure is thrown as it is, and the rest of the body is never received', async () => {
    meta.media.set('scan', {
      body: { streamedBytes: 64 * MB },
      mimeType: 'application/pdf',
      fileSize: 64 * MB,
    });

    const failure = await client
      .downloadMedia(account, 'scan', {}, async (download) => {
        for await (const _piece of download.chunks) throw new Error('ENOSPC: no space left on device');
      })
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ message: 'ENOSPC: no space left on device' });
    expect(failure).not.toBeInstanceOf(MediaTransferError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(meta.streamedBytes).toBeLessThan(16 * MB);
  });

  it('a transfer that breaks off half-way fails the reading, to be retried', async () => {
    meta.media.set('scan', {
      body: { streamedBytes: 2 * MB, breaks: true },
      mimeType: 'application/pdf',
      fileSize: 4 * MB,
    });

    const error = await transferError(downloadWhole(account, 'scan'));

    expect(error).toMatchObject({ disposition: 'retry', problem: 'unreachable' });
    expect(error.message).toMatch(/^The WhatsApp media download was interrupted/);
  });

  it('a receiver that does not read the body to the end keeps nothing unchecked', async () => {
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg' });

    const failure = await client
      .downloadMedia(account, 'm1', {}, async () => 'kept without reading')
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ message: expect.stringMatching(/without being read to the end/) });
  });

  it('refuses a body whose Content-Length is over the limit, whatever the lookup said', async () => {
    meta.media.set('liar', { body: Buffer.alloc(6 * MB), mimeType: 'image/jpeg', fileSize: 1000 });

    const error = await transferError(downloadWhole(account, 'liar'));

    expect(error.message).toBe(`The image is larger than the 5242880 bytes allowed (${6 * MB} bytes)`);
  });

  it('refuses before downloading when Meta announces too large a file, or the caller allows less', async () => {
    meta.media.set('big', { body: photo, mimeType: 'image/jpeg', fileSize: 6 * MB });
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg' });

    expect(await transferError(downloadWhole(account, 'big'))).toMatchObject({ problem: 'too_large' });
    const capped = await transferError(downloadWhole(account, 'm1', { maxBytes: 10 }));
    expect(capped).toMatchObject({ disposition: 'fail', problem: 'too_large' });
    expect(meta.downloads).toBe(0);
  });

  it('refuses a MIME type WhatsApp does not carry, or not the expected one', async () => {
    meta.media.set('zip', { body: photo, mimeType: 'application/zip' });
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg' });

    const zip = await transferError(downloadWhole(account, 'zip'));
    expect(zip).toMatchObject({ disposition: 'fail', problem: 'unsupported_type' });
    expect(zip.message).toBe('WhatsApp does not carry media of type application/zip');
    const notAudio = await transferError(downloadWhole(account, 'm1', { kind: 'audio' }));
    expect(notAudio.message).toBe('Expected audio media, got image/jpeg');
    const notPng = await transferError(downloadWhole(account, 'm1', { mimeType: 'image/png' }));
    expect(notPng.problem).toBe('unsupported_type');
    expect(meta.downloads).toBe(0);
  });

  it('fails on a bad token, with the Graph code and what to check', async () => {
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg' });

    const error = await transferError(downloadWhole({ ...account, accessToken: 'wrong' }, 'm1'));

    expect(error).toMatchObject({ disposition: 'fail', problem: 'refused', graphCode: 190 });
    expect(error.message).toMatch(/Invalid OAuth access token.*check the access token/);
  });

  it('sorts Graph refusals with the error policy: 131053 and 5xx retry, 100 fails', async () => {
    meta.media.set('later', {
      body: photo,
      mimeType: 'image/jpeg',
      graphError: { status: 400, code: 131053 },
    });
    meta.media.set('down', { body: photo, mimeType: 'image/jpeg', graphError: { status: 503, code: 2 } });

    expect(await transferError(client.resolveMedia(account, 'later'))).toMatchObject({
      disposition: 'retry',
      graphCode: 131053,
    });
    expect(await transferError(client.resolveMedia(account, 'down'))).toMatchObject({ disposition: 'retry' });
    expect(await transferError(client.resolveMedia(account, 'gone'))).toMatchObject({
      disposition: 'fail',
      graphCode: 100,
    });
  });

  it('retries when Graph cannot be reached', async () => {
    const offline = { ...account, graphUrl: 'http://127.0.0.1:9' };

    expect(await transferError(client.resolveMedia(offline, 'm1'))).toMatchObject({
      disposition: 'retry',
      problem: 'unreachable',
    });
  });

  it('will not send the token to a plain-HTTP URL when Graph is HTTPS', async () => {
    const fakeFetch: typeof fetch = async () =>
      Response.json({ url: 'http://lookaside.example/x', mime_type: 'image/jpeg', sha256: sha256(photo) });
    const strict = new GraphMediaClient({ fetch: fakeFetch });

    const error = await transferError(
      downloadWhole({ ...account, graphUrl: 'https://graph.test' }, 'm1', {}, strict),
    );

    expect(error).toMatchObject({ disposition: 'fail', problem: 'invalid_response' });
  });

  it('uploads as multipart with the fields Meta expects', async () => {
    const pdf = Buffer.from('%PDF-1.7 ordonnance');

    const { mediaId } = await client.uploadMedia(
      { ...account, phoneNumberId: '1065' },
      { bytes: pdf, mimeType: 'application/pdf', fileName: 'ordonnance.pdf' },
    );

    expect(mediaId).toBe('1065-upload-1');
    expect(meta.uploads).toEqual([
      {
        fields: { messaging_product: 'whatsapp', type: 'application/pdf' },
        file: { name: 'ordonnance.pdf', type: 'application/pdf', bytes: pdf },
      },
    ]);
  });

  it('refuses to upload what WhatsApp would refuse, without calling it', async () => {
    const uploader = { ...account, phoneNumberId: '1065' };

    const zip = client.uploadMedia(uploader, {
      bytes: photo,
      mimeType: 'application/zip',
      fileName: 'a.zip',
    });
    expect(await transferError(zip)).toMatchObject({ disposition: 'fail', problem: 'unsupported_type' });
    const sticker = { bytes: Buffer.alloc(600 * 1024), mimeType: 'image/webp', fileName: 's.webp' };
    expect(await transferError(client.uploadMedia(uploader, sticker))).toMatchObject({
      problem: 'too_large',
    });
    expect(meta.uploads).toEqual([]);
  });

  it('deletes media', async () => {
    meta.media.set('m1', { body: photo, mimeType: 'image/jpeg' });

    await client.deleteMedia(account, 'm1');

    expect(meta.media.has('m1')).toBe(false);
    expect(await transferError(client.deleteMedia(account, 'm1'))).toMatchObject({
      disposition: 'fail',
      graphCode: 100,
    });
  });
});
