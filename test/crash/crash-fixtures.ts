import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { createApiKey } from '../../src/modules/auth/api-key.service.ts';
import { addWhatsAppAccount } from '../../src/modules/channel-accounts/whatsapp-account.service.ts';
import { Keyring } from '../../src/modules/keys/keyring.ts';
import { createOrg } from '../../src/modules/orgs/org.service.ts';
import { masterCipherFor } from '../../src/platform/crypto/master-key.ts';
import { createDb } from '../../src/platform/db/create-db.ts';
import type { Db, DbEngine } from '../../src/platform/db/db.ts';
import { openTestDb } from '../support/test-db.ts';

/**
 * A database a Careline child process can be restarted on. PGlite: a data directory on disk (the child
 * holds it while it runs, so `withDb` must only be called while no Careline is running on it).
 * PostgreSQL: a database of its own from `openTestDb`, dropped by `close`.
 */
export interface CrashDb {
  engine: DbEngine;
  /** Environment for `spawnCareline`. */
  env: Record<string, string>;
  /** The keyring of the master key the spawned Careline reads from DATA_DIR: what fixtures seal with. */
  keyring: Keyring;
  withDb<T>(work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openCrashDb(engine: DbEngine): Promise<CrashDb> {
  if (engine === 'postgres') {
    const handle = await openTestDb('postgres');
    if (!handle.url) throw new Error('openTestDb gave no URL for PostgreSQL');
    // Careline keeps its key file and media under DATA_DIR even on PostgreSQL: not in the repository's.
    const dataDir = mkdtempSync(join(tmpdir(), 'careline-crash-'));
    return {
      engine,
      env: { DATABASE_URL: handle.url, DATA_DIR: dataDir },
      keyring: keyringOf(dataDir),
      withDb: (work) => work(handle.db),
      async close() {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'careline-crash-'));
  return {
    engine,
    env: { DATABASE_URL: '', DATA_DIR: dataDir },
    keyring: keyringOf(dataDir),
    async withDb(work) {
      const handle = await createDb({ engine: 'pglite', dataDir });
      try {
        await handle.migrate();
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    },
    async close() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CrashClinic {
  orgId: string;
  apiKey: string;
  channelAccountId: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
}

/** A clinic with an API key and a WhatsApp channel whose Graph calls go to `graphUrl`. */
/** The key file Careline creates in DATA_DIR at its first start, made now so fixtures seal with it. */
function keyringOf(dataDir: string): Keyring {
  return new Keyring(masterCipherFor({ keyFile: join(dataDir, 'secret.key') }));
}

export async function createClinic(db: Db, keyring: Keyring, graphUrl: string): Promise<CrashClinic> {
  const org = await createOrg(db, { name: `Crash clinic ${randomBytes(3).toString('hex')}` });
  const { key } = await createApiKey(db, org.id, 'crash tests');
  const phoneNumberId = String(106_540_000_000_000 + Math.floor(Math.random() * 1_000_000));
  const number = {
    phoneNumberId,
    wabaId: '102290129340398',
    accessToken: `token-${randomBytes(12).toString('hex')}`,
    appSecret: `secret-${randomBytes(12).toString('hex')}`,
    verifyToken: `verify-${randomBytes(8).toString('hex')}`,
  };
  const account = await addWhatsAppAccount(db, keyring, {
    orgId: org.id,
    ...number,
    graphUrl,
    apiVersion: 'v25.0',
    displayPhoneNumber: '+33180000000',
  });
  return {
    orgId: org.id,
    apiKey: key,
    channelAccountId: account.id,
    phoneNumberId,
    wabaId: number.wabaId,
    accessToken: number.accessToken,
    appSecret: number.appSecret,
  };
}

/** Raw SQL rows on either engine (both drivers answer `{ rows }`). */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  return [];
}

/**
 * Makes the leases of jobs a killed process held run out now, as they would on their own after the
 * worker's lease (60 s): the jobs it had claimed become claimable again. Returns how many there were.
 * Only call it once the process that held them is dead.
 */
export async function expireLeasesOfDeadWorker(db: Db): Promise<number> {
  const expired = await rows<{ id: number }>(
    db,
    sql`update jobs set locked_until = now() - interval '1 second' where status = 'running' returning id`,
  );
  return expired.length;
}

/** Every message of the clinic through the REST API (all conversations, all pages). */
export async function listAllMessages(
  url: string,
  apiKey: string,
): Promise<
  Array<{
    id: string;
    conversation_id: string;
    direction: string;
    status: string;
    external_id: string | null;
  }>
> {
  const conversations = await listPages<{ id: string }>(url, apiKey, '/api/v1/conversations');
  const all = [];
  for (const conversation of conversations) {
    all.push(
      ...(await listPages<{
        id: string;
        conversation_id: string;
        direction: string;
        status: string;
        external_id: string | null;
      }>(url, apiKey, `/api/v1/conversations/${conversation.id}/messages`)),
    );
  }
  return all;
}

export async function listPages<T>(url: string, apiKey: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page += 1) {
    const query: string = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${url}${path}?${query}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    if (response.status !== 200)
      throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { data: T[]; next_cursor: string | null };
    items.push(...body.data);
    cursor = body.next_cursor;
    if (!cursor) return items;
  }
  throw new Error(`GET ${path}: more than 1000 pages`);
}

/** Appends one line of figures to the file CRASH_REPORT names, when it is set (quiet otherwise). */
export function report(line: string): void {
  const file = process.env.CRASH_REPORT;
  if (file) appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
}

/** `engine` in test names reads better as the engine's own name. */
export function engineLabel(engine: DbEngine): string {
  return engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
}
