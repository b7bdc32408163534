import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the benchmarks create their databases: a loopback PostgreSQL only. */
export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database `careline_bench_<random>[_suffix]` on the admin URL's server. */
export async function createBenchDatabase(suffix = ''): Promise<BenchDatabase> {
  const admin = new URL(ADMIN_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(admin.hostname))
    throw new Error(`benchmarks only talk to a loopback PostgreSQL, not ${admin.hostname}`);
  const name = `careline_bench_${randomBytes(4).toString('hex')}${suffix ? `_${suffix}` : ''}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A small pool on a bench database, for polling counts while the system under test runs. */
export function observer(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 2 });
}

export async function scalar(pool: pg.Pool, query: string, params: unknown[] = []): Promise<number> {
  const result = await pool.query(query, params);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  return Number(row ? Object.values(row)[0] : Number.NaN);
}

/** Transactions committed and rows written in one database so far (PostgreSQL's own counters). */
export async function databaseCounters(
  pool: pg.Pool,
  name: string,
): Promise<{ commits: number; inserted: number; updated: number }> {
  const result = await pool.query(
    'select xact_commit, tup_inserted, tup_updated from pg_stat_database where datname = $1',
    [name],
  );
  const row = result.rows[0] as
    | { xact_commit: string; tup_inserted: string; tup_updated: string }
    | undefined;
  return {
    commits: Number(row?.xact_commit ?? Number.NaN),
    inserted: Number(row?.tup_inserted ?? Number.NaN),
    updated: Number(row?.tup_updated ?? Number.NaN),
  };
}
