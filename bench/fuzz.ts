/**
 * `npm run bench -- fuzz`: the long fuzz pass. A real Careline process (`bin/careline.js serve`) gets,
 * for every operation of its OpenAPI document, malformed requests as an administrator (API key and
 * session in turn) and without credentials, then validly signed malformed WhatsApp webhooks; `GET
 * /health` is checked after each batch and a dead process is counted and started again. Then a
 * patient's ordinary message must still reach the inbox. The same cases as the CI pass
 * (test/fuzz/api-fuzz.int.test.ts), many more of them.
 *
 *   --engine postgres|pglite  database (default postgres: BENCH_DATABASE_URL or TEST_DATABASE_URL's server)
 *   --seed <n>                replay a run (default: a new seed, printed)
 *   --cases 120               malformed requests per operation as the administrator
 *   --anonymous 20            malformed requests per operation without valid credentials
 *   --webhooks 600            signed malformed webhooks
 *   --batch 20                webhooks between two health checks
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { type RunningSimulator, startSimulatorServer } from '../src/simulator/simulator-server.ts';
import { type FuzzTarget, signInAdmin } from '../test/fuzz/fuzz-client.ts';
import { describeFailures, groupFailures, statusClasses, summarize } from '../test/fuzz/fuzz-figures.ts';
import { fuzzApi, fuzzWebhooks, patientMessageReachesInbox } from '../test/fuzz/fuzz-run.ts';
import { errorsInLog } from '../test/fuzz/server-log.ts';
import { Flags } from './lib/args.ts';
import {
  type CarelineProcess,
  careline,
  freePort,
  setUpClinic,
  sleep,
  spawnCareline,
} from './lib/careline.ts';
import { type BenchDatabase, createBenchDatabase, observer, scalar } from './lib/pg.ts';
import { say, verdict } from './lib/stats.ts';

const PASSWORD = 'correct horse battery staple';

export async function runFuzz(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const engine = flags.string('engine', 'postgres');
  const seed = flags.number('seed', randomBytes(4).readUInt32BE(0), { max: 0xffffffff });
  const adminCases = flags.number('cases', 120, { min: 1, max: 10_000 });
  const anonymousCases = flags.number('anonymous', 20, { min: 0, max: 10_000 });
  const webhooks = flags.number('webhooks', 600, { min: 0, max: 100_000 });
  const batchSize = flags.number('batch', 20, { min: 1, max: 1000 });
  flags.rejectUnknown();
  if (engine !== 'postgres' && engine !== 'pglite') throw new Error('--engine is postgres or pglite');

  say(`# Fuzz — ${new Date().toISOString()}`);
  say(
    `engine ${engine}, seed ${seed}: ${adminCases} admin + ${anonymousCases} anonymous cases per operation, ` +
      `${webhooks} webhooks in batches of ${batchSize}`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-fuzz-'));
  const database: BenchDatabase | undefined =
    engine === 'postgres' ? await createBenchDatabase('fuzz') : undefined;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...(database ? { DATABASE_URL: database.url } : {}),
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
  };
  let simulator: RunningSimulator | undefined;
  let server: CarelineProcess | undefined;
  let pool: pg.Pool | undefined;
  try {
    simulator = await startSimulatorServer({ port: 0 });
    const clinic = await setUpClinic(env, simulator.url);
    const email = `fuzz.${randomBytes(4).toString('hex')}@clinic.test`;
    await careline(env, [
      'create-user',
      '--org',
      clinic.slug,
      '--email',
      email,
      '--password',
      PASSWORD,
      '--role',
      'admin',
    ]);
    // Flows to name in requests (and to run on the fuzzed webhooks), as a clinic that uses them has.
    await careline(env, ['install-flows', '--org', clinic.slug]);
    const port = await freePort();
    simulator.simulator.registerNumber({
      phoneNumberId: clinic.phoneNumberId,
      displayPhoneNumber: '33180000000',
      wabaId: clinic.wabaId,
      accessToken: clinic.accessToken,
      appSecret: clinic.appSecret,
      webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    });
    const errors: string[] = [];
    const start = async () => {
      const started = await spawnCareline(env, { port });
      started.child.stdout?.on('data', (chunk: Buffer) =>
        errors.push(...errorsInLog(chunk.toString('utf8').split('\n'))),
      );
      return started;
    };
    server = await start();
    const url = server.url;
    pool = database ? observer(database.url) : undefined;
    const jobs = pool;
    const target: FuzzTarget = {
      url,
      apiKey: clinic.apiKey,
      number: clinic,
      signIn: () => signInAdmin(url, email, PASSWORD),
      drainServerErrors: () => errors.splice(0, errors.length),
      settle: () => (jobs ? settled(jobs) : sleep(1000)),
      restart: async () => {
        const how = server?.isAlive() ? 'alive but not answering' : 'exited';
        say(`  the process died (${how}): ${lastWords(server?.output() ?? '')}; starting it again`);
        await server?.kill('SIGKILL');
        server = await start();
      },
    };

    const api = await fuzzApi(target, {
      seed,
      adminCases,
      anonymousCases,
      onOperation: (operation, figures) => {
        if (figures.operations % 10 === 0)
          say(
            `  ${figures.operations} operations (last ${operation.method} ${operation.path}): ` +
              `${figures.requests} requests, ${figures.failures.length} failing`,
          );
      },
    });
    say();
    for (const line of summarize('api', api)) say(line);
    const hooks = await fuzzWebhooks(target, { seed, cases: webhooks, batchSize });
    for (const line of summarize('webhooks', hooks, 'batches')) say(line);
    let inbox = 'not reached';
    try {
      inbox = `reached in ${Math.round(await patientMessageReachesInbox(target, 60_000))} ms`;
    } catch (error) {
      inbox = String(error);
    }

    say();
    say('## Figures');
    const all = [...api.failures, ...hooks.failures];
    const deaths = [...api.deaths, ...hooks.deaths];
    say(`operations: ${api.operations}; webhook batches: ${hooks.operations}`);
    say(`requests: ${api.requests + hooks.requests}`);
    say(`responses by status class: ${statusClasses([api.byStatusClass, hooks.byStatusClass])}`);
    say(`5xx (or no answer): ${all.length}`);
    say(`deaths: ${deaths.length}`);
    for (const death of deaths) say(`  - after ${death.replace(/\s+/g, ' ').slice(0, 400)}`);
    say(`time: ${((api.durationMs + hooks.durationMs) / 1000).toFixed(1)} s`);
    say(`a patient's ordinary message afterwards: ${inbox}`);
    if (all.length > 0) {
      say();
      say('## 5xx by operation and kind of input');
      for (const line of groupFailures(all)) say(line);
      say();
      say(describeFailures({ ...api, failures: all, deaths: [] }, 10));
    }
    say();
    say(
      `0 responses ≥ 500, 0 deaths, the inbox still reached: ${verdict(all.length === 0 && deaths.length === 0 && inbox.startsWith('reached'))}`,
    );
  } finally {
    await server?.stop();
    await simulator?.close();
    await pool?.end();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits (5 s at most) until no job is running or due: the webhooks sent so far are processed. */
async function settled(pool: pg.Pool): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const busy = await scalar(
      pool,
      `select count(*) from jobs where status = 'running' or (status = 'queued' and run_at <= now() + interval '1 second')`,
    );
    if (busy === 0) return;
    await sleep(100);
  }
}

/** What a dead process printed last that names an error (its stack trace's first line), one line. */
function lastWords(output: string): string {
  const lines = output.split('\n').filter((line) => /error|Error|ERR_|FATAL|heap/.test(line));
  return (lines.at(-1) ?? 'nothing printed').replace(/\s+/g, ' ').slice(0, 300);
}
