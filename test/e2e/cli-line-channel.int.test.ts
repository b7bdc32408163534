import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type LineApiStandIn,
  startLineApiStandIn,
} from '../../src/channels/line/line-api-stand-in.test-support.ts';
import { auditEvents, channelAccounts } from '../../src/db-schema.ts';
import { ChannelSecretsVault } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { Keyring } from '../../src/modules/keys/keyring.ts';
import { masterCipherFor } from '../../src/platform/crypto/master-key.ts';
import { createDb } from '../../src/platform/db/create-db.ts';
import type { Db } from '../../src/platform/db/db.ts';
import { openTestDb, TEST_ENGINES } from '../support/test-db.ts';

/* `careline add-line-channel`, as a process, against a Messaging API stand-in. */

const CARELINE = fileURLToPath(new URL('../../bin/careline.js', import.meta.url));
const run = promisify(execFile);
const PROCESSES = { timeout: 120_000 };
const SECRET_KEY = randomBytes(32).toString('base64');
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.CliLineChannelAccessToken+/abc=';
const CHANNEL_SECRET = '8a7f9c0e4b2d6f1a3c5e7b9d0f2a4c6e';
const BOT = 'U0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const PUBLIC_URL = 'https://careline.clinique.example';

describe.each(TEST_ENGINES)('careline add-line-channel (%s)', (engine) => {
  let env: NodeJS.ProcessEnv;
  let inspect: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  let cleanup: () => Promise<void>;
  let api: LineApiStandIn;

  beforeAll(async () => {
    api = await startLineApiStandIn({ token: TOKEN });
    if (engine === 'postgres') {
      const handle = await openTestDb('postgres');
      env = { DATABASE_URL: handle.url, CARELINE_SECRET_KEY: SECRET_KEY, PUBLIC_URL };
      inspect = (work) => work(handle.db);
      cleanup = () => handle.close();
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'careline-cli-line-'));
      env = { DATA_DIR: dataDir, DATABASE_URL: '', CARELINE_SECRET_KEY: SECRET_KEY, PUBLIC_URL };
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
    await api?.close();
  });

  async function careline(secrets: NodeJS.ProcessEnv, ...args: string[]) {
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

  test(
    'the token is checked with /v2/bot/info, the bot user id kept as the account id, secrets sealed, the webhook set',
    PROCESSES,
    async () => {
      expect((await careline({}, 'create-org', '--name', 'Clinique Sakura')).code).toBe(0);
      const added = await careline(
        { LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN },
        ...['add-line-channel', '--org', 'clinique-sakura', '--api-url', api.url, '--name', 'LINE Sakura'],
      );
      expect(added, added.stderr).toMatchObject({ code: 0, stderr: '' });
      const id = /id=([0-9a-f-]{36})/.exec(added.stdout)?.[1];
      const url = `${PUBLIC_URL}/webhooks/line/${id}`;
      expect(added.stdout).toContain(`Connected line account ${BOT}`);
      expect(added.stdout).toContain(url);
      expect(api.calls.map((call) => [call.method, call.path])).toEqual([
        ['GET', '/v2/bot/info'],
        ['PUT', '/v2/bot/channel/webhook/endpoint'],
      ]);
      expect(api.calls[1]?.body).toEqual({ endpoint: url });

      await inspect(async (db) => {
        const [account] = (await db.select().from(channelAccounts)).filter((a) => a.type === 'line');
        if (!account) throw new Error('the channel was not added');
        expect(account).toMatchObject({
          id,
          name: 'LINE Sakura',
          externalId: BOT,
          settings: { apiUrl: api.url },
        });
        expect(account.secrets).not.toContain('CliLineChannel');
        const vault = new ChannelSecretsVault(db, new Keyring(masterCipherFor({ setting: SECRET_KEY })));
        expect(await vault.of(account)).toEqual({ channelSecret: CHANNEL_SECRET, channelAccessToken: TOKEN });
        const audit = (await db.select().from(auditEvents)).filter((e) => e.subtype === 'channel-add');
        expect(audit).toEqual([expect.objectContaining({ type: 'cli', action: 'C', agentRole: 'operator' })]);
      });

      const again = await careline(
        { LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN },
        ...['add-line-channel', '--org', 'clinique-sakura', '--api-url', api.url],
      );
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already connected');
      const refused = await careline(
        { LINE_CHANNEL_SECRET: CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'AnotherChannelsToken0123456789' },
        ...['add-line-channel', '--org', 'clinique-sakura', '--api-url', api.url],
      );
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--channel-access-token: LINE refused the channel access token');
      expect(refused.stderr).not.toContain('AnotherChannelsToken');
      const malformed = await careline(
        { LINE_CHANNEL_SECRET: 'not a secret', LINE_CHANNEL_ACCESS_TOKEN: TOKEN },
        ...['add-line-channel', '--org', 'clinique-sakura', '--api-url', api.url],
      );
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toContain('--channel-secret: a channel secret is 32 letters and digits');
    },
  );
});
