import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createDb, type DbHandle, MIGRATIONS_FOLDER } from '../../src/platform/db/create-db.ts';
import type { DbEngine } from '../../src/platform/db/db.ts';

/**
 * Integration tests run on every engine listed in CARELINE_TEST_ENGINES (default: both). PostgreSQL
 * tests create a database of their own on TEST_DATABASE_URL's server and drop it afterwards.
 */
export const TEST_ENGINES: DbEngine[] = (process.env.CARELINE_TEST_ENGINES ?? 'pglite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is DbEngine => e === 'pglite' || e === 'postgres');

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * What the migrated schema depends on: every migration file and PGlite's version. A test database is a
 * copy of a template migrated once for this key (a PGlite dump in the temp directory, a PostgreSQL
 * template database): hundreds of test databases a run, each otherwise several seconds of initdb and
 * migrations. The copy is then migrated as usual, which finds nothing left to do.
 */
const SCHEMA_KEY = (() => {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS_FOLDER);
  const pgliteVersion = (
    JSON.parse(
      readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
    ) as { version: string }
  ).version;
  hash.update(pgliteVersion);
  return hash.digest('hex').slice(0, 16);
})();

/** A migrated, empty database; `url` is set for PostgreSQL so other processes can use it too. */
export async function openTestDb(engine: DbEngine): Promise<DbHandle & { url?: string }> {
  if (engine === 'pglite') {
    const handle = await createDb({ engine: 'pglite', from: await pgliteTemplate() });
    await handle.migrate();
    return handle;
  }
  const name = `careline_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = await postgresTemplate();
  await withAdmin(async (admin) => {
    await admin.query(`create database ${name} template ${template}`);
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await createDb({ engine: 'postgres', url: url.toString(), poolSize: 5 });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

let pgliteDump: Promise<Blob> | undefined;

/** The migrated PGlite data directory, made once per schema (workers racing each write it whole, then rename). */
function pgliteTemplate(): Promise<Blob> {
  pgliteDump ??= (async () => {
    const file = join(tmpdir(), `careline-test-pglite-${SCHEMA_KEY}.tar`);
    try {
      return new Blob([await readFile(file)]);
    } catch {
      const handle = await createDb({ engine: 'pglite' });
      await handle.migrate();
      const client = (handle.db as unknown as { $client: PGlite }).$client;
      const dump = await client.dumpDataDir('none');
      await handle.close();
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, file);
      // Dumps of older schemas are of no more use.
      for (const name of await readdir(tmpdir()))
        if (/^careline-test-pglite-[0-9a-f]{16}\.tar$/.test(name) && join(tmpdir(), name) !== file)
          await rm(join(tmpdir(), name), { force: true });
      return dump;
    }
  })();
  return pgliteDump;
}

/**
 * The migrated PostgreSQL template database, made once per schema under an advisory lock (test files
 * in other workers wait for it rather than race). Nobody connects to it afterwards: `create database …
 * template` needs it idle.
 */
async function postgresTemplate(): Promise<string> {
  const template = `careline_template_${SCHEMA_KEY}`;
  await withAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', ['careline test template']);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount) return;
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${building}`;
      const handle = await createDb({ engine: 'postgres', url: url.toString(), poolSize: 1 });
      try {
        await handle.migrate();
      } finally {
        await handle.close();
      }
      await admin.query(`alter database ${building} rename to ${template}`);
      // Templates of older schemas are of no more use.
      const stale = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'careline\\_template\\_%' and datname <> $1",
        [template],
      );
      // One another checkout's run is copying from is left for later.
      for (const { datname } of stale.rows)
        await admin.query(`drop database if exists ${datname}`).catch(() => {});
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', ['careline test template']);
    }
  });
  return template;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL tests need a server at ${ADMIN_URL} (set TEST_DATABASE_URL), ` +
        `or run only the embedded engine with CARELINE_TEST_ENGINES=pglite. Cause: ${String(error)}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
