/**
 * `npm run bench -- broadcast`: a health broadcast to a large group on PostgreSQL, and what it does to
 * the patients who write meanwhile. One clinic, N patients (100,000 by default) with a WhatsApp identity
 * and health_information consent, sealed with their own keys as the app seals them, loaded with
 * multi-row inserts, all in one static group. Careline sends through a channel whose Graph URL is a
 * standalone simulator in this process, which plays Meta's per-number throughput (130429 over it) and
 * posts the sent/delivered/read webhooks back.
 *
 * In one run:
 *   1. idle: other patients (not in the group) write "ping" on the simulated phone, a few a second; an
 *      automation flow answers "pong". The reply latency is from the patient's message being posted to
 *      Careline until the reply reaches the simulator (Graph `POST /messages`): p50 / p99.
 *   2. the broadcast (an approved template, fr and en) is sent now to the group while the same reply
 *      load runs: the send rate the simulator saw (msg/s, whole seconds), the 130429 refusals, the reply
 *      latency during the broadcast against the idle one.
 *
 *   --recipients 100000     patients in the group
 *   --reply-rate 4          patient messages a second (reply load), in both phases
 *   --reply-patients 40     patients writing them (each waits for its answer before writing again)
 *   --idle-seconds 40       length of the idle measurement
 *   --sim-rate 1000         the simulator's per-number limit (throughputLimit knob), messages/s
 *   --max-seconds 300       stop measuring the broadcast after this long
 *   --keep-db on|off        leave the database for inspection (its URL is printed)
 *   --cpu-prof on|off       profile Careline and print where its time went
 *   --query-stats on|off    count Careline's queries by statement (a pg preload)
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sealContactFields, sealIdentityFields } from '../src/modules/contacts/contact-sealing.ts';
import { Keyring } from '../src/modules/keys/keyring.ts';
import { masterCipherFor } from '../src/platform/crypto/master-key.ts';
import { createDb } from '../src/platform/db/create-db.ts';
import { type RunningSimulator, startSimulatorServer } from '../src/simulator/simulator-server.ts';
import { REPO_ROOT } from '../test/crash/careline-process.ts';
import { Flags } from './lib/args.ts';
import { type CarelineProcess, freePort, setUpClinic, sleep, spawnCareline } from './lib/careline.ts';
import { cpuBetween, cpuSnapshot, describeCpu } from './lib/cpu.ts';
import { createBenchDatabase, observer, scalar } from './lib/pg.ts';
import { diagnostics, printProfile, printQueryStats } from './lib/profile.ts';
import { fmt, mean, median, percentile, perSecond, say, verdict } from './lib/stats.ts';

const SEED_BATCH = 5_000;
const TEMPLATE = 'information_sante';
const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Louis', 'Chloé', 'Inès', 'Jules', 'Manon', 'Gabriel', 'Zoé'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'];

interface BroadcastBenchOptions {
  recipients: number;
  replyRate: number;
  replyPatients: number;
  idleSeconds: number;
  simRate: number;
  maxSeconds: number;
  keepDb: boolean;
  cpuProf: boolean;
  queryStats: boolean;
}

export async function runBroadcast(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const options: BroadcastBenchOptions = {
    recipients: flags.number('recipients', 100_000, { min: 10, max: 1_000_000 }),
    replyRate: flags.number('reply-rate', 4, { min: 0.1, max: 100 }),
    replyPatients: flags.number('reply-patients', 40, { min: 1, max: 1_000 }),
    idleSeconds: flags.number('idle-seconds', 40, { min: 5, max: 3_600 }),
    simRate: flags.number('sim-rate', 1000, { min: 1, max: 1000 }),
    maxSeconds: flags.number('max-seconds', 300, { min: 10, max: 7_200 }),
    keepDb: flags.boolean('keep-db', false),
    cpuProf: flags.boolean('cpu-prof', false),
    queryStats: flags.boolean('query-stats', false),
  };
  flags.rejectUnknown();
  const target = options.simRate * 0.95;

  say(`# Broadcast benchmark — ${new Date().toISOString()}`);
  say(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      `${options.recipients.toLocaleString('en-US')} recipients; reply load ${options.replyRate}/s from ` +
      `${options.replyPatients} other patients; idle measured ${options.idleSeconds} s`,
  );

  const database = await createBenchDatabase('broadcast');
  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-broadcast-'));
  const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const port = await freePort();
  const profileDir = join(REPO_ROOT, 'bench', '.profiles', `broadcast-${Date.now()}`);
  mkdirSync(profileDir, { recursive: true });
  const diag = diagnostics(options, profileDir);
  let simulator: RunningSimulator | undefined;
  let careline: CarelineProcess | undefined;
  let pool: pg.Pool | undefined;
  try {
    simulator = await startSimulatorServer({ port: 0 });
    const sim = simulator.simulator;
    const clinic = await setUpClinic(env, simulator.url, { messagesPerSecond: options.simRate });
    sim.registerNumber({
      phoneNumberId: clinic.phoneNumberId,
      displayPhoneNumber: '33180000000',
      wabaId: clinic.wabaId,
      accessToken: clinic.accessToken,
      appSecret: clinic.appSecret,
      webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    });
    sim.setBehaviour(
      { enforceServiceWindow: true, throughputLimit: { messagesPerSecond: options.simRate } },
      clinic.phoneNumberId,
    );
    say(
      `simulator: number limited to ${options.simRate} msg/s (throughputLimit knob: 130429 over it), ` +
        '24-hour window enforced, status webhooks on (sent, delivered, read)',
    );
    for (const language of ['fr', 'en'] as const) {
      sim.upsertTemplate({
        wabaId: clinic.wabaId,
        name: TEMPLATE,
        language,
        category: 'UTILITY',
        status: 'APPROVED',
        components: [
          {
            type: 'BODY',
            text:
              language === 'fr'
                ? 'Bonjour {{1}}, la campagne de vaccination contre la grippe commence lundi au cabinet.'
                : 'Hello {{1}}, the flu vaccination campaign starts on Monday at the practice.',
          },
        ],
      });
    }

    // 1. The group, sealed as the app seals it.
    const seeded = await seedGroup(database.url, dataDir, clinic.slug, options.recipients);
    say(
      `${options.recipients.toLocaleString('en-US')} patients (sealed names, phones and identities, consent to ` +
        `health information on WhatsApp) in one static group, seeded in ${fmt(seeded.ms / 1000)} s`,
    );

    pool = observer(database.url);
    const db = pool;
    careline = await spawnCareline({ ...env, ...diag.env }, { port, nodeArgs: diag.nodeArgs });
    const running = careline;
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${running.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${clinic.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };

    // The templates, as the clinic syncs them from Meta; the automation that answers "ping".
    const synced = await api('POST', '/templates/sync');
    if (synced.status !== 202) throw new Error(`templates sync: HTTP ${synced.status}`);
    await waitUntil(
      async () =>
        (await scalar(db, `select count(*) from message_templates where name = $1`, [TEMPLATE])) >= 2,
      60_000,
      'the templates synced',
    );
    const flow = await api('POST', '/flows', {
      key: 'bench_pong',
      definition: {
        key: 'bench_pong',
        version: 1,
        name: { fr: 'Pong', en: 'Pong' },
        start: 'pong',
        steps: {
          pong: {
            type: 'send',
            message: { type: 'text', text: { fr: 'pong, nous avons bien reçu', en: 'pong, received' } },
          },
        },
      },
      triggers: [{ kind: 'keyword', match: 'exact', words: { fr: ['ping'], en: ['ping'] } }],
    });
    if (flow.status !== 201)
      throw new Error(`the pong flow: HTTP ${flow.status} ${JSON.stringify(flow.body)}`);

    // What reaches the simulator's Graph: replies to the writing patients, the broadcast's templates.
    const watch = watchSends(sim);
    const load = new ReplyLoad(sim, clinic.phoneNumberId, watch, options);
    await load.warmUp();
    say(`${options.replyPatients} other patients wrote once (their conversations exist, the flow answered)`);

    // 2. Idle.
    say('');
    say(`## Reply latency, idle (${options.idleSeconds} s)`);
    load.start();
    await sleep(options.idleSeconds * 1000);
    const idle = await load.stop();
    say(`  ${describeLatencies(idle)}`);

    // 3. The broadcast, with the same reply load.
    if ((await api('GET', '/broadcasts')).status === 404) {
      say('');
      say('## Verdict');
      say('the broadcasts API is not in this build (GET /api/v1/broadcasts: 404): FAIL');
      return;
    }
    say('');
    say('## The broadcast, with the same reply load');
    const cpu0 = cpuSnapshot({ careline: running.pid });
    load.start();
    const startedAt = Date.now();
    const created = await api('POST', '/broadcasts', {
      name: 'Vaccination grippe',
      group_id: seeded.groupId,
      content: {
        fr: { template: { name: TEMPLATE, language: 'fr', parameters: ['{{first_name}}'] } },
        en: { template: { name: TEMPLATE, language: 'en', parameters: ['{{first_name}}'] } },
      },
      default_language: 'fr',
    });
    if (created.status !== 201)
      throw new Error(`POST /broadcasts: HTTP ${created.status} ${JSON.stringify(created.body)}`);
    const broadcastId = String(created.body.id);
    say(`  POST /broadcasts answered 201 in ${fmt(Date.now() - startedAt, 0)} ms`);
    const deadline = startedAt + options.maxSeconds * 1000;
    let report: BroadcastReport | undefined;
    while (Date.now() < deadline) {
      await sleep(1000);
      report = reportOf((await api('GET', `/broadcasts/${broadcastId}`)).body);
      if (report.done) break;
    }
    const during = await load.stop();
    const cpu1 = cpuSnapshot({ careline: running.pid });
    const finishedIn = (Date.now() - startedAt) / 1000;
    await sleep(2000);
    report = reportOf((await api('GET', `/broadcasts/${broadcastId}`)).body);

    const templateSends = watch.templates.filter((s) => s.ok).map((s) => s.at);
    const buckets = perSecond(templateSends, templateSends[0] ?? startedAt);
    const steady = buckets.slice(1, -1);
    const sustained =
      steady.length > 0
        ? mean(steady)
        : templateSends.length /
          Math.max(0.001, ((templateSends.at(-1) ?? 0) - (templateSends[0] ?? 0)) / 1000);
    const throttled = watch.refusals.get(130429) ?? 0;
    say(
      `  ${report.done ? 'finished' : `NOT finished within ${options.maxSeconds} s`} after ${fmt(finishedIn)} s: ` +
        `report ${JSON.stringify(report.counts)}`,
    );
    say(
      `  template sends accepted by the simulator: ${templateSends.length.toLocaleString('en-US')}, first ` +
        `${fmt(((templateSends[0] ?? startedAt) - startedAt) / 1000)} s after the POST, last ` +
        `${fmt(((templateSends.at(-1) ?? startedAt) - startedAt) / 1000)} s after`,
    );
    say(
      `  send rate: ${fmt(sustained)} msg/s (mean of ${steady.length} whole seconds; median ${fmt(median(steady))}, ` +
        `min ${steady.length ? Math.min(...steady) : 'n/a'}, max ${steady.length ? Math.max(...steady) : 'n/a'})`,
    );
    say(`  per second: ${buckets.slice(0, 30).join(' ')}${buckets.length > 30 ? ' …' : ''}`);
    say(
      `  refused by the simulator: ${JSON.stringify(Object.fromEntries(watch.refusals))} (130429: ${throttled})`,
    );
    say(
      `  CPU during the broadcast (cores): ${describeCpu(cpuBetween(cpu0, cpu1))} (the simulator runs in "bench")`,
    );
    const jobRows = (
      await db.query(
        `select queue, status, count(*)::int as n, max(attempts)::int as attempts, min(last_error) as error
           from jobs where status in ('queued', 'running', 'failed')
          group by queue, status order by n desc limit 8`,
      )
    ).rows as Array<{ queue: string; status: string; n: number; attempts: number; error: string | null }>;
    say(
      `  jobs left: ${
        jobRows
          .map(
            (r) =>
              `${r.queue}/${r.status} ${r.n}${r.attempts > 0 ? ` (up to ${r.attempts} attempts${r.error ? `, e.g. "${r.error.slice(0, 160)}"` : ''})` : ''}`,
          )
          .join(', ') || 'none'
      }`,
    );
    const passes = (
      await db.query(
        `select passes, extract(epoch from (coalesce(completed_at, now()) - started_at))::float as seconds
           from broadcasts where id = $1`,
        [broadcastId],
      )
    ).rows[0] as { passes: number; seconds: number } | undefined;
    if (passes)
      say(
        `  broadcast passes (each takes in a page of the group and decides a batch of patients in one transaction): ` +
          `${passes.passes} in ${fmt(passes.seconds)} s = ${fmt(passes.seconds / Math.max(1, passes.passes), 2)} s a pass`,
      );
    await diag.collect(running.pid);
    if (options.cpuProf) printProfile(diag.profileFile, "Careline's");
    if (options.queryStats)
      printQueryStats(diag.statsFile, Math.max(1, templateSends.length), 'broadcast send');
    say(`  reply latency during the broadcast: ${describeLatencies(during)}`);

    const idleP99 = percentile(idle.latencies, 99);
    const duringP99 = percentile(during.latencies, 99);
    say('');
    say('## Verdict');
    say(
      `send rate ≥ ${fmt(target, 0)} msg/s (95 % of the number's ${options.simRate}): ${fmt(sustained)} msg/s: ` +
        verdict(sustained >= target),
    );
    say(`zero 130429: ${throttled}: ${verdict(throttled === 0)}`);
    say(
      `reply p99 during the broadcast within 20 % of idle: ${fmt(duringP99, 0)} ms vs ${fmt(idleP99, 0)} ms ` +
        `(${fmt((duringP99 / idleP99 - 1) * 100, 0)} %): ${verdict(duringP99 <= idleP99 * 1.2 && during.unanswered === 0)}`,
    );
  } finally {
    await careline?.kill('SIGKILL');
    await simulator?.close();
    await pool?.end();
    if (options.keepDb) say(`database kept: ${database.url}`);
    else await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    if (!options.cpuProf && !options.queryStats) rmSync(profileDir, { recursive: true, force: true });
  }
}

interface BroadcastReport {
  done: boolean;
  counts: Record<string, unknown>;
}

/** The report's figures, whatever the broadcast's status; done when it left the sending states. */
function reportOf(body: Record<string, unknown>): BroadcastReport {
  const status = String(body.status ?? '');
  const report = (body.report ?? {}) as Record<string, unknown>;
  const counts: Record<string, unknown> = { status };
  for (const key of ['targeted', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped']) {
    const value = report[key];
    counts[key] = typeof value === 'object' && value !== null && 'total' in value ? value.total : value;
  }
  return { done: ['sent', 'completed', 'finished', 'cancelled', 'failed'].includes(status), counts };
}

interface ObservedSend {
  at: number;
  ok: boolean;
}

interface SendWatch {
  templates: ObservedSend[];
  refusals: Map<number, number>;
  /** Called with each accepted text send: to whom, when. */
  onText?: (to: string, at: number) => void;
}

/**
 * Every Graph send the simulator answers, seen as it answers it (the bench wraps the simulator object
 * in this process; reading `sends()` back would copy 100,000 records each time).
 */
function watchSends(sim: RunningSimulator['simulator']): SendWatch {
  const watch: SendWatch = { templates: [], refusals: new Map() };
  const original = sim.handleSendRequest.bind(sim);
  sim.handleSendRequest = (request) => {
    const response = original(request);
    const at = Date.now();
    const body = request.body as { type?: string; to?: string };
    const ok = response.httpStatus === 200;
    if (!ok) {
      const code = graphErrorCode(response.body) ?? response.httpStatus;
      watch.refusals.set(code, (watch.refusals.get(code) ?? 0) + 1);
    }
    if (body.type === 'template') watch.templates.push({ at, ok });
    else if (ok && body.type === 'text' && body.to) watch.onText?.(body.to, at);
    return response;
  };
  return watch;
}

interface LatencyRun {
  latencies: number[];
  written: number;
  unanswered: number;
}

/**
 * Patients outside the group write "ping" at a steady rate, each waiting for its "pong" before writing
 * again (a patient whose answer has not come is skipped, and counted if it never comes).
 */
class ReplyLoad {
  readonly #waiting = new Map<string, number>();
  readonly #phones: string[];
  #latencies: number[] = [];
  #written = 0;
  #timer: NodeJS.Timeout | undefined;
  #next = 0;
  readonly #sim: RunningSimulator['simulator'];
  readonly #phoneNumberId: string;
  readonly #replyRate: number;

  constructor(
    sim: RunningSimulator['simulator'],
    phoneNumberId: string,
    watch: SendWatch,
    options: BroadcastBenchOptions,
  ) {
    this.#sim = sim;
    this.#phoneNumberId = phoneNumberId;
    this.#replyRate = options.replyRate;
    this.#phones = Array.from(
      { length: options.replyPatients },
      (_, i) => `+3362${String(i + 1).padStart(7, '0')}`,
    );
    watch.onText = (to, at) => {
      const phone = `+${to}`;
      const since = this.#waiting.get(phone);
      if (since === undefined) return;
      this.#waiting.delete(phone);
      this.#latencies.push(at - since);
    };
  }

  async warmUp(): Promise<void> {
    await Promise.all(this.#phones.map((phone) => this.#write(phone)));
    await waitUntil(async () => this.#waiting.size === 0, 60_000, 'the first answers to ping');
    this.#latencies = [];
    this.#written = 0;
  }

  start(): void {
    this.#latencies = [];
    this.#written = 0;
    const every = 1000 / this.#replyRate;
    this.#timer = setInterval(() => {
      for (let tries = 0; tries < this.#phones.length; tries += 1) {
        const phone = this.#phones[this.#next++ % this.#phones.length] ?? '';
        if (this.#waiting.has(phone)) continue;
        void this.#write(phone);
        return;
      }
    }, every);
  }

  /** Stops writing, waits up to 10 s for the answers still due, and returns what was measured. */
  async stop(): Promise<LatencyRun> {
    clearInterval(this.#timer);
    const deadline = Date.now() + 10_000;
    while (this.#waiting.size > 0 && Date.now() < deadline) await sleep(100);
    const run = { latencies: this.#latencies, written: this.#written, unanswered: this.#waiting.size };
    this.#waiting.clear();
    return run;
  }

  async #write(phone: string): Promise<void> {
    this.#waiting.set(phone, Date.now());
    this.#written += 1;
    const result = await this.#sim.patientSends({
      phoneNumberId: this.#phoneNumberId,
      type: 'text',
      from: phone,
      name: `Patient ${phone.slice(-4)}`,
      text: 'ping',
    });
    if (result.httpStatus !== 200) this.#waiting.delete(phone);
  }
}

function describeLatencies(run: LatencyRun): string {
  const l = run.latencies;
  return (
    `${l.length} answers to ${run.written} messages (${run.unanswered} unanswered): p50 ${fmt(percentile(l, 50), 0)} ms, ` +
    `p90 ${fmt(percentile(l, 90), 0)} ms, p99 ${fmt(percentile(l, 99), 0)} ms, max ${fmt(l.length ? Math.max(...l) : Number.NaN, 0)} ms`
  );
}

/**
 * Patients, their WhatsApp identities, their consent to health information and their static group,
 * sealed with each patient's key (names, phones, ids, the consent's words) with the blind-index hashes
 * the app writes beside them, in multi-row inserts of SEED_BATCH rows.
 */
async function seedGroup(
  url: string,
  dataDir: string,
  slug: string,
  total: number,
): Promise<{ ms: number; groupId: string }> {
  const started = performance.now();
  const keyring = new Keyring(masterCipherFor({ keyFile: join(dataDir, 'secret.key') }));
  const handle = await createDb({ engine: 'postgres', url, poolSize: 2 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [org],
    } = await client.query<{ org_id: string }>('select id as org_id from orgs where slug = $1', [slug]);
    if (!org) throw new Error('the bench clinic was not created');
    const orgId = org.org_id;
    const blind = await keyring.blindIndex(handle.db, orgId);
    const groupId = randomUUID();
    await client.query(
      `insert into patient_groups (id, org_id, name, description, kind) values ($1, $2, $3, $4, 'static')`,
      [groupId, orgId, 'Patients suivis (bench)', 'Every seeded patient'],
    );
    const consentText = 'Acceptez-vous de recevoir des informations de santé du cabinet ? OUI';
    for (let first = 0; first < total; first += SEED_BATCH) {
      const size = Math.min(SEED_BATCH, total - first);
      const ids = Array.from({ length: size }, () => randomUUID());
      const sealers = await keyring.patients(handle.db, orgId, ids);
      const c = { id: [] as string[], name: [] as string[], phone: [] as string[], language: [] as string[] };
      const h = { phone: [] as string[], name: [] as string[], tags: [] as string[], fields: [] as string[] };
      const i = {
        external: [] as string[],
        externalHash: [] as string[],
        phone: [] as string[],
        profile: [] as string[],
      };
      const consent: string[] = [];
      for (let k = 0; k < size; k += 1) {
        const n = first + k;
        const id = ids[k] ?? '';
        const sealer = sealers.get(id);
        if (!sealer) throw new Error(`no key for patient ${id}`);
        const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(n / 10) % LAST_NAMES.length]}`;
        const phone = `+3361${String(n + 1).padStart(7, '0')}`;
        const contact = sealContactFields(sealer, blind, {
          displayName: name,
          phone,
          tags: [],
          customFields: {},
        });
        const identity = sealIdentityFields(sealer, blind, {
          externalId: phone.slice(1),
          phone,
          profileName: name,
        });
        c.id.push(id);
        c.name.push(String(contact.displayName));
        c.phone.push(String(contact.phone));
        c.language.push(n % 5 === 4 ? 'en' : 'fr');
        h.phone.push(String(contact.phoneHash));
        h.name.push(`{${(contact.nameTerms ?? []).join(',')}}`);
        h.tags.push(String(contact.tags));
        h.fields.push(String(contact.customFields));
        i.external.push(String(identity.externalId));
        i.externalHash.push(String(identity.externalIdHash));
        i.phone.push(String(identity.phone));
        i.profile.push(String(identity.profileName));
        consent.push(sealer.seal(consentText, 'consent_records.text_shown'));
      }
      await client.query('begin');
      await client.query(
        `insert into contacts (id, org_id, display_name, phone, language, tags, custom_fields, phone_hash, name_terms)
         select id, $1, n, p, l, t, f, ph::bigint, nt::bigint[]
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           as v(id, n, p, l, t, f, ph, nt)`,
        [orgId, c.id, c.name, c.phone, c.language, h.tags, h.fields, h.phone, h.name],
      );
      await client.query(
        `insert into contact_identities (org_id, contact_id, channel_type, external_id, external_id_hash, phone, profile_name)
         select $1, id, 'whatsapp', e, eh::bigint, p, pn
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) as v(id, e, eh, p, pn)`,
        [orgId, c.id, i.external, i.externalHash, i.phone, i.profile],
      );
      await client.query(
        `insert into consent_records (org_id, contact_id, channel, purpose, granted, method, text_shown)
         select $1, id, 'whatsapp', 'health_information', true, 'api', t
         from unnest($2::uuid[], $3::text[]) as v(id, t)`,
        [orgId, c.id, consent],
      );
      await client.query(
        `insert into patient_group_members (org_id, group_id, contact_id)
         select $1, $2, id from unnest($3::uuid[]) as v(id)`,
        [orgId, groupId, c.id],
      );
      await client.query('commit');
    }
    await client.query('vacuum analyze');
    return { ms: performance.now() - started, groupId };
  } finally {
    await client.end();
    await handle.close();
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function graphErrorCode(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}
