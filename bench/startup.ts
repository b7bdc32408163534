/**
 * `npm run bench -- startup [--engine pglite|postgres|both] [--idle 10] [--runs 3]`: how long `npm start`
 * takes to answer `GET /health`, and how much memory an idle Careline holds, as an operator runs it
 * (demo clinic, simulator and worker on; nothing else set but the port, the data directory or
 * DATABASE_URL). The web app is built first if its sources changed, so the figures are those of a
 * restart after an update with nothing new to build. Per engine: the first start (migrations and the
 * demo clinic), then restarts on that data, the last one left idle before its RSS is read.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Flags } from './lib/args.ts';
import { freePort, sleep } from './lib/careline.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { median } from './lib/stats.ts';

const REPO_ROOT = new URL('../', import.meta.url);

export async function runStartup(argv: string[]): Promise<void> {
  const flags = new Flags(argv);
  const engine = flags.string('engine', 'both');
  const idleSeconds = flags.number('idle', 10);
  const runs = flags.number('runs', 3, { min: 1, max: 20 });
  flags.rejectUnknown();
  const engines = engine === 'both' ? ['pglite', 'postgres'] : [engine];

  await run('node', ['web/build-if-changed.ts']);
  process.stdout.write(
    `node ${process.version}; ${runs} restarts per engine, RSS after ${idleSeconds} s idle\n`,
  );
  for (const name of engines) {
    if (name === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-startup-'));
      try {
        await measure('PGlite', { DATA_DIR: dataDir }, runs, idleSeconds);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    } else if (name === 'postgres') {
      const database = await createBenchDatabase('startup');
      const dataDir = mkdtempSync(join(tmpdir(), 'careline-bench-startup-'));
      try {
        await measure('PostgreSQL', { DATABASE_URL: database.url, DATA_DIR: dataDir }, runs, idleSeconds);
      } finally {
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    } else throw new Error(`--engine: pglite, postgres or both, not ${name}`);
  }
}

async function measure(
  label: string,
  env: Record<string, string>,
  runs: number,
  idleSeconds: number,
): Promise<void> {
  const first = await startOnce(env, 0);
  const restarts: number[] = [];
  let idle: { rssMb: number; peakMb: number } | undefined;
  for (let i = 0; i < runs; i += 1) {
    const last = i === runs - 1;
    const started = await startOnce(env, last ? idleSeconds : 0);
    restarts.push(started.readyMs);
    if (last) idle = started.memory;
  }
  const line = [
    `${label.padEnd(10)} first start ${(first.readyMs / 1000).toFixed(2)} s`,
    `restart ${(median(restarts) / 1000).toFixed(2)} s (median of ${runs})`,
    idle ? `idle RSS ${idle.rssMb} MB (peak ${idle.peakMb} MB)` : '',
  ];
  process.stdout.write(`${line.filter(Boolean).join(', ')}\n`);
}

/** `npm start` until /health answers; then, after `idleSeconds`, Careline's own process's memory. */
async function startOnce(
  env: Record<string, string>,
  idleSeconds: number,
): Promise<{ readyMs: number; memory?: { rssMb: number; peakMb: number } }> {
  const port = await freePort();
  const startedAt = performance.now();
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let errors = '';
  npm.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-8_192);
  });
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`, npm, () => errors);
    const readyMs = performance.now() - startedAt;
    if (idleSeconds === 0) return { readyMs };
    await sleep(idleSeconds * 1000);
    const pid = carelinePid(npm.pid ?? 0);
    return { readyMs, memory: memoryOf(pid) };
  } finally {
    // npm, its shell and Careline are one process group: stop them together, gracefully.
    if (npm.pid !== undefined && npm.exitCode === null) process.kill(-npm.pid, 'SIGTERM');
    await exited;
    await sleep(200);
  }
}

async function waitForHealth(
  url: string,
  child: ReturnType<typeof spawn>,
  errors: () => string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}): ${errors()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error('Careline did not answer /health within 2 minutes');
}

/** The `node … bin/careline.js serve` process under npm (npm → sh → node). */
function carelinePid(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() ?? 0;
    // The shell's one argument is the whole command line; node's own arguments are separate.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (args.includes('bin/careline.js')) return pid;
    queue.push(...(children.get(pid) ?? []));
  }
  throw new Error('no bin/careline.js process under npm start');
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}
