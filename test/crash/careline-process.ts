import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root: `bin/careline.js` is run from here, as an operator would. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SpawnOptions {
  /** Port to listen on; a free one is picked when left out. */
  port?: number;
  /** How long to wait for `GET /health` to answer 200; default 30 s. */
  readyTimeoutMs?: number;
  /** Extra arguments for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** What node runs; default `bin/careline.js serve` (the benchmarks also run their baseline server). */
  command?: string[];
  /** Told the process id at once, before the process is ready (a crash test may kill it that early). */
  onSpawn?: (pid: number) => void;
}

export interface CarelineProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (graceful stop: the server finishes its pass and closes the database), SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** Whatever the process printed (last 64 KiB), for failure messages. */
  output(): string;
  isAlive(): boolean;
}

/**
 * Runs `node bin/careline.js serve` as a child process (HOST 127.0.0.1, SIMULATOR=off, DEMO_SEED=off,
 * WORKER=on, RATE_LIMITS=off, LOG_LEVEL=silent unless `env` says otherwise) and resolves once `GET /health` answers.
 * For PGlite pass `DATA_DIR` (and no DATABASE_URL); for PostgreSQL pass `DATABASE_URL`.
 */
export async function spawnCareline(
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<CarelineProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...(options.command ?? ['bin/careline.js', 'serve'])],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        // Nothing from the caller's environment may pick the database: an empty value means PGlite.
        DATABASE_URL: '',
        HOST: '127.0.0.1',
        SIMULATOR: 'off',
        DEMO_SEED: 'off',
        WORKER: 'on',
        LOG_LEVEL: 'silent',
        LOG_FORMAT: 'json',
        TZ: 'UTC',
        // Crash tests and benchmarks send thousands of requests a minute from one address and key:
        // the rate limits have tests of their own.
        RATE_LIMITS: 'off',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let alive = true;
  void exited.then(() => {
    alive = false;
  });
  if (child.pid === undefined) throw new Error('could not start Careline');
  const pid = child.pid;
  options.onSpawn?.(pid);
  const url = `http://127.0.0.1:${port}`;

  const running: CarelineProcess = {
    url,
    port,
    pid,
    child,
    exited,
    async kill(signal = 'SIGKILL') {
      if (alive) child.kill(signal);
      return exited;
    },
    async stop() {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    output: () => output,
    isAlive: () => alive,
  };

  try {
    await waitForHealth(url, options.readyTimeoutMs ?? 30_000, () => alive);
  } catch (error) {
    await running.kill('SIGKILL');
    throw new Error(`Careline did not become ready: ${String(error)}\n--- output ---\n${output}`);
  }
  return running;
}

async function waitForHealth(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = 'no answer yet';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('the process exited before it was ready');
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error;
    }
    await sleep(50);
  }
  throw new Error(`GET /health did not answer 200 within ${timeoutMs} ms (last: ${String(last)})`);
}

/** A TCP port nobody listens on right now (on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value (not undefined); throws with `describe()` after the deadline. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  describe: () => string = () => '',
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = describe();
      throw new Error(
        `condition not met within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}${detail ? `: ${detail}` : ''}`,
      );
    }
    await sleep(intervalMs);
  }
}
