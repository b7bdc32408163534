import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, type Json, type PageJson, patientWrites } from '../../../test/e2e/inbox-support.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { mediaFiles } from './media.schema.ts';

/** A 2×2 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nRésultats de Chloé\n%%EOF');
/** What the auditor uploaded: a page whose script acts with the session of whoever opens it. */
const PAGE = Buffer.from(
  '<!doctype html><html><body><script>fetch("/api/v1/users",{method:"POST",credentials:"include"})</script></body></html>',
);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'/api/v1/users\',{method:\'POST\'})"><circle r="4"/></svg>',
);
const MB = 1024 * 1024;

describe.each(TEST_ENGINES)('media files (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  let conversationId: string;
  const patient = '+33655443322';

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Centre de santé des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
    conversationId = String((await patientWrites(env, clinic, patient, 'Bonjour')).conversation.id);
  });
  afterAll(async () => {
    await env?.close();
  });

  async function upload(
    as: TestClinic,
    bytes: Buffer,
    type: string,
    name: string,
  ): Promise<{ status: number; body: Json }> {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const response = await fetch(`${env.url}/api/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as.apiKey}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async function download(as: TestClinic, id: unknown, query = ''): Promise<Response> {
    return fetch(`${env.url}/api/v1/media/${String(id)}${query}`, {
      headers: { authorization: `Bearer ${as.apiKey}` },
    });
  }

  async function storedCount(): Promise<number> {
    const [row] = await env.handle.db.select({ n: count() }).from(mediaFiles);
    return row?.n ?? 0;
  }

  function filesOnDisk(): number {
    return readdirSync(env.mediaDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      .length;
  }

  /** A patient's file, received through Meta (the simulator) and downloaded by Careline's job. */
  async function patientSendsDocument(
    bytes: Buffer<ArrayBuffer>,
    mimeType: string,
    filename: string,
  ): Promise<Json> {
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: patient,
      type: 'document',
      bytes,
      mimeType,
      filename,
    });
    return eventually(async () => {
      const page = (await call(env, clinic, 'GET', `/conversations/${conversationId}/messages`))
        .body as unknown as PageJson;
      const file = (page.data.find((m) => m.external_id === sent.wamid)?.media as Json[] | undefined)?.[0];
      return file?.status === 'stored' ? file : undefined;
    });
  }

  function expectFileHeaders(response: Response, disposition: 'attachment' | 'inline'): void {
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^${disposition}; filename="`));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  }

  test('an HTML upload is refused', async () => {
    const before = { rows: await storedCount(), files: filesOnDisk() };
    // However it is dressed: as HTML, as plain text, as a photo.
    for (const [type, name] of [
      ['text/html', 'page.html'],
      ['text/plain', 'notes.txt'],
      ['image/png', 'photo.png'],
      ['application/pdf', 'ordonnance.pdf'],
    ] as const) {
      const refused = await upload(clinic, PAGE, type, name);
      expect(refused.status, `${type} ${name}`).toBe(415);
      expect(refused.body).toMatchObject({
        errors: [{ field: 'body.file', message: expect.stringContaining('an HTML page') }],
      });
    }
    expect({ rows: await storedCount(), files: filesOnDisk() }).toEqual(before);
  });

  test('an SVG upload is refused', async () => {
    const before = await storedCount();
    for (const [type, name] of [
      ['image/svg+xml', 'schema.svg'],
      ['image/png', 'schema.png'],
    ] as const) {
      const refused = await upload(clinic, SVG, type, name);
      expect(refused.status, `${type} ${name}`).toBe(415);
      expect(refused.body).toMatchObject({
        errors: [{ field: 'body.file', message: expect.stringContaining('an SVG image') }],
      });
    }
    expect(await storedCount()).toBe(before);
  });

  test('a file is served as an attachment with nosniff and a sandbox CSP', async () => {
    const pdf = await upload(clinic, PDF, 'application/pdf', 'ordonnance.pdf');
    expect(pdf).toMatchObject({ status: 201, body: { kind: 'document', mime_type: 'application/pdf' } });
    const asFile = await download(clinic, pdf.body.id);
    expect(asFile.status).toBe(200);
    expectFileHeaders(asFile, 'attachment');
    expect(asFile.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await asFile.arrayBuffer()).equals(PDF)).toBe(true);
    const head = await fetch(`${env.url}/api/v1/media/${String(pdf.body.id)}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${clinic.apiKey}` },
    });
    expectFileHeaders(head, 'attachment');
    expect(head.headers.get('content-length')).toBe(String(PDF.length));
    // A document stays a download whatever is asked.
    const document = await download(clinic, pdf.body.id, '?disposition=inline');
    expectFileHeaders(document, 'attachment');

    // Declared as a PDF, a PNG is kept as what its bytes are: a picture, which the web app shows.
    const photo = await upload(clinic, PNG, 'application/pdf', 'radio.pdf');
    expect(photo).toMatchObject({ status: 201, body: { kind: 'image', mime_type: 'image/png' } });
    const saved = await download(clinic, photo.body.id);
    expectFileHeaders(saved, 'attachment');
    expect(saved.headers.get('content-type')).toBe('image/png');
    const shown = await download(clinic, photo.body.id, '?disposition=inline');
    expectFileHeaders(shown, 'inline');
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await shown.arrayBuffer()).equals(PNG)).toBe(true);
  });

  test('a patient’s HTML document is never served inline', async () => {
    for (const [mimeType, filename] of [
      ['application/pdf', 'resultats.pdf'],
      ['text/plain', 'resultats.txt'],
    ] as const) {
      const file = await patientSendsDocument(PAGE, mimeType, filename);
      expect(file.mime_type, filename).toBe('application/octet-stream');
      for (const query of ['', '?disposition=inline']) {
        const served = await download(clinic, file.id, query);
        expect(served.status).toBe(200);
        expectFileHeaders(served, 'attachment');
        expect(served.headers.get('content-type')).toBe('application/octet-stream');
        // Kept all the same: it is what the patient sent.
        expect(Buffer.from(await served.arrayBuffer()).equals(PAGE)).toBe(true);
      }
      // Recorded as the code before these checks did (the type Meta declared): the bytes still decide.
      await env.handle.db
        .update(mediaFiles)
        .set({ mimeType: 'text/html', kind: 'image' })
        .where(eq(mediaFiles.id, String(file.id)));
      const legacy = await download(clinic, file.id, '?disposition=inline');
      expectFileHeaders(legacy, 'attachment');
      expect(legacy.headers.get('content-type')).toBe('application/octet-stream');
    }
  });

  test('a document with a non-ASCII name downloads', async () => {
    const name = 'résultats-分析-😀.pdf';
    const encoded = "filename*=UTF-8''r%C3%A9sultats-%E5%88%86%E6%9E%90-%F0%9F%98%80.pdf";
    const uploaded = await upload(clinic, PDF, 'application/pdf', name);
    expect(uploaded).toMatchObject({ status: 201, body: { file_name: name } });
    const received = await patientSendsDocument(PDF, 'application/pdf', name);
    expect(received.file_name).toBe(name);

    for (const id of [uploaded.body.id, received.id]) {
      const response = await download(clinic, id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="resultats-__-_.pdf"; ${encoded}`,
      );
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    }
  });

  test('another clinic’s media id is refused with 400 naming the field', async () => {
    const theirs = await upload(other, PNG, 'image/png', 'leur-radio.png');
    const ours = await upload(clinic, PDF, 'application/pdf', 'ordonnance.pdf');
    const send = (body: Json) => call(env, clinic, 'POST', `/conversations/${conversationId}/messages`, body);

    const cases: Array<[Json, string, string]> = [
      [
        { type: 'image', media: { mediaId: theirs.body.id } },
        'body.media.mediaId',
        'uploaded to this clinic',
      ],
      [
        { type: 'image', media: { mediaId: theirs.body.id, providerMediaId: '123456' } },
        'body.media.mediaId',
        'uploaded to this clinic',
      ],
      [
        {
          type: 'buttons',
          body: 'Votre radio',
          header: { type: 'image', mediaId: theirs.body.id },
          buttons: [{ id: 'ok', title: 'OK' }],
        },
        'body.header.mediaId',
        'uploaded to this clinic',
      ],
      [
        { type: 'document', media: { mediaId: '7c2e9a10-3b4d-4e5f-8a6b-9c0d1e2f3a02' } },
        'body.media.mediaId',
        'uploaded to this clinic',
      ],
      [
        { type: 'image', media: { mediaId: ours.body.id } },
        'body.media.mediaId',
        'is a document, not an image',
      ],
    ];
    const [before] = await env.handle.db
      .select({ n: count() })
      .from(mediaFiles)
      .where(eq(mediaFiles.orgId, other.org.id));
    for (const [body, field, message] of cases) {
      const refused = await send(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
    }
    // Their own file still goes out from their clinic; ours from ours.
    expect(
      (await send({ type: 'document', media: { mediaId: ours.body.id }, fileName: 'ordonnance.pdf' })).status,
    ).toBe(202);
    const [after] = await env.handle.db
      .select({ n: count() })
      .from(mediaFiles)
      .where(eq(mediaFiles.orgId, other.org.id));
    expect(after).toEqual(before);
  });

  test('an upload over the limit is refused while streaming', async () => {
    const before = { rows: await storedCount(), files: filesOnDisk() };
    // 200 MB offered as a "photo": the server must answer at the 5 MB image limit, having read about that.
    const answer = await streamUpload(`${env.url}/api/v1/media`, clinic.apiKey, PNG, 200 * MB);

    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({
      errors: [{ field: 'body.file', message: 'an image is at most 5 MB' }],
    });
    // About 5 MB read, and what the sockets' buffers hold (some MB on loopback): never the 100 MB it
    // used to read whole before refusing, nor the 200 MB offered.
    expect(answer.sentBytes).toBeLessThan(32 * MB);
    expect({ rows: await storedCount(), files: filesOnDisk() }).toEqual(before);
    // The server is none the worse: the next upload goes through.
    expect((await upload(clinic, PNG, 'image/png', 'dos.png')).status).toBe(201);
  });
});

/**
 * A multipart upload whose body is produced as the server reads it (a file of `offerBytes` starting
 * with `head`), stopped as soon as the server answers: how much was sent says how much it read.
 */
async function streamUpload(
  url: string,
  apiKey: string,
  head: Buffer,
  offerBytes: number,
): Promise<{ status: number; body: Json; sentBytes: number }> {
  const boundary = 'careline-streaming-test';
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  let response: IncomingMessage | undefined;
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', (incoming) => {
      response = incoming;
      resolve(incoming);
    });
    // Once the server has answered and closed, further writes fail: that is the expected end.
    request.on('error', (error) => (response ? undefined : reject(error)));
  });
  request.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  request.write(head);
  let sentBytes = head.length;
  const filler = Buffer.alloc(64 * 1024, 0x2a);
  while (!response && sentBytes < offerBytes && !request.destroyed) {
    sentBytes += filler.length;
    if (!request.write(filler)) await Promise.race([once(request, 'drain'), answered]);
  }
  const incoming = await answered;
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(Buffer.from(chunk));
  request.destroy();
  return {
    status: incoming.statusCode ?? 0,
    body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json,
    sentBytes,
  };
}
