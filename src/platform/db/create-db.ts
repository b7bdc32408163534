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

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export type DbTarget =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /**
   * `dataDir` undefined = in memory (tests). `from`: a data directory dumped by `dumpDataDir` to start
   * from (an in-memory database already migrated: what a test opens, without running initdb again).
   */
  | { engine: 'pglite'; dataDir?: string; from?: Blob };

/**
 * Subscribes to a NOTIFY channel; resolves once listening, with the function that stops. Notifications
 * sent while the connection was down are lost: callers that must not miss anything also poll.
 */
export type DbListen = (
  channel: string,
  onPayload: (payload: string) => void,
) => Promise<() => Promise<void>>;

export interface DbHandle {
  db: Db;
  engine: DbEngine;
  migrate(): Promise<void>;
  listen: DbListen;
  close(): Promise<void>;
}

/** Opens the database: PostgreSQL through a pg pool, or PGlite embedded in this process. */
export async function createDb(target: DbTarget): Promise<DbHandle> {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    const db = drizzlePg({ client: pool });
    const listeners = new Set<() => Promise<void>>();
    const connections = trackConnections(pool);
    return {
      db,
      engine: 'postgres',
      migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      async listen(channel, onPayload) {
        const stop = await listenOnPostgres(target.url, checkedChannel(channel), onPayload);
        const stopOnce = async () => {
          if (listeners.delete(stopOnce)) await stop();
        };
        listeners.add(stopOnce);
        return stopOnce;
      },
      async close() {
        await Promise.all([...listeners].map((stop) => stop()));
        await pool.end();
        await connections.allClosed();
      },
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
      ...(target.from ? { loadDataDir: target.from } : {}),
      extensions: { unaccent },
      startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
    });
    const db = drizzlePglite({ client });
    return {
      db,
      engine: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      // PGlite delivers NOTIFY in-process, once the notifying transaction commits.
      async listen(channel, onPayload) {
        const unlisten = await client.listen(checkedChannel(channel), onPayload);
        return async () => {
          if (!client.closed) await unlisten();
        };
      },
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

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries), reconnecting
 * with backoff when it drops: the first connection must succeed, later failures only delay.
 */
async function listenOnPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let current: pg.Client | null = null;
  let stopped = false;
  let retryDelayMs = RECONNECT_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    const lost = () => {
      if (current !== client) return;
      current = null;
      client.end().catch(() => {});
      scheduleReconnect();
    };
    client.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await client.end();
      return;
    }
    current = client;
    retryDelayMs = RECONNECT_MIN_MS;
  };
  const scheduleReconnect = (): void => {
    if (stopped) return;
    retryTimer = setTimeout(() => {
      connect().catch(() => {
        retryDelayMs = Math.min(retryDelayMs * 2, RECONNECT_MAX_MS);
        scheduleReconnect();
      });
    }, retryDelayMs);
    retryTimer.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    const client = current;
    current = null;
    await client?.end();
  };
}

/**
 * pg's Pool.end() resolves once it has asked its clients to end, not when they have: whoever drops the
 * database or stops the server right after would cut connections still saying goodbye.
 */
function trackConnections(pool: pg.Pool): { allClosed(): Promise<void> } {
  let open = 0;
  const waiters: Array<() => void> = [];
  pool.on('connect', () => {
    open += 1;
  });
  pool.on('remove', () => {
    open -= 1;
    if (open === 0) for (const resolve of waiters.splice(0)) resolve();
  });
  return {
    allClosed: () => (open === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}

/**
 * PGlite runs PostgreSQL inside this process, with the settings initdb wrote for a server: 128 MB of
 * shared buffers and slots for 100 connections, most of an idle Careline's memory. One process holds
 * its one connection, and pages not in the buffers are read from files the OS caches anyway.
 */
const PGLITE_SETTINGS = ['shared_buffers=8MB', 'max_connections=4', 'wal_buffers=512kB'];

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/** LISTEN takes an identifier, not a parameter: only plain names are let through. */
function checkedChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  return channel;
}
