import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../test/crash/careline-process.ts';
import { fmt, say } from './stats.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  /** Busy (not idle) time sampled, in ms. */
  totalMs: number;
  /** Self time per area: our source folders, each package, node internals, GC, idle. */
  byArea: Array<{ area: string; ms: number; share: number }>;
  topFunctions: Array<{ name: string; where: string; ms: number; share: number }>;
}

/** Summarises a `.cpuprofile`; shares are of busy time (idle left out). */
export function summariseProfile(file: string, top = 15): ProfileSummary | undefined {
  return existsSync(file) ? summariseFile(file, top) : undefined;
}

function summariseFile(file: string, top: number): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const idleIds = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
  );
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const id = samples[i] ?? -1;
    if (idleIds.has(id)) continue;
    selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const totalMs = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    if (ms === 0) continue;
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = `${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    const key = `${node.callFrame.functionName}@${where}`;
    const entry = functions.get(key) ?? { name: node.callFrame.functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  return {
    file,
    totalMs,
    byArea: [...areas].map(([area, ms]) => ({ area, ms, share: ms / totalMs })).sort((a, b) => b.ms - a.ms),
    topFunctions: [...functions.values()]
      .map((f) => ({ ...f, share: f.ms / totalMs }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  return path.startsWith('/') ? relative(REPO_ROOT, path) : path;
}

function areaOf(url: string, name: string): string {
  if (!url) {
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
    return '(native)';
  }
  if (url.startsWith('node:')) return 'node internals';
  const path = shortUrl(url);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1] ?? path;
  const src = /^src\/([^/]+(?:\/[^/]+)?)/.exec(path);
  if (src) return `src/${src[1]?.replace(/\.ts$/, '')}`;
  return path;
}

/** Prints the summary of a profile under a heading naming whose profile it is. */
export function printProfile(file: string, whose: string): void {
  const profile = summariseProfile(file);
  if (!profile) {
    say(`  (no CPU profile in ${file})`);
    return;
  }
  say('');
  say(
    `## Where ${whose} CPU time went (${profile.file}: ${fmt(profile.totalMs / 1000)} s busy, shares of that)`,
  );
  say('  by area (self time):');
  for (const area of profile.byArea.slice(0, 14)) say(`    ${fmt(area.share * 100)} %  ${area.area}`);
  say('  top functions (self time):');
  for (const f of profile.topFunctions) say(`    ${fmt(f.share * 100)} %  ${f.name}  ${f.where}`);
}

/** Prints what the query-stats preload wrote: the statements run most, and where driver time went. */
export function printQueryStats(file: string, perUnit: number, unit: string): void {
  let stats: Record<string, { count: number; ms: number }>;
  try {
    stats = JSON.parse(readFileSync(file, 'utf8')) as typeof stats;
  } catch {
    say(`  (no query statistics in ${file})`);
    return;
  }
  const entries = Object.entries(stats);
  const total = entries.reduce((n, [, s]) => n + s.count, 0);
  const totalMs = entries.reduce((n, [, s]) => n + s.ms, 0);
  say('');
  say(
    `## Queries Careline ran (${total} in all = ${fmt(total / Math.max(1, perUnit))} per ${unit}; ` +
      `${fmt(totalMs / 1000)} s from query() to answer, summed)`,
  );
  for (const [text, s] of entries.sort((a, b) => b[1].count - a[1].count).slice(0, 18)) {
    say(
      `  ${String(s.count).padStart(7)}  ${fmt(s.count / Math.max(1, perUnit), 2).padStart(6)}/${unit}  ` +
        `avg ${fmt(s.ms / s.count, 2).padStart(6)} ms  ${text}`,
    );
  }
}

export interface Diagnostics {
  /** Environment and node arguments for the Careline to observe. */
  env: Record<string, string>;
  nodeArgs: string[];
  profileFile: string;
  statsFile: string;
  /** Asks the running process for its profile and statistics (SIGUSR2) and waits for the files. */
  collect(pid: number): Promise<void>;
}

/** The diagnostics asked for (a CPU profile, query statistics) through bench/lib/diagnostics-preload.ts. */
export function diagnostics(options: { cpuProf: boolean; queryStats: boolean }, dir: string): Diagnostics {
  const profileFile = join(dir, 'careline.cpuprofile');
  const statsFile = join(dir, 'query-stats.json');
  const wanted = [...(options.cpuProf ? [profileFile] : []), ...(options.queryStats ? [statsFile] : [])];
  return {
    env: {
      ...(options.cpuProf ? { BENCH_CPU_PROFILE: profileFile } : {}),
      ...(options.queryStats ? { BENCH_QUERY_STATS: statsFile } : {}),
    },
    nodeArgs: wanted.length > 0 ? ['--import', './bench/lib/diagnostics-preload.ts'] : [],
    profileFile,
    statsFile,
    async collect(pid) {
      if (wanted.length === 0) return;
      process.kill(pid, 'SIGUSR2');
      const deadline = Date.now() + 20_000;
      while (!wanted.every((file) => existsSync(file)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      // The profile is written in one call; give a large one a moment to be complete.
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  };
}
