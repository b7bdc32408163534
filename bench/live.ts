/**
 * `npm run bench -- live`: how long from a signed WhatsApp webhook to the message on an open agent page.
 * Careline runs as `npm start` would (its own process, PostgreSQL, the built web app); an agent signed in
 * with Debian's chromium keeps one conversation open while patients' messages arrive one after the other.
 * The page records (Date.now()) when each message's text appears in the timeline or the list; the
 * bench records when it posted the webhook. Same machine, same clock.
 *
 *   --messages 300     messages measured (after --warmup ones)
 *   --interval 100     ms between two webhooks (one at a time: this measures latency, not throughput)
 *   --warmup 20
 *   --engine postgres|pglite
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { patientText, postWebhook } from '../test/support/meta-webhooks.ts';
import { Flags } from './lib/args.ts';
import { careline, setUpClinic, sleep, spawnCareline } from './lib/careline.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { fmt, mean, percentile, say, verdict } from './lib/stats.ts';

const TARGET_P99_MS = 250;

export async function runLive(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const messages = flags.number('messages', 300, { min: 1, max: 100_000 });
  const intervalMs = flags.number('interval', 100, { min: 0, max: 10_000 });
  const warmup = flags.number('warmup', 20, { min: 0, max: 1000 });
  const engine = flags.string('engine', 'postgres');
  flags.rejectUnknown();
  if (engine !== 'postgres' && engine !== 'pglite') throw new Error('--engine must be postgres or pglite');

  say(`# Live benchmark — ${new Date().toISOString()}`);
  say(`${messages} messages (+${warmup} warm-up), one every ${intervalMs} ms, Careline on ${engine}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-live-'));
  const database = engine === 'postgres' ? await createBenchDatabase('live') : undefined;
  const env: Record<string, string> = database ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir };
  const password = `bench-${randomBytes(9).toString('hex')}`;
  const email = 'agent@bench.careline.test';
  const clinic = await setUpClinic(env, 'http://127.0.0.1:9');
  await careline(env, [
    'create-user',
    '--org',
    clinic.slug,
    '--email',
    email,
    '--password',
    password,
    '--role',
    'admin',
  ]);
  const server = await spawnCareline({ ...env, MEDIA_DIR: join(dataDir, 'media') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
    await page.goto('/login');
    await page.getByRole('textbox', { name: /e-mail/i }).fill(email);
    await page.getByRole('textbox', { name: /password|mot de passe/i }).fill(password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inbox/);

    const patient = '33612000001';
    // The journal forgets a body once processed: a delivery is found again by its hash.
    const journalKeyOf = new Map<string, string>();
    const post = (text: string, id?: string) => {
      const body = patientText(
        clinic.phoneNumberId,
        patient,
        `wamid.${randomBytes(12).toString('hex')}`,
        text,
        'Bench Patient',
      );
      if (id !== undefined) journalKeyOf.set(id, createHash('sha256').update(body).digest('hex'));
      return postWebhook(server.url, body, clinic.appSecret);
    };
    // The first message makes the conversation; the agent opens it and keeps it open.
    await post('bench: hello');
    await page.getByRole('option', { name: /Bench Patient/ }).click({ timeout: 15_000 });
    await page.getByText('bench: hello').first().waitFor();

    // Every text node that appears is time-stamped by the page itself.
    // Written as a string: this runs in the page, and the bench is type-checked without DOM types.
    await page.evaluate(`(() => {
      const seen = new Map();
      window.__seen = seen;
      new MutationObserver(() => {
        const now = Date.now();
        for (const element of document.querySelectorAll('[data-testid="message"]')) {
          const match = element.textContent?.match(/live#(\\d+)#/);
          if (match && !seen.has(match[1])) seen.set(match[1], now);
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
      // A second stream, only to tell the server's share (webhook → event) from the page's (event → DOM).
      window.__events = [];
      const stream = new EventSource('/api/v1/events', { withCredentials: true });
      stream.addEventListener('message.created', () => window.__events.push(Date.now()));
    })()`);
    await sleep(500);

    const postedAt = new Map<string, number>();
    for (let i = 0; i < warmup + messages; i += 1) {
      const id = String(i);
      postedAt.set(id, Date.now());
      const response = await post(`live#${id}# Bonjour, une question sur mon rendez-vous`, id);
      if (response.status !== 200) throw new Error(`webhook ${id} got ${response.status}`);
      await sleep(intervalMs);
    }
    const deadline = Date.now() + 30_000;
    let seen: Record<string, number> = {};
    while (Date.now() < deadline) {
      seen = JSON.parse(await page.evaluate<string>('JSON.stringify(Object.fromEntries(window.__seen))'));
      if (Object.keys(seen).length >= warmup + messages) break;
      await sleep(200);
    }

    const eventTimes: number[] = JSON.parse(await page.evaluate<string>('JSON.stringify(window.__events)'));
    const latencies: number[] = [];
    let missing = 0;
    for (let i = warmup; i < warmup + messages; i += 1) {
      const at = seen[String(i)];
      const posted = postedAt.get(String(i));
      if (at === undefined || posted === undefined) missing += 1;
      else latencies.push(at - posted);
    }
    const p99 = percentile(latencies, 99);
    // One message at a time: the n-th message.created event after the warm-up is the n-th message.
    const toEvent = [...postedAt.values()]
      .slice(warmup)
      .map((posted, n) => (eventTimes[warmup + n] ?? Number.NaN) - posted);
    say('');
    say(
      `webhook → on the agent's page: mean ${fmt(mean(latencies))} ms, p50 ${fmt(percentile(latencies, 50))} ms, ` +
        `p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(p99)} ms, max ${fmt(Math.max(...latencies))} ms`,
    );
    say(
      `of which webhook → live event at the browser: p50 ${fmt(percentile(toEvent, 50))} ms, p99 ${fmt(percentile(toEvent, 99))} ms`,
    );
    if (database) await explainServerShare(database.url, postedAt, journalKeyOf, warmup);
    say(`messages never shown: ${missing}`);
    say(`p99 < ${TARGET_P99_MS} ms and none missing: ${verdict(p99 < TARGET_P99_MS && missing === 0)}`);
  } finally {
    await browser.close();
    await server.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Where the server's share goes, from the database's own clocks (same machine): the webhook journaled,
 * the message stored by the worker, its live event written.
 */
async function explainServerShare(
  url: string,
  postedAt: Map<string, number>,
  journalKeyOf: Map<string, string>,
  warmup: number,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ text: string; stored: Date; evented: Date }>(
      `select m.text, m.created_at as stored, e.created_at as evented
         from messages m
         join events e on e.type = 'message.created' and e.payload->>'messageId' = m.id::text
        where m.text like 'live#%'`,
    );
    const journal = await client.query<{ body_sha256: string; received_at: Date }>(
      'select body_sha256, received_at from webhook_events',
    );
    const journaledAt = new Map(journal.rows.map((row) => [row.body_sha256, row.received_at]));
    const journaled: number[] = [];
    const stored: number[] = [];
    const evented: number[] = [];
    for (const row of result.rows) {
      const id = row.text.match(/live#(\d+)#/)?.[1];
      const posted = id === undefined || Number(id) < warmup ? undefined : postedAt.get(id);
      const journaledTime = id === undefined ? undefined : journaledAt.get(journalKeyOf.get(id) ?? '');
      if (posted === undefined || journaledTime === undefined) continue;
      journaled.push(journaledTime.getTime() - posted);
      stored.push(row.stored.getTime() - posted);
      evented.push(row.evented.getTime() - posted);
    }
    const line = (label: string, values: number[]) =>
      say(
        `  ${label.padEnd(34)} p50 ${fmt(percentile(values, 50))} ms, p99 ${fmt(percentile(values, 99))} ms`,
      );
    line('webhook → journaled', journaled);
    line('webhook → message stored', stored);
    line('webhook → event written', evented);
  } finally {
    await client.end();
  }
}
