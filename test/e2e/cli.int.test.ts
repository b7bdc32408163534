import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authenticateApiKey } from '../../src/modules/auth/api-key.service.ts';
import { createDb } from '../../src/platform/db/create-db.ts';
import type { Db } from '../../src/platform/db/db.ts';
import { channelAccounts, users } from '../../src/platform/db/schema.ts';
import { eventually, startTestCareline } from '../support/test-careline.ts';
import { openTestDb, TEST_ENGINES } from '../support/test-db.ts';

const CARELINE = fileURLToPath(new URL('../../bin/careline.js', import.meta.url));
const run = promisify(execFile);
/** Each command is a fresh process (boot, open the database, migrate): ten of them take a while on a busy machine. */
const PROCESSES = { timeout: 120_000 };

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe.each(TEST_ENGINES)('the careline command (%s)', (engine) => {
  let env: NodeJS.ProcessEnv;
  let inspect: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (engine === 'postgres') {
      const handle = await openTestDb('postgres');
      env = { DATABASE_URL: handle.url };
      inspect = (work) => work(handle.db);
      cleanup = () => handle.close();
    } else {
      // PGlite is one process at a time: the test opens the data directory only between commands.
      const dataDir = mkdtempSync(join(tmpdir(), 'careline-cli-'));
      env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      inspect = async (work) => {
        const handle = await createDb({ engine: 'pglite', dataDir });
        try {
          return await work(handle.db);
        } finally {
          await handle.close();
        }
      };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await cleanup?.();
  });

  async function careline(...args: string[]): Promise<CliResult> {
    try {
      const { stdout, stderr } = await run(process.execPath, [CARELINE, ...args], {
        env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  test('an operator sets up a clinic, its staff, an API key and a WhatsApp number', PROCESSES, async () => {
    expect((await careline('migrate')).stdout).toContain('up to date');
    const org = await careline('create-org', '--name', 'Cabinet Pasteur', '--time-zone', 'Europe/Brussels');
    expect(org).toMatchObject({ code: 0 });
    expect(org.stdout).toContain('slug=cabinet-pasteur');

    const user = await careline(
      'create-user',
      '--org',
      'cabinet-pasteur',
      '--email',
      'Dr.Roux@Pasteur.example',
      '--password',
      'correct horse battery',
      '--role',
      'agent',
    );
    expect(user.code).toBe(0);

    const key = await careline('create-api-key', '--org', 'cabinet-pasteur', '--name', 'agenda');
    expect(key.code).toBe(0);
    const apiKey = key.stdout.trim();
    expect(apiKey).toMatch(/^cl_[A-Za-z0-9_-]{43}$/);
    expect(key.stderr).toContain('will not be shown again');

    const channel = await careline(
      'add-whatsapp-channel',
      '--org',
      'cabinet-pasteur',
      '--phone-number-id',
      '106540352242922',
      '--access-token',
      'EAAG-token-value',
      '--app-secret',
      'app-secret-value',
      '--verify-token',
      'verify-token-value',
    );
    expect(channel.code).toBe(0);
    expect(channel.stdout).toContain('/webhooks/whatsapp');

    await inspect(async (db) => {
      expect(await authenticateApiKey(db, apiKey)).toMatchObject({ orgId: expect.any(String) });
      const [stored] = await db.select().from(users);
      expect(stored).toMatchObject({ email: 'dr.roux@pasteur.example', role: 'agent' });
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
      const [account] = await db.select().from(channelAccounts);
      expect(account).toMatchObject({ externalId: '106540352242922', type: 'whatsapp' });
      expect(account?.settings.graphUrl).toBe('https://graph.facebook.com');
    });
  });

  test('mistakes get one clear line and exit code 2', PROCESSES, async () => {
    const weak = await careline(
      'create-user',
      '--org',
      'cabinet-pasteur',
      '--email',
      'a@b.example',
      '--password',
      'short',
      '--role',
      'agent',
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('password');

    const role = await careline(
      'create-user',
      '--org',
      'cabinet-pasteur',
      '--email',
      'a@b.example',
      '--password',
      'long enough password',
      '--role',
      'owner',
    );
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('role');

    const unknownOrg = await careline('create-api-key', '--org', 'nowhere');
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.stderr).toContain('nowhere');

    const duplicate = await careline('create-org', '--name', 'Cabinet Pasteur');
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('already exists');

    const missing = await careline('add-whatsapp-channel', '--org', 'cabinet-pasteur');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--phone-number-id');
  });
});

describe('careline simulate-patient', () => {
  test('makes a simulated patient write to a running Careline', async () => {
    const env = await startTestCareline(TEST_ENGINES[0] ?? 'pglite');
    try {
      const clinic = await env.addClinic('Pharmacie du Marché');
      const { stdout } = await run(process.execPath, [
        CARELINE,
        'simulate-patient',
        '--simulator-url',
        env.simulator.url,
        '--phone',
        '+32 470 12 34 56',
        '--name',
        'Lotte',
        '--text',
        'Hallo, is mijn recept klaar?',
      ]);
      expect(stdout).toContain('HTTP 200');
      const contacts = await eventually(async () => {
        const page = (await (
          await env.api(clinic.apiKey, '/api/v1/contacts?phone=%2B32470123456')
        ).json()) as {
          data: Array<{ display_name: string }>;
        };
        return page.data.length > 0 ? page.data : undefined;
      });
      expect(contacts[0]?.display_name).toBe('Lotte');
    } finally {
      await env.close();
    }
  });
});
