import { loadConfig } from '../config.ts';
import { createDb } from '../platform/db/create-db.ts';
import type { Db } from '../platform/db/db.ts';

/** Opens the configured database (migrated), runs the work, and always closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await createDb(
    config.database.engine === 'postgres'
      ? { engine: 'postgres', url: config.database.url }
      : { engine: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await handle.migrate();
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}
