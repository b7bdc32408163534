/**
 * `npm run bench -- media-download [--files 8] [--mb 100] [--engine pglite|postgres]`: what patients'
 * large documents cost Careline's memory while it downloads them from Meta. Runs `careline serve`
 * (PGlite in a temporary data directory, or a fresh PostgreSQL database, where the worker downloads
 * four at a time) against a stand-in for Meta's media host that makes each file as it is read. Sends
 * `--files` signed webhooks, each a patient's PDF of `--mb` MB, waits until every one is stored, and
 * samples the server's resident memory (VmRSS) every 20 ms.
 */

import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { messagesWebhook, postWebhook, unixNow } from '../test/support/meta-webhooks.ts';
import { Flags } from './lib/args.ts';
import { type BenchClinic, setUpClinic, sleep, spawnCareline } from './lib/careline.ts';
import { createBenchDatabase } from './lib/pg.ts';

const MB = 1024 * 1024;

export async function runMediaDownload(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const files = flags.number('files', 8, { min: 1, max: 64 });
  const megabytes = flags.number('mb', 100, { min: 1, max: 100 });
  const engine = flags.string('engine', 'pglite');
  flags.rejectUnknown();
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine is pglite or postgres');

  const meta = await startMediaHost(megabytes * MB);
  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-media-download-'));
  const database = engine === 'postgres' ? await createBenchDatabase('media') : undefined;
  const env: Record<string, string> = database
    ? { DATABASE_URL: database.url, DATA_DIR: dataDir }
    : { DATA_DIR: dataDir };
  try {
    const clinic = await setUpClinic(env, meta.url);
    // As `npm start` runs it.
    const server = await spawnCareline(env, { nodeArgs: ['--max-semi-space-size=4'] });
    try {
      // One small document first, so the figures below do not count what the first download loads.
      await patientsSend(server.url, clinic, ['warm-up']);
      await waitUntilStored(server.url, clinic, 1, 60_000);
      await sleep(1000);
      const idle = rssMb(server.pid);
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(server.pid));
      }, 20);
      const started = performance.now();
      await patientsSend(
        server.url,
        clinic,
        Array.from({ length: files }, (_, i) => `scan-${i}`),
      );
      await waitUntilStored(server.url, clinic, files + 1, 600_000);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      process.stdout.write(
        `${files} patients' documents of ${megabytes} MB downloaded from Meta (${engine}): all stored in ` +
          `${seconds.toFixed(1)} s (${((files * megabytes) / seconds).toFixed(0)} MB/s); server RSS ` +
          `${idle} MB before, peak ${peak} MB during (+${peak - idle} MB)\n`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await meta.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Each media id is one patient's document (one patient each, so their downloads may run at once). */
async function patientsSend(url: string, clinic: BenchClinic, mediaIds: string[]): Promise<void> {
  for (const [i, mediaId] of mediaIds.entries()) {
    const from = `3361${String(Date.now() % 100_000).padStart(5, '0')}${String(i).padStart(2, '0')}`;
    const body = messagesWebhook(
      clinic.phoneNumberId,
      {
        contacts: [{ profile: { name: `Patient ${i}` }, wa_id: from }],
        messages: [
          {
            from,
            id: `wamid.bench-${mediaId}-${Date.now()}`,
            timestamp: unixNow(),
            type: 'document',
            document: { id: mediaId, mime_type: 'application/pdf', filename: `${mediaId}.pdf` },
          },
        ],
      },
      clinic.wabaId,
    );
    const response = await postWebhook(url, body, clinic.appSecret);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  }
}

/** Polls the API until `count` received files are stored; fails on one that failed. */
async function waitUntilStored(url: string, clinic: BenchClinic, count: number, timeoutMs: number) {
  const api = async (path: string) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${clinic.apiKey}` },
    });
    return (await response.json()) as { data: Array<Record<string, unknown>> };
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses: string[] = [];
    for (const conversation of (await api('/conversations?limit=100')).data) {
      const page = await api(`/conversations/${String(conversation.id)}/messages?limit=100`);
      for (const message of page.data) {
        for (const file of (message.media as Array<{ status: string; error: string | null }>) ?? []) {
          if (file.status === 'failed') throw new Error(`a download failed: ${file.error}`);
          statuses.push(file.status);
        }
      }
    }
    if (statuses.filter((status) => status === 'stored').length >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${statuses.length} of ${count} files stored in time`);
    await sleep(200);
  }
}

/**
 * Meta's media endpoints for the bench: any media id is a PDF of `bytes` bytes, looked up with its
 * size and SHA-256, downloaded with a Content-Length, each piece made when the connection wants it.
 * The small warm-up file is 64 KiB. Other Graph calls (read receipts) are answered with success.
 */
async function startMediaHost(bytes: number): Promise<{ url: string; close(): Promise<void> }> {
  const sizeOf = (mediaId: string) => (mediaId === 'warm-up' ? 64 * 1024 : bytes);
  const digests = new Map<number, string>();
  const digestOf = (size: number) => {
    const known = digests.get(size);
    if (known) return known;
    const hash = createHash('sha256');
    for (const piece of pdfPieces(size)) hash.update(piece);
    const digest = hash.digest('hex');
    digests.set(size, digest);
    return digest;
  };
  let base = '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://bench').pathname;
    const download = /^\/download\/([\w-]+)$/.exec(path);
    const lookup = /^\/v25\.0\/([\w-]+)$/.exec(path);
    if (request.method === 'GET' && download?.[1]) {
      const size = sizeOf(download[1]);
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': size });
      // Ends quietly when Careline stops reading (it never does here unless a download fails).
      pipeline(Readable.from(pdfPieces(size), { objectMode: false }), response).catch(() => {});
    } else if (request.method === 'GET' && lookup?.[1]) {
      const size = sizeOf(lookup[1]);
      json(response, {
        messaging_product: 'whatsapp',
        url: `${base}/download/${lookup[1]}`,
        mime_type: 'application/pdf',
        sha256: digestOf(size),
        file_size: size,
        id: lookup[1],
      });
    } else {
      request.resume();
      json(response, { success: true });
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const PDF_HEAD = Buffer.from('%PDF-1.7\n% Careline bench: a patient scan\n');
const FILLER = Buffer.alloc(64 * 1024, 0x20);

function* pdfPieces(size: number): Generator<Buffer> {
  yield PDF_HEAD;
  for (let sent = PDF_HEAD.length; sent < size; sent += FILLER.length) {
    yield FILLER.subarray(0, Math.min(FILLER.length, size - sent));
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024);
}
