import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { graphCall, sendTo, uploadMedia } from './graph-client.test-support.ts';
import { simulatorRoutes } from './simulator.routes.ts';
import { changeValue, startSimulatorAndReceiver, TEST_NUMBER } from './webhook-receiver.test-support.ts';
import { WhatsAppSimulator } from './whatsapp-simulator.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

async function start() {
  harness = await startSimulatorAndReceiver({
    clock: { start: new Date('2026-03-02T09:00:00Z') },
    behaviour: { stopAfter: 'accepted' },
  });
  return harness;
}

describe('media', () => {
  it('uploads, describes, serves (Bearer only, 5 minutes) and deletes media', async () => {
    const { server, simulator, graph } = await start();

    const upload = await uploadMedia(server.url, JPEG, 'image/jpeg');
    const id = upload.body.id ?? '';
    const info = await graphCall(server.url, 'GET', `/v25.0/${id}`);
    const url = info.body.url ?? '';
    const download = await fetch(url, { headers: { authorization: `Bearer ${TEST_NUMBER.accessToken}` } });
    const anonymous = await fetch(url);
    const send = await graph(sendTo('33612345678', 'image', { id }));
    simulator.advanceClock(5 * MINUTE);
    const expired = await fetch(url, { headers: { authorization: `Bearer ${TEST_NUMBER.accessToken}` } });
    const deleted = await graphCall(server.url, 'DELETE', `/v25.0/${id}`);
    const afterDelete = await graphCall(server.url, 'GET', `/v25.0/${id}`);

    expect(upload).toEqual({ status: 200, body: { id: expect.stringMatching(/^\d{16}$/) } });
    expect(info.body).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringMatching(new RegExp(`^${server.url}/_media/[\\w-]+$`)),
      mime_type: 'image/jpeg',
      sha256: createHash('sha256').update(JPEG).digest('hex'),
      file_size: JPEG.length,
      id,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(JPEG);
    expect(anonymous.status).toBe(401);
    expect(send.status).toBe(200);
    expect(expired.status).toBe(404);
    expect(deleted.body).toEqual({ success: true });
    expect(afterDelete.body.error).toMatchObject({ code: 100 });
  });

  it('requires a valid token to describe media', async () => {
    const { server } = await start();
    const { body } = await uploadMedia(server.url, JPEG, 'image/jpeg');

    const noToken = await graphCall(server.url, 'GET', `/v25.0/${body.id}`, { token: null });

    expect(noToken.status).toBe(401);
    expect(noToken.body.error?.code).toBe(190);
  });

  it('enforces per-type MIME and size limits, naming the limit', async () => {
    const { server } = await start();

    const html = await uploadMedia(server.url, Buffer.from('<html>'), 'text/html');
    const bigImage = await uploadMedia(server.url, Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg');
    const bigSticker = await uploadMedia(server.url, Buffer.alloc(500 * 1024 + 1), 'image/webp');
    const voice = await uploadMedia(server.url, Buffer.from('OggS'), 'audio/ogg; codecs=opus');

    expect(html.status).toBe(400);
    expect(html.body.error).toMatchObject({ code: 131053, message: '(#131053) Media upload error' });
    expect(html.body.error?.error_data?.details).toContain('unsupported MIME type text/html');
    expect(bigImage.body.error?.error_data?.details).toBe(
      'Param file is 5242881 bytes; image files must be at most 5242880 bytes.',
    );
    expect(bigSticker.body.error?.error_data?.details).toContain(
      'sticker files must be at most 512000 bytes',
    );
    expect(voice.status).toBe(200);
  });

  it('expires uploaded ids after 30 days and webhook ids after 7', async () => {
    const { server, simulator } = await start();
    const uploaded = (await uploadMedia(server.url, JPEG, 'image/jpeg')).body.id;
    const { mediaId: received } = await simulator.patientSends({
      type: 'image',
      from: '+33612345678',
      bytes: JPEG,
    });

    simulator.advanceClock(7 * DAY);
    const receivedAfter7 = await graphCall(server.url, 'GET', `/v25.0/${received}`);
    const uploadedAfter7 = await graphCall(server.url, 'GET', `/v25.0/${uploaded}`);
    simulator.advanceClock(23 * DAY);
    const uploadedAfter30 = await graphCall(server.url, 'GET', `/v25.0/${uploaded}`);

    expect(receivedAfter7.body.error?.code).toBe(100);
    expect(uploadedAfter7.status).toBe(200);
    expect(uploadedAfter30.body.error?.code).toBe(100);
  });

  it('delivers a patient image with the stored id, mime type, sha256 and caption, downloadable by id', async () => {
    const { server, simulator, receiver } = await start();

    const { mediaId, wamid } = await simulator.patientSends({
      type: 'image',
      from: '+33612345678',
      bytes: JPEG,
      caption: 'Ma radio',
    });
    const info = await graphCall(server.url, 'GET', `/v25.0/${mediaId}`);
    const download = await fetch(info.body.url ?? '', {
      headers: { authorization: `Bearer ${TEST_NUMBER.accessToken}` },
    });

    const [webhook] = receiver.received;
    if (!webhook) throw new Error('no webhook');
    expect(changeValue(webhook).messages?.[0]).toEqual({
      from: '33612345678',
      id: wamid,
      timestamp: String(Date.parse('2026-03-02T09:00:00Z') / 1000),
      type: 'image',
      image: {
        caption: 'Ma radio',
        mime_type: 'image/jpeg',
        sha256: createHash('sha256').update(JPEG).digest('base64'),
        id: mediaId,
      },
    });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(JPEG);
  });

  it('serves a download in pieces with its length, records what went out, and cuts it off when told', async () => {
    const { server, simulator } = await start();
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300 * 1024, 0x20)]);
    const { mediaId } = await simulator.patientSends({
      type: 'document',
      from: '+33612345678',
      bytes: scan,
      mimeType: 'application/pdf',
      filename: 'scan.pdf',
    });
    const download = async () => {
      const info = await graphCall(server.url, 'GET', `/v25.0/${mediaId}`);
      const response = await fetch(info.body.url ?? '', {
        headers: { authorization: `Bearer ${TEST_NUMBER.accessToken}` },
      });
      const body = await response.arrayBuffer().then(
        (bytes) => Buffer.from(bytes),
        (error: unknown) => error,
      );
      return { length: response.headers.get('content-length'), body };
    };

    const whole = await download();
    simulator.setBehaviour({ cutMediaDownloadsAfterBytes: 100_000 }, TEST_NUMBER.phoneNumberId);
    const cut = await download();

    expect(whole).toEqual({ length: String(scan.length), body: scan });
    expect(cut.length).toBe(String(scan.length));
    expect(cut.body).toBeInstanceOf(Error);
    expect(simulator.mediaDownloads(TEST_NUMBER.phoneNumberId)).toEqual([
      {
        mediaId,
        startedAt: expect.any(String),
        size: scan.length,
        bytesServed: scan.length,
        outcome: 'served',
      },
      { mediaId, startedAt: expect.any(String), size: scan.length, bytesServed: 100_000, outcome: 'cut_off' },
    ]);
  });

  it('builds media URLs under the prefix the simulator is mounted at', async () => {
    const host = Fastify();
    const simulator = new WhatsAppSimulator({ behaviour: { stopAfter: 'accepted' } });
    await host.register(simulatorRoutes(simulator), { prefix: '/simulator' });
    const base = `${await host.listen({ port: 0, host: '127.0.0.1' })}/simulator`;
    cleanups.push(async () => {
      await simulator.close();
      await host.close();
    });
    simulator.registerNumber({ ...TEST_NUMBER, webhookUrl: 'http://127.0.0.1:9/x' });

    const { body } = await uploadMedia(base, JPEG, 'image/png');
    const info = await graphCall(base, 'GET', `/v25.0/${body.id}`);
    const download = await fetch(info.body.url ?? '', {
      headers: { authorization: `Bearer ${TEST_NUMBER.accessToken}` },
    });

    expect(info.body.url).toMatch(new RegExp(`^${base}/_media/`));
    expect(download.status).toBe(200);
  });
});
