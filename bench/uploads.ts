/**
 * `npm run bench -- uploads [--files 12] [--mb 100] [--limit-test on]`: what concurrent large uploads
 * cost Careline's memory. Runs `careline serve` (PGlite in a temporary data directory), then sends
 * `--files` documents of `--mb` MB each at once to `POST /api/v1/media`, each body produced as it is
 * sent, and samples the server's resident memory (VmRSS) every 20 ms. With `--limit-test on` (the
 * default), it also offers one 200 MB "photo" and reports how much was sent before the 413.
 */

import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Flags } from './lib/args.ts';
import { careline, sleep, spawnCareline } from './lib/careline.ts';

const MB = 1024 * 1024;

export async function runUploads(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const files = flags.number('files', 12, { min: 1, max: 64 });
  const megabytes = flags.number('mb', 100, { min: 1, max: 100 });
  const limitTest = flags.boolean('limit-test', true);
  flags.rejectUnknown();

  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-uploads-'));
  const env = { DATA_DIR: dataDir };
  try {
    await careline(env, ['create-org', '--name', 'Bench uploads', '--slug', 'bench-uploads']);
    const apiKey = (
      await careline(env, ['create-api-key', '--org', 'bench-uploads', '--name', 'bench'])
    ).trim();
    // As `npm start` runs it.
    const server = await spawnCareline(env, { nodeArgs: ['--max-semi-space-size=4'] });
    try {
      // One small upload first, so the figures below do not count what the first request loads.
      await upload(server.url, apiKey, { type: 'application/pdf', name: 'warm-up.pdf', bytes: 64 * 1024 });
      await sleep(1000);
      const idle = rssMb(server.pid);
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(server.pid));
      }, 20);
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: files }, (_, i) =>
          upload(server.url, apiKey, {
            type: 'application/pdf',
            name: `scan-${i}.pdf`,
            bytes: megabytes * MB,
          }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const stored = answers.filter((answer) => answer.status === 201).length;
      process.stdout.write(
        `${files} concurrent uploads of ${megabytes} MB: ${stored} stored in ${seconds.toFixed(1)} s ` +
          `(${((files * megabytes) / seconds).toFixed(0)} MB/s); server RSS ${idle} MB before, ` +
          `peak ${peak} MB during (+${peak - idle} MB)\n`,
      );
      if (stored !== files)
        throw new Error(`only ${stored} of ${files} uploads were stored: ${JSON.stringify(answers)}`);

      if (limitTest) {
        const refused = await upload(server.url, apiKey, {
          type: 'image/png',
          name: 'huge.png',
          bytes: 200 * MB,
        });
        process.stdout.write(
          `a 200 MB "photo": HTTP ${refused.status} after ${(refused.sentBytes / MB).toFixed(1)} MB sent ` +
            `(limit 5 MB; the rest is what the sockets buffered)\n`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A multipart upload whose body is generated while it is sent; stops sending once the server answers. */
async function upload(
  url: string,
  apiKey: string,
  file: { type: string; name: string; bytes: number },
): Promise<{ status: number; sentBytes: number }> {
  const boundary = 'careline-bench-boundary';
  const request = httpRequest(`${url}/api/v1/media`, {
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
    request.on('error', (error) => (response ? undefined : reject(error)));
  });
  request.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.type}\r\n\r\n`,
  );
  const head = file.type === 'image/png' ? PNG_HEAD : PDF_HEAD;
  request.write(head);
  let sentBytes = head.length;
  while (!response && sentBytes < file.bytes) {
    const piece = FILLER.subarray(0, Math.min(FILLER.length, file.bytes - sentBytes));
    sentBytes += piece.length;
    if (!request.write(piece)) await Promise.race([once(request, 'drain'), answered]);
  }
  if (!response) request.end(`\r\n--${boundary}--\r\n`);
  const incoming = await answered;
  incoming.resume();
  await once(incoming, 'end');
  request.destroy();
  return { status: incoming.statusCode ?? 0, sentBytes };
}

const PDF_HEAD = Buffer.from('%PDF-1.7\n% Careline bench\n');
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const FILLER = Buffer.alloc(256 * 1024, 0x20);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024);
}
