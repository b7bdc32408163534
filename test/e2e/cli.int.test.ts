import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channelAccounts, users } from '../../src/db-schema.ts';
import { authenticateApiKey } from '../../src/modules/auth/api-key.service.ts';
import { ChannelSecretsVault } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { Keyring } from '../../src/modules/keys/keyring.ts';
import { masterCipherFor } from '../../src/platform/crypto/master-key.ts';
import { createDb } from '../../src/platform/db/create-db.ts';
import type { Db, DbEngine } from '../../src/platform/db/db.ts';
import { eventually, startTestCareline } from '../support/test-careline.ts';
import { openTestDb, TEST_ENGINES } from '../support/test-db.ts';

const CARELINE = fileURLToPath(new URL('../../bin/careline.js', import.meta.url));
const run = promisify(execFile);
/** Each command is a fresh process (boot, open the database, migrate): ten of them take a while on a busy machine. */
const PROCESSES = { timeout: 120_000 };
/** The master key the commands run with: channel secrets are sealed under it. */
const SECRET_KEY = randomBytes(32).toString('base64');

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
      env = { DATABASE_URL: handle.url, CARELINE_SECRET_KEY: SECRET_KEY };
      inspect = (work) => work(handle.db);
      cleanup = () => handle.close();
    } else {
      // PGlite is one process at a time: the test opens the data directory only between commands.
      const dataDir = mkdtempSync(join(tmpdir(), 'careline-cli-'));
      env = { DATA_DIR: dataDir, DATABASE_URL: '', CARELINE_SECRET_KEY: SECRET_KEY };
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
    return carelineWith({}, ...args);
  }

  /** With secrets in the environment, where they belong (arguments show in `ps`). */
  async function carelineWith(secrets: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
    try {
      const { stdout, stderr } = await run(process.execPath, [CARELINE, ...args], {
        env: { ...process.env, ...env, ...secrets, LOG_LEVEL: 'silent' },
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
    // The old options still work, with a word about `ps`.
    expect(channel.stderr).toContain('warning: --access-token is visible to other users (ps)');

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

  test('the CLI takes the access token from the environment', PROCESSES, async () => {
    const secrets = {
      WHATSAPP_ACCESS_TOKEN: 'EAAG-token-from-the-environment',
      WHATSAPP_APP_SECRET: 'app-secret-from-the-environment',
      WHATSAPP_VERIFY_TOKEN: 'verify-token-from-the-environment',
      CARELINE_USER_PASSWORD: 'a password nobody sees in ps',
    };
    const channel = await carelineWith(
      secrets,
      ...['add-whatsapp-channel', '--org', 'cabinet-pasteur', '--phone-number-id', '106540352242999'],
    );
    expect(channel).toMatchObject({ code: 0, stderr: '' });
    const user = await carelineWith(
      secrets,
      ...['create-user', '--org', 'cabinet-pasteur', '--email', 'env@pasteur.example', '--role', 'agent'],
    );
    expect(user).toMatchObject({ code: 0, stderr: '' });
    await inspect(async (db) => {
      const [account] = (await db.select().from(channelAccounts)).filter(
        (a) => a.externalId === '106540352242999',
      );
      if (!account) throw new Error('the channel was not added');
      expect(account.secrets).not.toContain('from-the-environment');
      const vault = new ChannelSecretsVault(db, new Keyring(masterCipherFor({ setting: SECRET_KEY })));
      expect(await vault.of(account)).toEqual({
        accessToken: 'EAAG-token-from-the-environment',
        appSecret: 'app-secret-from-the-environment',
        verifyToken: 'verify-token-from-the-environment',
      });
      expect((await db.select().from(users)).map((u) => u.email)).toContain('env@pasteur.example');
    });

    // Not given anywhere, and nobody at a terminal to ask: one line naming the variable.
    const missing = await carelineWith(
      { ...secrets, WHATSAPP_APP_SECRET: '' },
      ...['add-whatsapp-channel', '--org', 'cabinet-pasteur', '--phone-number-id', '106540352242998'],
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('WHATSAPP_APP_SECRET');
  });

  test(
    'an operator turns off the two-factor sign-in of someone who lost phone and recovery codes',
    PROCESSES,
    async () => {
      const email = 'dr.roux@pasteur.example';
      await inspect((db) =>
        db
          .update(users)
          .set({ totpSecret: 'sealed', totpEnabledAt: new Date(), totpLastStep: 1 })
          .where(eq(users.email, email)),
      );
      const reset = await careline('reset-two-factor', '--email', email.toUpperCase());
      expect(reset).toMatchObject({ code: 0 });
      expect(reset.stdout).toContain(`Two-factor sign-in is off for ${email}`);
      const [after] = await inspect((db) => db.select().from(users).where(eq(users.email, email)));
      expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });

      const unknown = await careline('reset-two-factor', '--email', 'nobody@pasteur.example');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('nobody@pasteur.example');
    },
  );

  test('mistakes get one clear line and exit code 2', PROCESSES, async () => {
    const weak = await carelineWith(
      { CARELINE_USER_PASSWORD: 'short' },
      ...['create-user', '--org', 'cabinet-pasteur', '--email', 'a@b.example', '--role', 'agent'],
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('password');

    const role = await carelineWith(
      { CARELINE_USER_PASSWORD: 'long enough password' },
      ...['create-user', '--org', 'cabinet-pasteur', '--email', 'a@b.example', '--role', 'owner'],
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

describe('careline simulate-patient finds the Careline its environment configures', () => {
  let server: ServedCareline;
  let deadPort: number;

  beforeAll(async () => {
    server = await serveCareline(TEST_ENGINES[0] ?? 'pglite');
    deadPort = await freePort();
  }, PROCESSES.timeout);
  afterAll(async () => {
    await server?.stop();
  });

  /** `simulate-patient` in a clean directory (no `.env`) with only the given Careline variables set. */
  async function simulatePatient(env: { PORT?: string; PUBLIC_URL?: string }, ...args: string[]) {
    const { PORT: _port, PUBLIC_URL: _publicUrl, SIMULATOR: _simulator, ...inherited } = process.env;
    try {
      const { stdout, stderr } = await run(process.execPath, [CARELINE, 'simulate-patient', ...args], {
        cwd: server.cwd,
        env: { ...inherited, ...env, LOG_LEVEL: 'silent' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  async function patientNamed(phone: string): Promise<string> {
    const contacts = await eventually(async () => {
      const response = await fetch(`${server.url}/api/v1/contacts?phone=${encodeURIComponent(phone)}`, {
        headers: { authorization: `Bearer ${server.apiKey}` },
      });
      const page = (await response.json()) as { data: Array<{ display_name: string }> };
      return page.data.length > 0 ? page.data : undefined;
    }, 15_000);
    return contacts[0]?.display_name ?? '';
  }

  test('PORT alone: it writes to http://localhost:$PORT', PROCESSES, async () => {
    const sent = await simulatePatient(
      { PORT: String(server.port) },
      ...['--phone', '+33611111111', '--name', 'Alice Port', '--text', 'Bonjour'],
    );
    expect(sent.stdout).toContain('HTTP 200');
    expect(await patientNamed('+33611111111')).toBe('Alice Port');
  });

  test('PUBLIC_URL wins over PORT, as it does for Meta', PROCESSES, async () => {
    const sent = await simulatePatient(
      { PORT: String(deadPort), PUBLIC_URL: `http://127.0.0.1:${server.port}/` },
      ...['--phone', '+33622222222', '--name', 'Bruno Public', '--text', 'Bonjour'],
    );
    expect(sent.stdout).toContain('HTTP 200');
    expect(await patientNamed('+33622222222')).toBe('Bruno Public');
  });

  test('--simulator-url wins over the environment', PROCESSES, async () => {
    const sent = await simulatePatient(
      { PUBLIC_URL: `http://127.0.0.1:${deadPort}` },
      ...['--simulator-url', `${server.url}/simulator`, '--phone', '+33633333333', '--name', 'Chloé Flag'],
      ...['--text', 'Bonjour'],
    );
    expect(sent.stdout).toContain('HTTP 200');
    expect(await patientNamed('+33633333333')).toBe('Chloé Flag');
  });

  test('nothing listening there: one line naming the address and the variable', PROCESSES, async () => {
    const sent = await simulatePatient({ PORT: String(deadPort) }, '--text', 'Bonjour');
    expect(sent.code).not.toBe(0);
    expect(sent.stderr.trim().split('\n')).toEqual([
      `error: No simulator answers at http://localhost:${deadPort}/simulator (from PORT): is Careline running (npm start)?`,
    ]);
  });
});

interface ServedCareline {
  url: string;
  port: number;
  apiKey: string;
  /** A directory without `.env`, for the commands run beside the server. */
  cwd: string;
  stop(): Promise<void>;
}

/** `careline serve` in its own process, as `npm start` runs it (demo clinic and simulator included). */
async function serveCareline(engine: DbEngine): Promise<ServedCareline> {
  const cwd = mkdtempSync(join(tmpdir(), 'careline-serve-'));
  const database = engine === 'postgres' ? await openTestDb('postgres') : null;
  const port = await freePort();
  const { PUBLIC_URL: _publicUrl, HOST: _host, ...inherited } = process.env;
  const child = spawn(process.execPath, [CARELINE, 'serve'], {
    cwd,
    env: {
      ...inherited,
      PORT: String(port),
      DATABASE_URL: database?.url ?? '',
      DATA_DIR: join(cwd, 'data'),
      SIMULATOR: 'on',
      DEMO_SEED: 'on',
      WORKER: 'on',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await stopProcess(child);
    await database?.close();
    rmSync(cwd, { recursive: true, force: true });
  };
  try {
    const output = await outputUntil(child, 'Careline is listening');
    const apiKey = /API key\s+(cl_\S+)/.exec(output)?.[1];
    if (apiKey === undefined) throw new Error(`no demo API key in the output:\n${output}`);
    return { url: `http://127.0.0.1:${port}`, port, apiKey, cwd, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function outputUntil(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(marker)) {
        child.stdout?.off('data', onData);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`careline serve exited (${code}):\n${output}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
