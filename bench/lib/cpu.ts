import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far, from /proc (Linux); NaN where it cannot be read. */
export interface CpuSnapshot {
  atMs: number;
  /** All CPUs of the machine, busy (not idle or iowait). */
  machineBusy: number;
  /** Every PostgreSQL process, live ones plus the ended backends the postmaster reaped. */
  postgres: number;
  /** The processes named by pid (Careline, the baseline server). */
  processes: Record<string, number>;
  /** This process: autocannon, the simulator, the observers. */
  bench: number;
}

const TICKS_PER_SECOND = 100;

export function cpuSnapshot(pids: Record<string, number | undefined>): CpuSnapshot {
  const processes: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids))
    processes[name] = pid === undefined ? Number.NaN : processCpu(pid);
  const self = process.cpuUsage();
  return {
    atMs: Date.now(),
    machineBusy: machineBusy(),
    postgres: postgresCpu(),
    processes,
    bench: (self.user + self.system) / 1e6,
  };
}

/** Per-part CPU use between two snapshots, in cores (CPU seconds per second). */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): Record<string, number> {
  const seconds = (b.atMs - a.atMs) / 1000;
  const machine = (b.machineBusy - a.machineBusy) / seconds;
  const postgres = (b.postgres - a.postgres) / seconds;
  const bench = (b.bench - a.bench) / seconds;
  const cores: Record<string, number> = { machine, postgres, bench };
  let ours = postgres + bench;
  for (const name of Object.keys(b.processes)) {
    const used = ((b.processes[name] ?? Number.NaN) - (a.processes[name] ?? Number.NaN)) / seconds;
    cores[name] = used;
    ours += used;
  }
  // Anything else on the machine (another test run, the OS): a benchmark on a busy machine says so.
  cores.others = Math.max(0, machine - ours);
  return cores;
}

export function describeCpu(cores: Record<string, number>): string {
  const parts = Object.entries(cores)
    .map(([name, value]) => `${name} ${Number.isFinite(value) ? value.toFixed(2) : 'n/a'}`)
    .join(', ');
  const others = cores.others ?? 0;
  return others > 0.25
    ? `${parts} — WARNING: other processes used ${others.toFixed(2)} cores meanwhile`
    : parts;
}

function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function processCpu(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return Number.NaN;
  // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function postgresCpu(): number {
  let total = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return Number.NaN;
  }
  const postgresPids = new Set<string>();
  for (const pid of entries) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres')) postgresPids.add(pid);
    } catch {
      // gone meanwhile
    }
  }
  for (const pid of postgresPids) {
    const fields = statFields(pid);
    if (!fields) continue;
    found = true;
    total += Number(fields[11]) + Number(fields[12]);
    // The postmaster: its reaped children (ended backends) are counted in cutime + cstime.
    if (!postgresPids.has(fields[1] ?? '')) total += Number(fields[13]) + Number(fields[14]);
  }
  return found ? total / TICKS_PER_SECOND : Number.NaN;
}

function machineBusy(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...values] = line.trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
    const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
    void idle;
    void iowait;
    return busy / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}
