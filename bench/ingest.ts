/**
 * `npm run bench -- ingest`: signed WhatsApp webhooks at a fixed rate into Careline on PostgreSQL,
 * against a bare Fastify + one INSERT baseline driven identically on the same server.
 *
 *   --rate 1000          requests per second (autocannon overallRate)
 *   --duration 20        seconds of measured load
 *   --connections 20     autocannon connections
 *   --patients 1000      distinct patients the messages come from (round robin)
 *   --warmup 3           seconds of warm-up at --warmup-rate before each measured run (0: none)
 *   --warmup-rate 200
 *   --drain-timeout 300  seconds to wait for every acknowledged webhook to become a message
 *   --baseline on|off    run the baseline too (default on)
 *   --cpu-prof on|off    profile Careline (node --cpu-prof) and print where its time went
 *   --query-stats on|off count Careline's queries by statement (a pg preload) and print them
 *   --channel whatsapp|telegram|messenger   whose deliveries to send (default whatsapp); each is signed
 *                        as its provider signs it and goes through that channel's webhook route and reader
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { REPO_ROOT } from '../test/crash/careline-process.ts';
import { Flags } from './lib/args.ts';
import { type CarelineProcess, setUpClinic, sleep, spawnCareline } from './lib/careline.ts';
import { type CpuSnapshot, cpuBetween, cpuSnapshot, describeCpu } from './lib/cpu.ts';
import {
  type ChannelUnderLoad,
  channelUnderLoad,
  INGEST_CHANNELS,
  type IngestChannel,
  whatsappRequests,
} from './lib/ingest-channels.ts';
import { drive, type LoadResult, summary } from './lib/load.ts';
import { createBenchDatabase, databaseCounters, observer, scalar } from './lib/pg.ts';
import { diagnostics, printProfile, printQueryStats } from './lib/profile.ts';
import { fmt, median, percentile, perSecond, say, verdict } from './lib/stats.ts';

interface IngestOptions {
  rate: number;
  duration: number;
  connections: number;
  patients: number;
  warmup: number;
  warmupRate: number;
  drainTimeout: number;
  baseline: boolean;
  cpuProf: boolean;
  queryStats: boolean;
  channel: IngestChannel;
}

export async function runIngest(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const options: IngestOptions = {
    rate: flags.number('rate', 1000, { min: 1 }),
    duration: flags.number('duration', 20, { min: 1, max: 600 }),
    connections: flags.number('connections', 20, { min: 1, max: 1000 }),
    patients: flags.number('patients', 1000, { min: 1 }),
    warmup: flags.number('warmup', 3, { min: 0, max: 60 }),
    warmupRate: flags.number('warmup-rate', 200, { min: 1 }),
    drainTimeout: flags.number('drain-timeout', 300, { min: 1, max: 3600 }),
    baseline: flags.boolean('baseline', true),
    cpuProf: flags.boolean('cpu-prof', false),
    queryStats: flags.boolean('query-stats', false),
    channel: channelFlag(flags.string('channel', 'whatsapp')),
  };
  flags.rejectUnknown();

  say(`# Ingest benchmark — ${new Date().toISOString()}`);
  say(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      `load: ${options.rate} req/s for ${options.duration} s over ${options.connections} connections, ` +
      `${options.patients} patients, warm-up ${options.warmup} s at ${options.warmupRate} req/s, ` +
      `channel ${options.channel}`,
  );
  say('');

  const baseline = options.baseline ? await runBaseline(options) : undefined;
  const careline = await runCareline(options);

  say('');
  say('## Verdict');
  const ack = summary(careline.load);
  if (baseline) {
    const base = summary(baseline);
    const ratio = ack.throughput / base.throughput;
    say(
      `acknowledged throughput: Careline ${fmt(ack.throughput)} req/s vs baseline ${fmt(base.throughput)} req/s ` +
        `= ${fmt(ratio * 100)} % of the baseline (target ≥ 50 %): ${verdict(ratio >= 0.5)}`,
    );
    say(`p99 acknowledgement: Careline ${fmt(ack.p99)} ms, baseline ${fmt(base.p99)} ms`);
    if (careline.sustained !== undefined) {
      const storedRatio = careline.sustained / base.throughput;
      say(
        `stored-as-message throughput: Careline ${fmt(careline.sustained)} msg/s vs baseline ` +
          `${fmt(base.throughput)} rows/s = ${fmt(storedRatio * 100)} % (same ≥ 50 % target applied to ` +
          `processing): ${verdict(storedRatio >= 0.5)}`,
      );
    }
  }
  say(
    `p99 acknowledgement < 50 ms at ${options.rate} req/s: ${fmt(ack.p99)} ms at ` +
      `${fmt(ack.throughput)} req/s achieved: ${verdict(ack.p99 < 50 && ack.throughput >= options.rate * 0.95)}`,
  );
}

async function runBaseline(options: IngestOptions): Promise<LoadResult> {
  say('## Baseline: bare Fastify, one INSERT per request (same PostgreSQL server)');
  const database = await createBenchDatabase('base');
  let server: CarelineProcess | undefined;
  try {
    server = await spawnCareline({ DATABASE_URL: database.url }, { command: ['bench/baseline-server.ts'] });
    const bodies = whatsappRequests('base', options.patients, 'baseline-secret-0000', '106540352242922');
    if (options.warmup > 0)
      await drive(loadOptions(server.url, options.warmupRate, options.warmup, options, bodies));
    const before = cpuSnapshot({ baseline: server.pid });
    const load = await drive(loadOptions(server.url, options.rate, options.duration, options, bodies));
    const after = cpuSnapshot({ baseline: server.pid });
    printLoad('baseline', load, before, after);
    return load;
  } finally {
    await server?.stop();
    await database.drop();
  }
}

interface CarelineRun {
  load: LoadResult;
  /** Messages per second from the start of the load until the last acknowledged one was stored. */
  sustained?: number;
}

async function runCareline(options: IngestOptions): Promise<CarelineRun> {
  say('');
  say(`## Careline (${options.channel}): signed webhook → verified + journaled + 200 → worker → message`);
  const database = await createBenchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-'));
  const env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
  // Profiles and query statistics go here (bench/.profiles is git-ignored); removed when empty.
  const profileDir = join(REPO_ROOT, 'bench', '.profiles', `ingest-${Date.now()}`);
  let careline: CarelineProcess | undefined;
  let pool: pg.Pool | undefined;
  let channel: ChannelUnderLoad | undefined;
  try {
    const clinic = await setUpClinic(env, 'http://127.0.0.1:9');
    channel = await channelUnderLoad(options.channel, env, clinic);
    const path = channel.path;
    mkdirSync(profileDir, { recursive: true });
    const diag = diagnostics(options, profileDir);
    careline = await spawnCareline(
      { ...env, WORKER: 'on', LOG_LEVEL: 'silent', ...diag.env },
      { nodeArgs: diag.nodeArgs },
    );
    pool = observer(database.url);
    const db = pool;
    const countMessages = () => scalar(db, `select count(*) from messages where direction = 'inbound'`);
    const bodies = channel.requests(database.name, options.patients);
    const storedIdOf = channel.storedIdOf;

    let expected = 0;
    if (options.warmup > 0) {
      const warm = await drive(
        loadOptions(careline.url, options.warmupRate, options.warmup, options, bodies, path),
      );
      expected += warm.acked;
      const started = Date.now();
      while ((await countMessages()) < expected && Date.now() - started < options.drainTimeout * 1000)
        await sleep(200);
    }
    const storedBefore = await countMessages();
    const counters0 = await databaseCounters(db, database.name);
    const cpu0 = cpuSnapshot({ careline: careline.pid });

    const ackedWamids: string[] = [];
    // Count stored messages while the load runs and after, until all acknowledged ones are in.
    const timeline: Array<{ atMs: number; stored: number }> = [];
    let loadDone = false;
    let target = Number.POSITIVE_INFINITY;
    const loadStart = Date.now();
    const watcher = (async () => {
      for (;;) {
        const stored = (await countMessages()) - storedBefore;
        timeline.push({ atMs: Date.now(), stored });
        // Cheap count first; then check by wamid that the acknowledged ones are the ones stored.
        if (loadDone && stored >= target && (await storedOf(db, ackedWamids)) >= ackedWamids.length) return;
        if (Date.now() - loadStart > (options.duration + options.drainTimeout) * 1000) return;
        await sleep(250);
      }
    })();
    const load = await drive({
      ...loadOptions(careline.url, options.rate, options.duration, options, bodies, path),
      onAck: (body) => {
        const id = storedIdOf(body);
        if (id) ackedWamids.push(id);
      },
    });
    const cpuLoadEnd = cpuSnapshot({ careline: careline.pid });
    target = load.acked;
    loadDone = true;
    await watcher;
    const cpuDrainEnd = cpuSnapshot({ careline: careline.pid });
    await sleep(1500); // PostgreSQL publishes its counters with a little delay.
    const counters1 = await databaseCounters(db, database.name);

    printLoad('careline', load, cpu0, cpuLoadEnd);

    const last = timeline.at(-1);
    const atLoadEnd = [...timeline].reverse().find((t) => t.atMs <= load.endMs) ?? timeline[0];
    const journaled = (await scalar(db, 'select count(*) from webhook_events')) - expected;
    const ackedStored = await storedOf(db, ackedWamids);
    const allStored = ackedStored >= ackedWamids.length && ackedWamids.length === load.acked;
    // The watcher stops at the first poll that found every acknowledged wamid stored.
    const storedAt = allStored ? last?.atMs : undefined;
    say(
      `  stored as a message: ${ackedStored} of the ${ackedWamids.length} acknowledged wamids ` +
        `(${last?.stored ?? 0} messages, ${journaled} webhooks journaled in all: the load generator cuts ` +
        'off the answers of requests in flight when it stops)',
    );
    say(
      `    at the end of the load: ${atLoadEnd?.stored ?? 0} stored, backlog ${load.acked - (atLoadEnd?.stored ?? 0)} ` +
        `(processing during load ≈ ${fmt((atLoadEnd?.stored ?? 0) / ((load.endMs - loadStart) / 1000))} msg/s)`,
    );
    let sustained: number | undefined;
    if (allStored && storedAt !== undefined) {
      const seconds = (storedAt - loadStart) / 1000;
      sustained = load.acked / seconds;
      say(
        `    every acknowledged message stored ${fmt(seconds)} s after the load started ` +
          `(${fmt((storedAt - load.endMs) / 1000)} s after it ended): sustained ${fmt(sustained)} msg/s`,
      );
    } else {
      const seconds = ((last?.atMs ?? Date.now()) - loadStart) / 1000;
      sustained = (last?.stored ?? 0) / seconds;
      say(
        `    NOT all stored within the drain timeout (${options.drainTimeout} s): ` +
          `${fmt(sustained)} msg/s sustained so far`,
      );
    }
    const rates = perSecondFromTimeline(timeline);
    say(
      `    stored per second (median of whole seconds while a backlog existed): ${fmt(median(rates))} msg/s`,
    );
    const delays = await journalToMessageDelays(db);
    say(
      `    journal → processed delay per webhook: p50 ${fmt(percentile(delays, 50) / 1000)} s, ` +
        `p99 ${fmt(percentile(delays, 99) / 1000)} s, max ${fmt(percentile(delays, 100) / 1000)} s`,
    );
    say(`    CPU while draining the backlog (cores): ${describeCpu(cpuBetween(cpuLoadEnd, cpuDrainEnd))}`);
    const stored = Math.max(1, last?.stored ?? 1);
    say(
      `    PostgreSQL work per stored message: ${fmt((counters1.commits - counters0.commits) / stored)} commits, ` +
        `${fmt((counters1.inserted - counters0.inserted) / stored)} rows inserted, ` +
        `${fmt((counters1.updated - counters0.updated) / stored)} rows updated`,
    );

    await diag.collect(careline.pid);
    await careline.stop();
    if (options.cpuProf) printProfile(diag.profileFile, "Careline's");
    if (options.queryStats) printQueryStats(diag.statsFile, expected + load.acked, 'webhook');
    return { load, sustained };
  } finally {
    await careline?.stop();
    await channel?.close();
    await pool?.end();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    if (!options.cpuProf && !options.queryStats) rmSync(profileDir, { recursive: true, force: true });
  }
}

function loadOptions(
  url: string,
  rate: number,
  duration: number,
  options: IngestOptions,
  request: () => { body: string; headers: Record<string, string> },
  path = '/webhooks/whatsapp',
) {
  return {
    url,
    path,
    rate,
    durationSeconds: duration,
    connections: Math.min(options.connections, rate),
    request,
  };
}

function printLoad(label: string, load: LoadResult, before: CpuSnapshot, after: CpuSnapshot): void {
  const s = summary(load);
  const perSec = perSecond(load.ackTimes, load.startMs).slice(0, Math.floor(load.seconds));
  say(
    `  ${label} "verified + journaled + 200": ${load.acked} acknowledged in ${fmt(load.seconds)} s = ` +
      `${fmt(s.throughput)} req/s (per second: min ${Math.min(...perSec)}, median ${median(perSec)}, max ${Math.max(...perSec)})`,
  );
  say(
    `    latency p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, max ${fmt(s.max)} ms ` +
      `(autocannon's own: p50 ${load.autocannonP50} ms, p99 ${load.autocannonP99} ms)`,
  );
  say(
    `    non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}, status codes ${JSON.stringify(load.statusCodes)}`,
  );
  say(`    CPU during the load (cores): ${describeCpu(cpuBetween(before, after))}`);
}

function perSecondFromTimeline(timeline: Array<{ atMs: number; stored: number }>): number[] {
  const rates: number[] = [];
  for (let i = 4; i < timeline.length; i += 4) {
    const a = timeline[i - 4];
    const b = timeline[i];
    if (!a || !b || b.stored === a.stored) continue;
    rates.push(((b.stored - a.stored) * 1000) / (b.atMs - a.atMs));
  }
  return rates;
}

/** How many of these wamids are stored as messages. */
async function storedOf(db: pg.Pool, wamids: string[]): Promise<number> {
  return scalar(db, 'select count(*) from messages where external_id = any($1::text[])', [wamids]);
}

async function journalToMessageDelays(db: pg.Pool): Promise<number[]> {
  const result = await db.query(
    `select extract(epoch from (processed_at - received_at)) * 1000 as ms
       from webhook_events where processed_at is not null`,
  );
  return (result.rows as Array<{ ms: string }>).map((r) => Number(r.ms));
}

function channelFlag(value: string): IngestChannel {
  const channel = INGEST_CHANNELS.find((known) => known === value);
  if (!channel) throw new Error(`--channel must be one of ${INGEST_CHANNELS.join(', ')}, got "${value}"`);
  return channel;
}
