import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../../src/platform/db/create-db.ts';
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

/** A migrated, empty database; `url` is set for PostgreSQL so other processes can use it too. */
export async function openTestDb(engine: DbEngine): Promise<DbHandle & { url?: string }> {
  if (engine === 'pglite') {
    const handle = await createDb({ engine: 'pglite' });
    await handle.migrate();
    return handle;
  }
  const name = `careline_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (admin) => {
    await admin.query(`create database ${name}`);
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
