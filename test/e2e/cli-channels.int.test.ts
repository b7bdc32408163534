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
import {
  type BotApiStandIn,
  startBotApiStandIn,
} from '../../src/channels/telegram/bot-api-stand-in.test-support.ts';
import {
  startViberApiStandIn,
  type ViberApiStandIn,
} from '../../src/channels/viber/viber-api-stand-in.test-support.ts';
import { auditEvents, channelAccounts } from '../../src/db-schema.ts';
import { ChannelSecretsVault } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { Keyring } from '../../src/modules/keys/keyring.ts';
import { masterCipherFor } from '../../src/platform/crypto/master-key.ts';
import { createDb } from '../../src/platform/db/create-db.ts';
import type { Db } from '../../src/platform/db/db.ts';
import { type RunningSimulator, startSimulatorServer } from '../../src/simulator/simulator-server.ts';
import { openTestDb, TEST_ENGINES } from '../support/test-db.ts';

/*
 * `careline add-telegram-channel`, `add-messenger-channel`, `add-instagram-channel`, `add-line-channel`,
 * `add-sms-channel`, as processes.
 */

const CARELINE = fileURLToPath(new URL('../../bin/careline.js', import.meta.url));
const run = promisify(execFile);
const PROCESSES = { timeout: 120_000 };
const SECRET_KEY = randomBytes(32).toString('base64');
const BOT = '7100000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const PUBLIC_URL = 'https://careline.clinique.example';
const LINE_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.CliLineChannelAccessToken+/abc=';
const LINE_SECRET = '8a7f9c0e4b2d6f1a3c5e7b9d0f2a4c6e';
const LINE_BOT = 'U0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const SMS_ACCOUNT = 'AC7d6c5b4a39281706f5e4d3c2b1a09f8e';
const SMS_TOKEN = '0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d';
const SMS_FROM = '+33757220000';
const VIBER_TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec5f1a6ce5e81a';
const VIBER_ACCOUNT = 'pa:5741311803571721000';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe.each(TEST_ENGINES)(
  'careline add-…-channel for Telegram, Meta, LINE, SMS and Viber (%s)',
  (engine) => {
    let env: NodeJS.ProcessEnv;
    let inspect: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
    let cleanup: () => Promise<void>;
    let botApi: BotApiStandIn;
    let lineApi: LineApiStandIn;
    let twilio: RunningSimulator;
    let viberApi: ViberApiStandIn;

    beforeAll(async () => {
      twilio = await startSimulatorServer({ port: 0 });
      twilio.simulator.sms.registerNumber({ accountSid: SMS_ACCOUNT, authToken: SMS_TOKEN, from: SMS_FROM });
      botApi = await startBotApiStandIn({ tokens: [BOT] });
      lineApi = await startLineApiStandIn({ token: LINE_TOKEN });
      viberApi = await startViberApiStandIn({ token: VIBER_TOKEN });
      if (engine === 'postgres') {
        const handle = await openTestDb('postgres');
        env = { DATABASE_URL: handle.url, CARELINE_SECRET_KEY: SECRET_KEY, PUBLIC_URL };
        inspect = (work) => work(handle.db);
        cleanup = () => handle.close();
      } else {
        const dataDir = mkdtempSync(join(tmpdir(), 'careline-cli-channels-'));
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
      await botApi?.close();
      await lineApi?.close();
      await twilio?.close();
      await viberApi?.close();
    });

    async function careline(secrets: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
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
      'a Telegram bot: token from the environment, webhook registered at PUBLIC_URL, URL printed',
      PROCESSES,
      async () => {
        expect((await careline({}, 'create-org', '--name', 'Clinique du Lac')).code).toBe(0);
        const added = await careline(
          { TELEGRAM_BOT_TOKEN: BOT },
          ...[
            'add-telegram-channel',
            '--org',
            'clinique-du-lac',
            '--api-url',
            botApi.url,
            '--name',
            'Bot du Lac',
          ],
        );
        expect(added, added.stderr).toMatchObject({ code: 0, stderr: '' });
        const id = /id=([0-9a-f-]{36})/.exec(added.stdout)?.[1];
        const url = `${PUBLIC_URL}/webhooks/telegram/${id}`;
        expect(added.stdout).toContain(url);
        expect(botApi.webhooks.get(BOT)).toMatchObject({ url });

        await inspect(async (db) => {
          const [account] = (await db.select().from(channelAccounts)).filter((a) => a.type === 'telegram');
          if (!account) throw new Error('the bot was not added');
          expect(account).toMatchObject({ id, name: 'Bot du Lac', externalId: '7100000001' });
          expect(account.settings).toEqual({ apiUrl: botApi.url });
          expect(account.secrets).not.toContain('AAHdqTcv');
          const vault = new ChannelSecretsVault(db, new Keyring(masterCipherFor({ setting: SECRET_KEY })));
          expect(await vault.of(account)).toEqual({
            botToken: BOT,
            secretToken: botApi.webhooks.get(BOT)?.secretToken,
          });
          const audit = (await db.select().from(auditEvents)).filter((e) => e.subtype === 'channel-add');
          expect(audit).toEqual([
            expect.objectContaining({
              type: 'cli',
              action: 'C',
              agentRole: 'operator',
              agentNetwork: 'local',
            }),
          ]);
        });

        // Again: the bot is taken; a token Telegram does not know is refused, the token not repeated.
        const again = await careline(
          { TELEGRAM_BOT_TOKEN: BOT },
          'add-telegram-channel',
          '--org',
          'clinique-du-lac',
        );
        expect(again.code).toBe(2);
        expect(again.stderr).toContain('already connected');
        const unknown = '7100000002:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
        const refused = await careline(
          { TELEGRAM_BOT_TOKEN: unknown },
          ...['add-telegram-channel', '--org', 'clinique-du-lac', '--api-url', botApi.url],
        );
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('Telegram refused the bot token');
        expect(refused.stderr).not.toContain('ZZHdqTcv');
        const malformed = await careline(
          { TELEGRAM_BOT_TOKEN: 'nope' },
          'add-telegram-channel',
          '--org',
          'clinique-du-lac',
        );
        expect(malformed.code).toBe(2);
        expect(malformed.stderr).toContain('--bot-token: a bot token looks like');
      },
    );

    test(
      'a Messenger Page and an Instagram account: ids as given, secrets from the environment or options',
      PROCESSES,
      async () => {
        const messenger = await careline(
          {
            MESSENGER_PAGE_ACCESS_TOKEN: 'EAAG-page-token-from-env',
            MESSENGER_APP_SECRET: 'app-secret-from-env',
            MESSENGER_VERIFY_TOKEN: 'verify-from-env',
          },
          ...['add-messenger-channel', '--org', 'clinique-du-lac', '--page-id', '104567890123456'],
        );
        expect(messenger, messenger.stderr).toMatchObject({ code: 0, stderr: '' });
        expect(messenger.stdout).toContain(`${PUBLIC_URL}/webhooks/messenger`);

        const instagram = await careline(
          {},
          ...[
            'add-instagram-channel',
            '--org',
            'clinique-du-lac',
            '--instagram-account-id',
            '17841400000000001',
          ],
          ...[
            '--page-access-token',
            'EAAG-ig-token',
            '--app-secret',
            'ig-app-secret',
            '--verify-token',
            'ig-verify',
          ],
          ...['--graph-url', 'http://127.0.0.1:4010', '--api-version', 'v24.0'],
        );
        expect(instagram.code, instagram.stderr).toBe(0);
        expect(instagram.stderr).toContain('warning: --page-access-token is visible to other users (ps)');
        expect(instagram.stdout).toContain(`${PUBLIC_URL}/webhooks/instagram`);

        const badId = await careline(
          { MESSENGER_PAGE_ACCESS_TOKEN: 't', MESSENGER_APP_SECRET: 's', MESSENGER_VERIFY_TOKEN: 'v' },
          ...['add-messenger-channel', '--org', 'clinique-du-lac', '--page-id', 'my-page'],
        );
        expect(badId.code).toBe(2);
        expect(badId.stderr).toContain('--page-id: the Facebook Page id (digits)');

        await inspect(async (db) => {
          const accounts = await db.select().from(channelAccounts);
          expect(accounts.find((a) => a.type === 'messenger')).toMatchObject({
            externalId: '104567890123456',
          });
          expect(accounts.find((a) => a.type === 'instagram')).toMatchObject({
            externalId: '17841400000000001',
            settings: { graphUrl: 'http://127.0.0.1:4010', apiVersion: 'v24.0' },
          });
        });
      },
    );

    test(
      'a LINE channel: the token checked with /v2/bot/info, the bot user id kept as the account id, secrets sealed, the webhook set',
      PROCESSES,
      async () => {
        expect((await careline({}, 'create-org', '--name', 'Clinique Sakura')).code).toBe(0);
        const added = await careline(
          { LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN },
          ...[
            'add-line-channel',
            '--org',
            'clinique-sakura',
            '--api-url',
            lineApi.url,
            '--name',
            'LINE Sakura',
          ],
        );
        expect(added, added.stderr).toMatchObject({ code: 0, stderr: '' });
        const id = /id=([0-9a-f-]{36})/.exec(added.stdout)?.[1];
        const url = `${PUBLIC_URL}/webhooks/line/${id}`;
        expect(added.stdout).toContain(`Connected line account ${LINE_BOT}`);
        expect(added.stdout).toContain(url);
        expect(lineApi.calls.map((call) => [call.method, call.path])).toEqual([
          ['GET', '/v2/bot/info'],
          ['PUT', '/v2/bot/channel/webhook/endpoint'],
        ]);
        expect(lineApi.calls[1]?.body).toEqual({ endpoint: url });

        await inspect(async (db) => {
          const [account] = (await db.select().from(channelAccounts)).filter((a) => a.type === 'line');
          if (!account) throw new Error('the channel was not added');
          expect(account).toMatchObject({
            id,
            name: 'LINE Sakura',
            externalId: LINE_BOT,
            settings: { apiUrl: lineApi.url },
          });
          expect(account.secrets).not.toContain('CliLineChannel');
          const vault = new ChannelSecretsVault(db, new Keyring(masterCipherFor({ setting: SECRET_KEY })));
          expect(await vault.of(account)).toEqual({
            channelSecret: LINE_SECRET,
            channelAccessToken: LINE_TOKEN,
          });
          const audit = (await db.select().from(auditEvents)).filter(
            (e) => e.subtype === 'channel-add' && e.orgId === account.orgId,
          );
          expect(audit).toEqual([
            expect.objectContaining({ type: 'cli', action: 'C', agentRole: 'operator' }),
          ]);
        });

        const again = await careline(
          { LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN },
          ...['add-line-channel', '--org', 'clinique-sakura', '--api-url', lineApi.url],
        );
        expect(again.code).toBe(2);
        expect(again.stderr).toContain('already connected');
        const refused = await careline(
          { LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'AnotherChannelsToken0123456789' },
          ...['add-line-channel', '--org', 'clinique-sakura', '--api-url', lineApi.url],
        );
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('--channel-access-token: LINE refused the channel access token');
        expect(refused.stderr).not.toContain('AnotherChannelsToken');
        const malformed = await careline(
          { LINE_CHANNEL_SECRET: 'not a secret', LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN },
          ...['add-line-channel', '--org', 'clinique-sakura', '--api-url', lineApi.url],
        );
        expect(malformed.code).toBe(2);
        expect(malformed.stderr).toContain('--channel-secret: a channel secret is 32 letters and digits');
      },
    );

    test(
      'an SMS number: the account checked with the provider, the From number kept as the account id, the token sealed, the webhook URL to set printed',
      PROCESSES,
      async () => {
        expect((await careline({}, 'create-org', '--name', 'Centre Belleville')).code).toBe(0);
        const sms = (token: string, ...extra: string[]) =>
          careline(
            { SMS_AUTH_TOKEN: token },
            ...['add-sms-channel', '--org', 'centre-belleville', '--account-sid', SMS_ACCOUNT],
            ...['--from', SMS_FROM, '--api-url', twilio.url, ...extra],
          );
        const added = await sms(SMS_TOKEN, '--name', 'SMS Belleville');
        expect(added, added.stderr).toMatchObject({ code: 0, stderr: '' });
        const id = /id=([0-9a-f-]{36})/.exec(added.stdout)?.[1];
        expect(added.stdout).toContain(`Connected sms account ${SMS_FROM}`);
        expect(added.stdout).toContain(`${PUBLIC_URL}/webhooks/sms/${id}`);

        await inspect(async (db) => {
          const [account] = (await db.select().from(channelAccounts)).filter((a) => a.type === 'sms');
          if (!account) throw new Error('the channel was not added');
          expect(account).toMatchObject({
            id,
            name: 'SMS Belleville',
            externalId: SMS_FROM,
            settings: { from: SMS_FROM, accountSid: SMS_ACCOUNT, apiUrl: twilio.url },
          });
          expect(account.secrets).not.toContain(SMS_TOKEN);
          const vault = new ChannelSecretsVault(db, new Keyring(masterCipherFor({ setting: SECRET_KEY })));
          expect(await vault.of(account)).toEqual({ authToken: SMS_TOKEN });
        });

        const again = await sms(SMS_TOKEN);
        expect(again.code).toBe(2);
        expect(again.stderr).toContain('already connected');
        const refused = await sms('f'.repeat(32));
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain(
          '--auth-token: the SMS provider refused the account SID and auth token',
        );
        expect(refused.stderr).not.toContain('f'.repeat(32));
        const badFrom = await careline(
          { SMS_AUTH_TOKEN: SMS_TOKEN },
          ...['add-sms-channel', '--org', 'centre-belleville', '--account-sid', SMS_ACCOUNT],
          ...['--from', '07 57 22 00 00', '--api-url', twilio.url],
        );
        expect(badFrom.code).toBe(2);
        expect(badFrom.stderr).toContain('--from: the From number is a phone number in E.164 form');
      },
    );

    test(
      'a Viber bot: the token checked with get_account_info, its id kept as the account id, the token sealed, the webhook set',
      PROCESSES,
      async () => {
        expect((await careline({}, 'create-org', '--name', 'Clinique Balkan')).code).toBe(0);
        const added = await careline(
          { VIBER_AUTH_TOKEN: VIBER_TOKEN },
          ...[
            'add-viber-channel',
            '--org',
            'clinique-balkan',
            '--api-url',
            viberApi.url,
            '--name',
            'Viber Balkan',
          ],
        );
        expect(added, added.stderr).toMatchObject({ code: 0, stderr: '' });
        const id = /id=([0-9a-f-]{36})/.exec(added.stdout)?.[1];
        const url = `${PUBLIC_URL}/webhooks/viber/${id}`;
        expect(added.stdout).toContain(`Connected viber account ${VIBER_ACCOUNT}`);
        expect(added.stdout).toContain(`Viber delivers to ${url}`);
        expect(viberApi.calls.map((call) => call.path)).toEqual(['/pa/get_account_info', '/pa/set_webhook']);
        expect(viberApi.calls.every((call) => call.authToken === VIBER_TOKEN)).toBe(true);
        expect(viberApi.calls[1]?.body).toMatchObject({
          url,
          event_types: expect.arrayContaining(['subscribed']),
        });

        await inspect(async (db) => {
          const [account] = (await db.select().from(channelAccounts)).filter((a) => a.type === 'viber');
          if (!account) throw new Error('the channel was not added');
          expect(account).toMatchObject({
            id,
            name: 'Viber Balkan',
            externalId: VIBER_ACCOUNT,
            settings: { apiUrl: viberApi.url },
          });
          expect(account.secrets).not.toContain('e02c5f12174805f9');
          const vault = new ChannelSecretsVault(db, new Keyring(masterCipherFor({ setting: SECRET_KEY })));
          expect(await vault.of(account)).toEqual({ authToken: VIBER_TOKEN });
        });

        const refused = await careline(
          { VIBER_AUTH_TOKEN: 'another-bots-auth-token-0000' },
          ...['add-viber-channel', '--org', 'clinique-balkan', '--api-url', viberApi.url],
        );
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('--auth-token: Viber refused the auth token');
        expect(refused.stderr).not.toContain('another-bots-auth-token');
      },
    );

    test('a Viber bot whose webhook Viber refuses is not kept', PROCESSES, async () => {
      expect((await careline({}, 'create-org', '--name', 'Clinique Morava')).code).toBe(0);
      viberApi.answerNext('get_account_info', {
        status: 0,
        status_message: 'ok',
        id: 'pa:5741311803571729999',
      });
      viberApi.answerNext('set_webhook', { status: 1, status_message: 'invalidUrl' });
      const failed = await careline(
        { VIBER_AUTH_TOKEN: VIBER_TOKEN },
        ...['add-viber-channel', '--org', 'clinique-morava', '--api-url', viberApi.url],
      );
      expect(failed.code).toBe(2);
      expect(failed.stderr).toContain(
        'The webhook could not be registered: setting the webhook URL: Viber refused the webhook URL',
      );
      await inspect(async (db) => {
        const kept = (await db.select().from(channelAccounts)).filter(
          (a) => a.externalId === 'pa:5741311803571729999',
        );
        expect(kept).toEqual([]);
      });
    });
  },
);
