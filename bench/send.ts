/**
 * `npm run bench -- send`: outbound throughput. Careline on PostgreSQL sends through a channel whose
 * Graph URL is a standalone simulator running in this process; patients write first (through the
 * simulator, so their 24-hour windows are open), then replies are queued through the REST API across
 * their conversations, and the simulator's record of sends gives the sustained rate and the 130429s.
 *
 *   --messages 20000          replies to queue
 *   --patients 1000           conversations they are spread over (20 each: within Meta's pair burst)
 *   --order grouped|interleaved  grouped (default): a conversation's replies are queued one after the
 *                             other, so they go out as one burst, which Meta's pair limit (and Careline's
 *                             pacer) allows up to 45 in 6 s; interleaved: round robin over conversations,
 *                             which at high rates spreads a pair's replies past the 6-s burst window
 *   --mode backlog|live       backlog (default): queue every reply with the worker off, then start it;
 *                             live: queue while the worker sends
 *   --statuses on|off         the simulator posts sent/delivered/read webhooks back (default on)
 *   --sim-rate 1000           the simulator's per-number limit (throughputLimit knob), messages/s
 *   --max-seconds 120         stop measuring after this long even if not everything was sent
 *   --queue-concurrency 32    parallel POSTs while queueing
 *   --assume-number-rate N    what-if, off by default: tell Careline's pacer the number may send N/s
 *                             (as if it knew of Meta's upgrade) through a preload; not a Careline setting
 *   --keep-db on|off          leave the database for inspection (its URL is printed)
 *   --cpu-prof on|off         profile the sending Careline and print where its time went
 *   --query-stats on|off      count the sending Careline's queries by statement (a pg preload)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { type RunningSimulator, startSimulatorServer } from '../src/simulator/simulator-server.ts';
import { REPO_ROOT } from '../test/crash/careline-process.ts';
import { Flags } from './lib/args.ts';
import { type CarelineProcess, freePort, setUpClinic, sleep, spawnCareline } from './lib/careline.ts';
import { cpuBetween, cpuSnapshot, describeCpu } from './lib/cpu.ts';
import { createBenchDatabase, databaseCounters, observer, scalar } from './lib/pg.ts';
import { diagnostics, printProfile, printQueryStats } from './lib/profile.ts';
import { fmt, mean, median, percentile, perSecond, say, verdict } from './lib/stats.ts';

interface SendOptions {
  messages: number;
  patients: number;
  order: 'grouped' | 'interleaved';
  mode: 'backlog' | 'live';
  statuses: boolean;
  simRate: number;
  maxSeconds: number;
  queueConcurrency: number;
  assumeNumberRate: number;
  cpuProf: boolean;
  queryStats: boolean;
  keepDb: boolean;
}

const TARGET = 950;

export async function runSend(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const mode = flags.string('mode', 'backlog');
  if (mode !== 'backlog' && mode !== 'live') throw new Error('--mode must be backlog or live');
  const order = flags.string('order', 'grouped');
  if (order !== 'grouped' && order !== 'interleaved')
    throw new Error('--order must be grouped or interleaved');
  const options: SendOptions = {
    messages: flags.number('messages', 20_000, { min: 1, max: 200_000 }),
    patients: flags.number('patients', 1000, { min: 1, max: 100_000 }),
    order,
    mode,
    statuses: flags.boolean('statuses', true),
    simRate: flags.number('sim-rate', 1000, { min: 1 }),
    maxSeconds: flags.number('max-seconds', 120, { min: 1, max: 3600 }),
    queueConcurrency: flags.number('queue-concurrency', 32, { min: 1, max: 512 }),
    assumeNumberRate: flags.number('assume-number-rate', 0, { min: 0, max: 1000 }),
    cpuProf: flags.boolean('cpu-prof', false),
    queryStats: flags.boolean('query-stats', false),
    keepDb: flags.boolean('keep-db', false),
  };
  flags.rejectUnknown();

  say(`# Send benchmark — ${new Date().toISOString()}`);
  say(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      `${options.messages} replies over ${options.patients} conversations (${options.order}), mode ${options.mode}, ` +
      `status webhooks ${options.statuses ? 'on' : 'off'}, measuring at most ${options.maxSeconds} s`,
  );
  if (options.assumeNumberRate > 0)
    say(
      `WHAT-IF RUN: Careline's pacer is told the number sends ${options.assumeNumberRate}/s (bench preload, ` +
        'not a Careline setting): the verdict below is not a measurement of stock Careline',
    );

  const database = await createBenchDatabase('send');
  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-'));
  const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const port = await freePort();
  const profileDir = join(REPO_ROOT, 'bench', '.profiles', `send-${Date.now()}`);
  let simulator: RunningSimulator | undefined;
  let careline: CarelineProcess | undefined;
  let pool: pg.Pool | undefined;
  try {
    simulator = await startSimulatorServer({ port: 0 });
    const sim = simulator.simulator;
    // The number's throughput at Meta, as an operator sets it (`--messages-per-second`): the simulator's.
    const clinic = await setUpClinic(env, simulator.url, {
      messagesPerSecond: Math.min(options.simRate, 1000),
    });
    sim.registerNumber({
      phoneNumberId: clinic.phoneNumberId,
      displayPhoneNumber: '33180000000',
      wabaId: clinic.wabaId,
      accessToken: clinic.accessToken,
      appSecret: clinic.appSecret,
      webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    });
    const behaviour = {
      enforceServiceWindow: true,
      ...(options.statuses ? {} : { stopAfter: 'accepted' as const }),
    };
    try {
      sim.setBehaviour(
        { ...behaviour, throughputLimit: { messagesPerSecond: options.simRate } },
        clinic.phoneNumberId,
      );
      say(
        `simulator: number limited to ${options.simRate} msg/s (throughputLimit knob), 24-hour window enforced`,
      );
    } catch (error) {
      sim.setBehaviour(behaviour, clinic.phoneNumberId);
      say(`simulator: NO per-number rate-limit knob accepted (${String(error)}): sends are not limited`);
    }
    say('');

    // 1. Patients write: their conversations exist and their windows are open.
    pool = observer(database.url);
    const db = pool;
    careline = await spawnCareline(env, { port });
    const patientsStart = Date.now();
    await inBatches(options.patients, 16, async (p) => {
      const result = await sim.patientSends({
        phoneNumberId: clinic.phoneNumberId,
        type: 'text',
        from: `+3361${String(p).padStart(8, '0')}`,
        name: `Patient ${p}`,
        text: 'Bonjour, pouvez-vous me rappeler ?',
      });
      if (result.httpStatus !== 200) throw new Error(`patient ${p}: Careline answered ${result.httpStatus}`);
    });
    await waitUntil(
      async () => (await scalar(db, 'select count(*) from conversations')) >= options.patients,
      120_000,
      'patients’ conversations',
    );
    say(
      `${options.patients} patients wrote; conversations ready after ${fmt((Date.now() - patientsStart) / 1000)} s`,
    );
    const conversations = (await db.query('select id from conversations order by created_at')).rows.map(
      (r: { id: string }) => r.id,
    );

    // 2. Queue the replies: with the worker off in backlog mode, with the sending Careline in live mode.
    mkdirSync(profileDir, { recursive: true });
    const diag = diagnostics(options, profileDir);
    const whatIf = options.assumeNumberRate > 0;
    const sendingCareline = async () =>
      spawnCareline(
        {
          ...env,
          ...diag.env,
          ...(whatIf ? { BENCH_ASSUME_NUMBER_RATE: String(options.assumeNumberRate) } : {}),
        },
        {
          port,
          nodeArgs: [...diag.nodeArgs, ...(whatIf ? ['--import', './bench/lib/number-rate-preload.ts'] : [])],
        },
      );
    await careline.stop();
    careline =
      options.mode === 'backlog'
        ? await spawnCareline({ ...env, WORKER: 'off' }, { port })
        : await sendingCareline();

    const counters0 = await databaseCounters(db, database.name);
    const queueing = careline;
    const queueStart = Date.now();
    const queueLatencies: number[] = [];
    const queued = new Set<string>();
    await inBatches(options.messages, options.queueConcurrency, async (i) => {
      const perConversation = Math.ceil(options.messages / conversations.length);
      const conversation =
        conversations[
          options.order === 'grouped' ? Math.floor(i / perConversation) : i % conversations.length
        ];
      const started = performance.now();
      const response = await fetch(`${queueing.url}/api/v1/conversations/${conversation}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clinic.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'text', text: `Bien sûr, réponse ${i} : rendez-vous confirmé.` }),
      });
      const body = (await response.json()) as { id?: string };
      queueLatencies.push(performance.now() - started);
      if (response.status !== 202 || !body.id)
        throw new Error(`queueing reply ${i}: HTTP ${response.status}`);
      queued.add(body.id);
    });
    const queueSeconds = (Date.now() - queueStart) / 1000;
    say(
      `queued ${queued.size} replies in ${fmt(queueSeconds)} s = ${fmt(queued.size / queueSeconds)} req/s ` +
        `(POST latency p50 ${fmt(percentile(queueLatencies, 50))} ms, p99 ${fmt(percentile(queueLatencies, 99))} ms)` +
        (options.mode === 'live' ? ' while the worker was sending' : ', worker off'),
    );

    // 3. Send: start the worker (backlog mode) and watch the simulator's record.
    let sendStart = queueStart;
    if (options.mode === 'backlog') {
      await careline.stop();
      sendStart = Date.now();
      careline = await sendingCareline();
    }
    const cpu0 = cpuSnapshot({ careline: careline.pid });
    const deadline = sendStart + options.maxSeconds * 1000;
    let accepted = 0;
    while (Date.now() < deadline) {
      accepted = acceptedCorrelations(sim.sends(clinic.phoneNumberId), queued).size;
      if (accepted >= queued.size) break;
      await sleep(500);
    }
    const cpu1 = cpuSnapshot({ careline: careline.pid });
    const finishedAll = accepted >= queued.size;
    await sleep(1500);
    const counters1 = await databaseCounters(db, database.name);
    const statusRows = (
      await db.query(
        `select status, error_code, count(*)::int as n from messages where direction = 'outbound'
          group by status, error_code order by n desc`,
      )
    ).rows as Array<{ status: string; error_code: number | null; n: number }>;
    const failedJobs = await scalar(db, `select count(*) from jobs where status = 'failed'`);
    const jobRows = (
      await db.query(
        `select queue, status, count(*)::int as n, count(*) filter (where run_at <= now())::int as due,
                max(attempts)::int as attempts, min(last_error) as error
           from jobs group by queue, status order by queue, status`,
      )
    ).rows as Array<{
      queue: string;
      status: string;
      n: number;
      due: number;
      attempts: number;
      error: string | null;
    }>;
    const webhooks = (
      await db.query(
        `select count(*)::int as n, count(processed_at)::int as processed,
                coalesce(percentile_cont(0.5) within group (order by extract(epoch from processed_at - received_at)), 0) as p50
           from webhook_events where received_at >= $1`,
        [new Date(sendStart)],
      )
    ).rows[0] as { n: number; processed: number; p50: number };
    await diag.collect(careline.pid);
    // Not a graceful stop: Careline's SIGTERM waits until its worker has drained every due job, which
    // with the rest of the backlog takes minutes. What was measured is already read.
    await careline.kill('SIGKILL');
    careline = undefined;

    // 4. What the simulator saw.
    const sends = sim.sends(clinic.phoneNumberId).filter((s) => isTextSend(s.request));
    const ok = sends.filter((s) => s.response.httpStatus === 200 && s.wamid);
    const errorsByCode = new Map<string, number>();
    for (const s of sends) {
      if (s.response.httpStatus === 200) continue;
      const code = graphErrorCode(s.response.body) ?? `HTTP ${s.response.httpStatus}`;
      errorsByCode.set(String(code), (errorsByCode.get(String(code)) ?? 0) + 1);
    }
    const throttled = errorsByCode.get('130429') ?? 0;
    const times = ok.map((s) => Date.parse(s.receivedAt)).sort((a, b) => a - b);
    const first = times[0] ?? sendStart;
    const last = times.at(-1) ?? sendStart;
    const buckets = perSecond(times, first);
    // Whole seconds only: the first and the last are partial (the worker starting; the backlog running
    // out, or measuring stopping while sends go on).
    const steady = buckets.slice(1, -1);
    const sustained = steady.length > 0 ? mean(steady) : ok.length / Math.max(0.001, (last - first) / 1000);
    const perMessage = new Map<string, number>();
    for (const s of ok) {
      const id = correlationOf(s.request) ?? '(none)';
      perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    }
    const duplicates = [...perMessage].filter(([, n]) => n > 1);

    say('');
    say('## Sends as the simulator saw them');
    say(
      `  ${ok.length} accepted of ${sends.length} send calls, ${perMessage.size} distinct replies ` +
        `(${finishedAll ? 'all queued replies sent' : `NOT all sent within ${options.maxSeconds} s`})`,
    );
    say(
      `  first accepted ${fmt((first - sendStart) / 1000)} s after the ${options.mode === 'backlog' ? 'worker was started' : 'queueing began'}, ` +
        `last ${fmt((last - sendStart) / 1000)} s after`,
    );
    say(
      `  sustained: ${fmt(sustained)} msg/s (mean of ${steady.length} whole seconds; median ${fmt(median(steady))}, ` +
        `min ${steady.length ? Math.min(...steady) : 'n/a'}, max ${steady.length ? Math.max(...steady) : 'n/a'}); ` +
        `overall ${fmt(ok.length / Math.max(0.001, (last - first) / 1000))} msg/s`,
    );
    say(`  per second: ${buckets.slice(0, 40).join(' ')}${buckets.length > 40 ? ' …' : ''}`);
    say(
      `  refused by the simulator: ${JSON.stringify(Object.fromEntries(errorsByCode))} (130429: ${throttled})`,
    );
    say(`  replies accepted more than once (biz_opaque_callback_data): ${duplicates.length}`);
    say(
      `  Careline's outbound messages by status: ${statusRows.map((r) => `${r.status}${r.error_code ? `/${r.error_code}` : ''} ${r.n}`).join(', ')}`,
    );
    say(`  failed jobs: ${failedJobs}`);
    say(
      `  jobs when measuring stopped: ${jobRows
        .map(
          (r) =>
            `${r.queue}/${r.status} ${r.n}${r.status === 'queued' ? ` (${r.due} due, up to ${r.attempts} attempts${r.error ? `, e.g. "${r.error}"` : ''})` : ''}`,
        )
        .join(', ')}`,
    );
    say(
      `  status webhooks received while sending: ${webhooks.n}, processed ${webhooks.processed} ` +
        `(journal → processed p50 ${fmt(Number(webhooks.p50))} s)`,
    );
    say(
      `  CPU while sending (cores): ${describeCpu(cpuBetween(cpu0, cpu1))} (the simulator runs in "bench")`,
    );
    say(
      `  PostgreSQL work per accepted send: ${fmt((counters1.commits - counters0.commits) / Math.max(1, ok.length))} commits, ` +
        `${fmt((counters1.updated - counters0.updated) / Math.max(1, ok.length))} rows updated (queueing included)`,
    );
    if (options.cpuProf) printProfile(diag.profileFile, "the sending Careline's");
    if (options.queryStats) printQueryStats(diag.statsFile, ok.length, 'send');

    say('');
    say('## Verdict');
    say(
      `sustained sends ≥ ${TARGET} msg/s with zero 130429: ${fmt(sustained)} msg/s, ${throttled} × 130429: ` +
        `${verdict(sustained >= TARGET && throttled === 0)}${options.assumeNumberRate > 0 ? ' (WHAT-IF run)' : ''}`,
    );
  } finally {
    await careline?.stop();
    await simulator?.close();
    await pool?.end();
    if (options.keepDb) say(`database kept: ${database.url}`);
    else await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    if (!options.cpuProf && !options.queryStats) rmSync(profileDir, { recursive: true, force: true });
  }
}

/** Runs `work(0..count-1)` with at most `concurrency` at a time. */
async function inBatches(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    for (let i = next++; i < count; i = next++) await work(i);
  });
  await Promise.all(lanes);
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

function isTextSend(request: unknown): boolean {
  return typeof request === 'object' && request !== null && 'type' in request && request.type === 'text';
}

function correlationOf(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null || !('biz_opaque_callback_data' in request))
    return undefined;
  return typeof request.biz_opaque_callback_data === 'string' ? request.biz_opaque_callback_data : undefined;
}

function graphErrorCode(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

function acceptedCorrelations(
  sends: ReadonlyArray<{ request: unknown; response: { httpStatus: number }; wamid?: string }>,
  queued: Set<string>,
): Set<string> {
  const ids = new Set<string>();
  for (const s of sends) {
    if (s.response.httpStatus !== 200 || !s.wamid) continue;
    const id = correlationOf(s.request);
    if (id && queued.has(id)) ids.add(id);
  }
  return ids;
}
