import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Db, DbEngine } from './db.ts';
import * as schema from './schema.ts';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export type DbTarget =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` undefined = in memory (tests). */
  | { engine: 'pglite'; dataDir?: string };

export interface DbHandle {
  db: Db;
  engine: DbEngine;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database: PostgreSQL through a pg pool, or PGlite embedded in this process. */
export async function createDb(target: DbTarget): Promise<DbHandle> {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    const db = drizzlePg({ client: pool, schema });
    return {
      db,
      engine: 'postgres',
      migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => pool.end(),
    };
  }
  // PGlite is single-process: a second process on the same directory would corrupt it.
  let releaseLock = (): void => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(target.dataDir);
  }
  try {
    // unaccent makes search accent-insensitive; PGlite ships it as a contrib extension.
    const client = await PGlite.create({
      ...(target.dataDir ? { dataDir: `${target.dataDir}/pglite` } : {}),
      extensions: { unaccent },
    });
    const db = drizzlePglite({ client, schema });
    return {
      db,
      engine: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
