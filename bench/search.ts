/**
 * `npm run bench -- search`: message search over the blind index on PostgreSQL. One clinic with a
 * million messages (by default) sealed with their patients' keys, their words stemmed once per
 * vocabulary word by PostgreSQL and hashed in bulk here, loaded with multi-row inserts (indexes built
 * afterwards); then GET /api/v1/search one request at a time, for words from the commonest (in most
 * messages) to the rarest, two-word queries and an exclusion. Reports p50/p95 per kind and
 * overall (target: p95 < 100 ms).
 *
 *   --messages 1000000
 *   --patients 20000     patients (one conversation each) the messages are spread over
 *   --requests 40        requests per query kind
 *   --explain on|off     print PostgreSQL's plan and timing of each kind's message query (default on)
 *   --keep on|off        keep the database and print how to reach it, to look further (default off)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { MESSAGE_TEXT_PURPOSE } from '../src/modules/inbox/message-sealing.ts';
import { stemsOf, wordHashes } from '../src/modules/inbox/message-terms.ts';
import { Keyring, type Sealer } from '../src/modules/keys/keyring.ts';
import { hashedQuery, parseMessageQuery } from '../src/modules/search/message-query.ts';
import { messagesMatching } from '../src/modules/search/search.repository.ts';
import { masterCipherFor } from '../src/platform/crypto/master-key.ts';
import { createDb } from '../src/platform/db/create-db.ts';
import { rowsOf } from '../src/platform/db/raw-rows.ts';
import { Flags } from './lib/args.ts';
import { setUpClinic, spawnCareline } from './lib/careline.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { fmt, percentile, say, verdict } from './lib/stats.ts';

const TARGET_P95_MS = 100;
const INSERT_BATCH = 5_000;

// Everyday words of patients' messages, commonest first (the draw below is Zipf-like over this list,
// then a long tail of rarer words).
const COMMON = [
  'bonjour',
  'merci',
  'rendez-vous',
  'docteur',
  'demain',
  'matin',
  'douleur',
  'fièvre',
  'ordonnance',
  'consultation',
  'annuler',
  'déplacer',
  'résultats',
  'analyse',
  'vaccin',
  'enfant',
  'toux',
  'mal',
  'tête',
  'ventre',
  'dos',
  'genou',
  'allergie',
  'médicament',
  'pharmacie',
  'urgence',
  'radio',
  'prise',
  'sang',
  'certificat',
  'arrêt',
  'travail',
  'renouvellement',
  'traitement',
  'tension',
  'diabète',
  'grossesse',
  'échographie',
  'infirmière',
  'pansement',
  'plaie',
  'brûlure',
  'vertiges',
  'nausées',
  'fatigue',
  'sommeil',
  'anxiété',
  'cardiologue',
  'dermatologue',
  'kinésithérapie',
];
const TAIL_WORDS = 5_000;
const WORDS_PER_MESSAGE = [6, 14] as const;

export async function runSearch(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const total = flags.number('messages', 1_000_000, { min: 1_000, max: 5_000_000 });
  const patients = flags.number('patients', 20_000, { min: 10, max: 1_000_000 });
  const requests = flags.number('requests', 40, { min: 5, max: 10_000 });
  const explain = flags.string('explain', 'on') === 'on';
  const keep = flags.string('keep', 'off') === 'on';
  flags.rejectUnknown();

  say(`# Search benchmark — ${new Date().toISOString()}`);
  const database = await createBenchDatabase('search');
  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-search-'));
  const env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
  const clinic = await setUpClinic(env, 'http://127.0.0.1:9');
  const keyring = new Keyring(masterCipherFor({ keyFile: join(dataDir, 'secret.key') }));
  const handle = await createDb({ engine: 'postgres', url: database.url, poolSize: 2 });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let server: Awaited<ReturnType<typeof spawnCareline>> | undefined;
  try {
    const seeded = await seed(client, handle.db, keyring, clinic.slug, { total, patients });
    say(
      `${total.toLocaleString('en-US')} sealed messages of ${patients.toLocaleString('en-US')} patients seeded in ${fmt(seeded.ms / 1000)} s (${seeded.tableSize} with indexes)`,
    );
    server = await spawnCareline(env);
    const api = (q: string) =>
      fetch(`${server?.url}/api/v1/search?q=${encodeURIComponent(q)}&limit=20`, {
        headers: { authorization: `Bearer ${clinic.apiKey}` },
      });
    const word = (i: number) => seeded.vocabulary[i] ?? 'bonjour';
    const tail = (i: number) => seeded.vocabulary[COMMON.length + i] ?? 'bonjour';
    const kinds: Array<[string, (i: number) => string]> = [
      ['commonest word (most messages)', () => word(0)],
      ['common word', (i) => word(3 + (i % 5))],
      ['less common word', (i) => word(20 + (i % 20))],
      ['rare word (tail)', (i) => tail(1_000 + ((i * 97) % 3_000))],
      ['two common words', (i) => `${word(i % 4)} ${word(6 + (i % 6))}`],
      ['common and rare word', (i) => `${word(i % 4)} ${tail(500 + i)}`],
      ['word, minus another', (i) => `${word(5 + (i % 5))} -${word(0)}`],
      ['word in no message', (i) => `introuvable${i}`],
    ];
    if (explain) await explainKinds(handle.db, keyring, seeded.orgId, kinds);
    say('');
    say(`## GET /api/v1/search, one request at a time, ${requests} per kind (20 results)`);
    const all: number[] = [];
    for (const [label, query] of kinds) {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < requests; i += 1) {
        const started = performance.now();
        const response = await api(query(i));
        const body = (await response.json()) as { messages: unknown[] };
        times.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`search ${query(i)}: ${response.status}`);
        found += body.messages.length;
      }
      all.push(...times);
      say(
        `${label.padEnd(36)} p50 ${fmt(percentile(times, 50)).padStart(6)} ms   p95 ${fmt(percentile(times, 95)).padStart(6)} ms   ${fmt(found / requests)} results`,
      );
    }
    const p95 = percentile(all, 95);
    say(
      `all kinds: p50 ${fmt(percentile(all, 50))} ms, p95 ${fmt(p95)} ms, p99 ${fmt(percentile(all, 99))} ms`,
    );
    say(
      `search p95 < ${TARGET_P95_MS} ms on ${total.toLocaleString('en-US')} messages: ${verdict(p95 < TARGET_P95_MS)}`,
    );
  } finally {
    await server?.stop();
    await client.end();
    await handle.close();
    if (keep) say(`kept: DATABASE_URL=${database.url} DATA_DIR=${dataDir} API key ${clinic.apiKey}`);
    else {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

/** PostgreSQL's plan of each kind's message query, with its execution time. */
async function explainKinds(
  db: Parameters<typeof stemsOf>[0],
  keyring: Keyring,
  orgId: string,
  kinds: Array<[string, (i: number) => string]>,
): Promise<void> {
  say('');
  say('## Plans of the message query (EXPLAIN ANALYZE, first query of each kind)');
  const index = await keyring.blindIndex(db, orgId);
  for (const [label, query] of kinds) {
    const hashed = hashedQuery(index, await parseMessageQuery(db, query(0)));
    const result = await db.execute(
      sql`explain (analyze, costs off) ${messagesMatching(db, orgId, hashed, 20)}`,
    );
    const lines = (rowsOf(result) as Array<Record<string, string>>).map((r) => Object.values(r)[0] ?? '');
    const scans = lines
      .filter((l) => /Scan|Execution Time/.test(l))
      .map((l) => l.trim().replace(/\s+/g, ' '));
    say(`${label}: ${scans.join(' | ')}`);
  }
}

interface Seeded {
  orgId: string;
  ms: number;
  tableSize: string;
  /** The words messages are made of, commonest first. */
  vocabulary: string[];
}

async function seed(
  client: pg.Client,
  db: Parameters<typeof stemsOf>[0],
  keyring: Keyring,
  slug: string,
  { total, patients }: { total: number; patients: number },
): Promise<Seeded> {
  const started = performance.now();
  const {
    rows: [org],
  } = await client.query<{ org_id: string; account_id: string }>(
    'select o.id as org_id, a.id as account_id from orgs o join channel_accounts a on a.org_id = o.id where o.slug = $1',
    [slug],
  );
  if (!org) throw new Error('the bench clinic was not created');
  const { rows: people } = await client.query<{ contact_id: string; conversation_id: string }>(
    `with people as (
       insert into contacts (org_id, display_name, phone)
       select $1, 'Patient ' || n, '+3361' || lpad(n::text, 7, '0') from generate_series(1, $3::int) as n
       returning id)
     insert into conversations (org_id, contact_id, channel_account_id, status, last_message_at)
     select $1, id, $2, 'open', now() from people
     returning contact_id, id as conversation_id`,
    [org.org_id, org.account_id, patients],
  );

  // The vocabulary stemmed once by PostgreSQL, each word's stems hashed with the clinic's key.
  const vocabulary = [...COMMON, ...Array.from({ length: TAIL_WORDS }, (_, i) => syntheticWord(i))];
  const stems = await stemsOf(db, vocabulary);
  const index = await keyring.blindIndex(db, org.org_id);
  const hashesOf = vocabulary.map((_, i) => {
    const stem = stems[i];
    return wordHashes(index, stem ? [...stem.fr, ...stem.en] : []);
  });
  const sealers = new Map<string, Sealer>();
  for (let i = 0; i < people.length; i += 1_000) {
    const slice = people.slice(i, i + 1_000).map((p) => p.contact_id);
    for (const [id, sealer] of await keyring.patients(db, org.org_id, slice)) sealers.set(id, sealer);
  }

  await client.query('drop index messages_search_terms_idx');
  await client.query('drop index messages_org_recent_idx');
  await client.query('drop index messages_conversation_idx');
  await client.query('drop index messages_conversation_seq_idx');
  const random = seededRandom(42);
  const now = Date.now();
  for (let first = 0; first < total; first += INSERT_BATCH) {
    const size = Math.min(INSERT_BATCH, total - first);
    const conversationIds: string[] = [];
    const texts: string[] = [];
    const terms: string[] = [];
    const times: string[] = [];
    for (let n = first; n < first + size; n += 1) {
      const person = people[n % people.length];
      if (!person) continue;
      const [min, max] = WORDS_PER_MESSAGE;
      const count = min + Math.floor(random() * (max - min + 1));
      const picked = Array.from({ length: count }, () => pickWord(random, vocabulary.length));
      const text = picked.map((w) => vocabulary[w]).join(' ');
      conversationIds.push(person.conversation_id);
      texts.push(sealers.get(person.contact_id)?.seal(text, MESSAGE_TEXT_PURPOSE) ?? '');
      terms.push(`{${[...new Set(picked.flatMap((w) => hashesOf[w] ?? []))].join(',')}}`);
      times.push(new Date(now - (total - n) * 1_000).toISOString());
    }
    await client.query(
      `insert into messages (org_id, conversation_id, channel_account_id, direction, type, text, search_terms,
         status, status_at, occurred_at, created_at)
       select $1, c, $2, 'inbound', 'text', t, s::bigint[], 'received', o, o, o
       from unnest($3::uuid[], $4::text[], $5::text[], $6::timestamptz[]) as v(c, t, s, o)`,
      [org.org_id, org.account_id, conversationIds, texts, terms, times],
    );
  }
  await client.query('create index messages_search_terms_idx on messages using gin (search_terms)');
  await client.query('create index messages_org_recent_idx on messages (org_id, occurred_at, id)');
  await client.query('create index messages_conversation_idx on messages (conversation_id, occurred_at, id)');
  await client.query('create index messages_conversation_seq_idx on messages (conversation_id, seq)');
  await client.query('vacuum analyze');
  const {
    rows: [size],
  } = await client.query<{ size: string }>(
    "select pg_size_pretty(pg_total_relation_size('messages')) as size",
  );
  return { orgId: org.org_id, ms: performance.now() - started, tableSize: size?.size ?? '?', vocabulary };
}

/** Word i of the long tail: pronounceable, never a real word, stable between runs. */
function syntheticWord(i: number): string {
  const consonants = 'bcdfglmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  let n = i + 7_919;
  for (let k = 0; k < 4; k += 1) {
    word += (consonants[n % consonants.length] ?? 'b') + (vowels[Math.floor(n / 14) % 5] ?? 'a');
    n = Math.floor(n / 3) + k * 31;
  }
  return `${word}${i}`;
}

/** Zipf-like: the first common words very often, the tail rarely. */
function pickWord(random: () => number, size: number): number {
  const r = random();
  if (r < 0.3) return Math.floor(random() ** 3 * 4);
  if (r < 0.85) return Math.floor(random() ** 2 * COMMON.length);
  return COMMON.length + Math.floor(random() * (size - COMMON.length));
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
