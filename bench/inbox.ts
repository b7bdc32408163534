/**
 * `npm run bench -- inbox`: the agent inbox with a clinic of many conversations (10,000 by default) on
 * PostgreSQL. Measures the list API a page at a time (first page, deep pages by cursor, filtered views,
 * counts, search), then opens the inbox in Debian's chromium and measures the time to the first row,
 * scrolling through several pages, and how many rows the page actually keeps in its DOM (the list is
 * virtualised: it must not grow with the clinic).
 *
 *   --conversations 10000
 *   --requests 200      requests per API measurement
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { Flags } from './lib/args.ts';
import { careline, setUpClinic, spawnCareline } from './lib/careline.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { fmt, percentile, say, verdict } from './lib/stats.ts';

const PAGE_TARGET_P99_MS = 100;
const SEARCH_TARGET_P99_MS = 500;

export async function runInbox(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const total = flags.number('conversations', 10_000, { min: 100, max: 1_000_000 });
  const requests = flags.number('requests', 200, { min: 10, max: 100_000 });
  flags.rejectUnknown();

  say(`# Inbox benchmark — ${new Date().toISOString()}`);
  const database = await createBenchDatabase('inbox');
  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-inbox-'));
  const env = { DATABASE_URL: database.url };
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
  const seededIn = await seedConversations(database.url, clinic.slug, total);
  say(
    `${total.toLocaleString('en-US')} conversations with their patients and messages seeded in ${fmt(seededIn / 1000)} s`,
  );

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
    const api = (path: string) =>
      fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${clinic.apiKey}` } });
    const timed = async (label: string, path: () => Promise<string>): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        const url = await path();
        const started = performance.now();
        const response = await api(url);
        await response.arrayBuffer();
        times.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
      }
      const p99 = percentile(times, 99);
      say(
        `${label.padEnd(44)} p50 ${fmt(percentile(times, 50)).padStart(6)} ms   p99 ${fmt(p99).padStart(6)} ms`,
      );
      return p99;
    };

    say('');
    say('## API (one request at a time, 50 conversations a page)');
    const deepCursor = await cursorAfterPages(api, 20);
    const worst = Math.max(
      await timed('first page, all open', async () => '/conversations?view=all&status=open&limit=50'),
      await timed(
        'page 21 (by cursor)',
        async () => `/conversations?view=all&status=open&limit=50&cursor=${deepCursor}`,
      ),
      await timed('unassigned', async () => '/conversations?view=unassigned&status=open&limit=50'),
      await timed('counts per view', async () => '/conversations/counts'),
    );
    say(`every list request p99 < ${PAGE_TARGET_P99_MS} ms: ${verdict(worst < PAGE_TARGET_P99_MS)}`);
    // The worst case for search: a word every message holds, so every row matches and is ranked.
    const search = await timed('search a word in every message', async () => '/search?q=rendez-vous');
    say(`search p99 < ${SEARCH_TARGET_P99_MS} ms: ${verdict(search < SEARCH_TARGET_P99_MS)}`);

    say('');
    say('## In the browser');
    const page = await browser.newPage({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
    await page.goto('/login');
    await page.getByRole('textbox', { name: /e-mail/i }).fill(email);
    await page.getByRole('textbox', { name: /password|mot de passe/i }).fill(password);
    const started = performance.now();
    await page.keyboard.press('Enter');
    await page.getByRole('option').first().waitFor({ timeout: 30_000 });
    say(`sign-in to the first conversation shown: ${fmt(performance.now() - started)} ms`);

    const list = page.getByRole('listbox', { name: /conversations/i });
    await list.focus();
    const scrollStarted = performance.now();
    // End twice: the list loads the next page when the agent nears the bottom.
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('End');
      await page.waitForTimeout(300);
    }
    const scrolled = performance.now() - scrollStarted;
    const inDom = await page.getByRole('option').count();
    const loaded = await page.evaluate<number>(
      "Number(document.querySelector('[role=listbox]')?.getAttribute('aria-rowcount') ?? document.querySelector('[role=listbox]')?.scrollHeight ?? 0)",
    );
    say(`six jumps to the end of the list (each loads another page): ${fmt(scrolled)} ms`);
    say(`conversation rows in the DOM after that: ${inDom} (list height / aria-rowcount ${loaded})`);
    say(`the DOM stays small whatever the clinic's size (< 100 rows): ${verdict(inDom < 100)}`);
  } finally {
    await browser.close();
    await server.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Patients, WhatsApp identities, open conversations and one message each, written by PostgreSQL itself. */
async function seedConversations(url: string, slug: string, total: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('begin');
    await client.query(
      `with org as (select o.id as org_id, a.id as account_id from orgs o join channel_accounts a on a.org_id = o.id where o.slug = $1),
       people as (
         select gen_random_uuid() as contact_id, n, '+3361' || lpad(n::text, 7, '0') as phone
         from generate_series(1, $2::int) as n),
       inserted_contacts as (
         insert into contacts (id, org_id, display_name, phone)
         select contact_id, org.org_id, 'Patient ' || n, phone from people, org returning id),
       identities as (
         insert into contact_identities (org_id, contact_id, channel_type, external_id, phone, profile_name)
         select org.org_id, contact_id, 'whatsapp', substr(phone, 2), phone, 'Patient ' || n from people, org returning id),
       convs as (
         insert into conversations (org_id, contact_id, channel_account_id, status, last_message_at, last_inbound_at,
           unread_count, waiting_since, created_at)
         select org.org_id, contact_id, org.account_id, 'open', now() - (n || ' minutes')::interval,
           now() - (n || ' minutes')::interval, 1, now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval
         from people, org returning id, org_id, channel_account_id, last_message_at)
       insert into messages (org_id, conversation_id, channel_account_id, direction, external_id, type, text, status,
         status_at, occurred_at)
       select convs.org_id, convs.id, convs.channel_account_id, 'inbound', 'wamid.bench.' || convs.id, 'text',
         'Bonjour, je voudrais un rendez-vous pour une consultation', 'received', convs.last_message_at, convs.last_message_at
       from convs`,
      [slug, total],
    );
    await client.query('commit');
    await client.query('analyze');
  } finally {
    await client.end();
  }
  return performance.now() - started;
}

async function cursorAfterPages(api: (path: string) => Promise<Response>, pages: number): Promise<string> {
  let cursor = '';
  for (let i = 0; i < pages; i += 1) {
    const response = await api(
      `/conversations?view=all&status=open&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
    );
    const body = (await response.json()) as { next_cursor: string | null };
    if (!body.next_cursor) break;
    cursor = body.next_cursor;
  }
  return cursor;
}
