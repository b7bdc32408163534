/**
 * Diagnostic preload for the benchmarks' `--cpu-prof` and `--query-stats` (never used by Careline
 * itself). Loaded with `node --import ./bench/lib/diagnostics-preload.ts bin/careline.js`.
 *
 * - BENCH_CPU_PROFILE=<file>: profiles the main thread from start-up (node:inspector);
 * - BENCH_QUERY_STATS=<file>: counts every query the pg driver runs, by statement shape, with the time
 *   from `query()` to its answer (waiting behind the connection's previous query included).
 *
 * On SIGUSR2 both are written (statistics first, then the profile) and the process carries on. A
 * signal rather than the exit: Careline's graceful stop waits for the worker to drain every due job,
 * which with a send backlog takes minutes.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import pg from 'pg';

const profileFile = process.env.BENCH_CPU_PROFILE;
const statsFile = process.env.BENCH_QUERY_STATS;
const stats = new Map<string, { count: number; ms: number }>();

if (statsFile) countQueries();
const session = profileFile ? await startProfiler() : undefined;

process.on('SIGUSR2', () => {
  void (async () => {
    if (statsFile) writeFileSync(statsFile, JSON.stringify(Object.fromEntries(stats)));
    if (session && profileFile) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
    }
  })();
});

async function startProfiler(): Promise<Session> {
  const s = new Session();
  s.connect();
  await s.post('Profiler.enable');
  await s.post('Profiler.setSamplingInterval', { interval: 1000 });
  await s.post('Profiler.start');
  return s;
}

function countQueries(): void {
  const record = (text: unknown, started: number) => {
    const key = shape(text);
    const entry = stats.get(key) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += performance.now() - started;
    stats.set(key, entry);
  };
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = prototype.query;
  prototype.query = function counted(this: unknown, ...args: unknown[]) {
    const config = args[0];
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | undefined)?.text;
    const started = performance.now();
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (...results: unknown[]) => {
        record(text, started);
        return callback(...results);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => record(text, started),
        () => record(text, started),
      );
    }
    return result;
  };
}

function shape(text: unknown): string {
  if (typeof text !== 'string') return '(not text)';
  return text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '$')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\b\d+\b/g, 'N')
    .trim()
    .slice(0, 110);
}
