import type { Command } from 'commander';
import { channelAccountSetups } from '../channel-account-setups.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { recordChange } from '../modules/audit/audit.service.ts';
import type { ChannelAccount } from '../modules/channel-accounts/channel-account.schema.ts';
import {
  addChannelAccount,
  type NewChannelAccount,
} from '../modules/channel-accounts/channel-account-admin.service.ts';
import { ChannelAccountError } from '../modules/channel-accounts/channel-account-error.ts';
import type { ChangeActor } from '../modules/channel-accounts/channel-change-audit.ts';
import { webhookUrlOf } from '../modules/channel-accounts/channel-webhook-url.ts';
import { Keyring } from '../modules/keys/keyring.ts';
import { requireOrg } from '../modules/orgs/org.service.ts';
import { masterCipherFor } from '../platform/crypto/master-key.ts';
import { systemClock } from '../platform/time/clock.ts';
import { optionalSecret, readSecret, type SecretSource } from './secret-input.ts';
import { withDatabase } from './with-database.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** An operator's command on the server: audited as such (no person, no API key). */
const OPERATOR: ChangeActor = {
  via: 'cli',
  userId: null,
  apiKeyId: null,
  role: 'operator',
  network: 'local',
  reason: null,
};

const BOT_TOKEN: SecretSource = {
  flag: '--bot-token',
  env: 'TELEGRAM_BOT_TOKEN',
  label: 'Telegram bot token',
};
const SECRET_TOKEN: SecretSource = {
  flag: '--secret-token',
  env: 'TELEGRAM_SECRET_TOKEN',
  label: 'Telegram webhook secret token',
};

const CHANNEL_SECRET: SecretSource = {
  flag: '--channel-secret',
  env: 'LINE_CHANNEL_SECRET',
  label: 'LINE channel secret',
};
const CHANNEL_ACCESS_TOKEN: SecretSource = {
  flag: '--channel-access-token',
  env: 'LINE_CHANNEL_ACCESS_TOKEN',
  label: 'LINE channel access token',
};

const SMS_AUTH_TOKEN: SecretSource = {
  flag: '--auth-token',
  env: 'SMS_AUTH_TOKEN',
  label: 'SMS provider auth token',
};

const VIBER_AUTH_TOKEN: SecretSource = {
  flag: '--auth-token',
  env: 'VIBER_AUTH_TOKEN',
  label: 'Viber auth token',
};

function metaSecrets(channel: 'MESSENGER' | 'INSTAGRAM'): Record<string, SecretSource> {
  return {
    pageAccessToken: {
      flag: '--page-access-token',
      env: `${channel}_PAGE_ACCESS_TOKEN`,
      label: 'Page access token',
    },
    appSecret: { flag: '--app-secret', env: `${channel}_APP_SECRET`, label: 'Meta app secret' },
    verifyToken: { flag: '--verify-token', env: `${channel}_VERIFY_TOKEN`, label: 'Webhook verify token' },
  };
}

/** Messenger, Instagram, Telegram, LINE, SMS and Viber accounts, as `add-whatsapp-channel` connects WhatsApp numbers. */
export function registerChannelCommands(program: Command): void {
  for (const channel of ['messenger', 'instagram'] as const) {
    const idFlag = channel === 'messenger' ? 'page-id' : 'instagram-account-id';
    const sources = metaSecrets(channel === 'messenger' ? 'MESSENGER' : 'INSTAGRAM');
    program
      .command(`add-${channel}-channel`)
      .description(
        channel === 'messenger'
          ? 'Connect a Facebook Page (Messenger) to a clinic'
          : 'Connect an Instagram professional account (Instagram Direct) to a clinic',
      )
      .requiredOption('--org <slug-or-id>', 'the clinic')
      .requiredOption(
        `--${idFlag} <id>`,
        channel === 'messenger' ? 'the Facebook Page id' : 'the Instagram account id',
      )
      .option(
        '--page-access-token <token>',
        `the Page access token (better: ${sources.pageAccessToken?.env})`,
      )
      .option('--app-secret <secret>', `the Meta app secret (better: ${sources.appSecret?.env})`)
      .option(
        '--verify-token <token>',
        `the token you type in Meta’s webhook settings (or ${sources.verifyToken?.env})`,
      )
      .option('--graph-url <url>', 'Graph API base URL (a stand-in’s, for tests)')
      .option('--api-version <version>', 'Graph API version, e.g. v25.0')
      .option('--name <name>', 'label shown to agents')
      .action(async (o: Record<string, string | undefined>) => {
        const secrets: Record<string, string> = {};
        for (const [key, source] of Object.entries(sources)) {
          secrets[key] = await readSecret(source, o[camel(source.flag)]);
        }
        await addAndSay({
          org: o.org ?? '',
          flags: { externalId: `--${idFlag}` },
          input: {
            type: channel,
            name: o.name,
            externalId: o[camel(`--${idFlag}`)],
            settings: {
              ...(o.graphUrl ? { graphUrl: o.graphUrl } : {}),
              ...(o.apiVersion ? { apiVersion: o.apiVersion } : {}),
            },
            secrets,
          },
        });
      });
  }

  program
    .command('add-telegram-channel')
    .description('Connect a Telegram bot to a clinic and register its webhook with Telegram (setWebhook)')
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .option('--bot-token <token>', 'BotFather’s token (better: TELEGRAM_BOT_TOKEN, or be asked)')
    .option(
      '--secret-token <token>',
      'the webhook’s secret token (or TELEGRAM_SECRET_TOKEN; made when left out)',
    )
    .option('--api-url <url>', 'the Bot API server (default https://api.telegram.org)')
    .option('--name <name>', 'label shown to agents')
    .action(
      async (o: { org: string; botToken?: string; secretToken?: string; apiUrl?: string; name?: string }) => {
        const botToken = await readSecret(BOT_TOKEN, o.botToken);
        const secretToken = optionalSecret(SECRET_TOKEN, o.secretToken);
        await addAndSay({
          org: o.org,
          flags: {},
          input: {
            type: 'telegram',
            name: o.name,
            settings: o.apiUrl ? { apiUrl: o.apiUrl } : {},
            secrets: { botToken, ...(secretToken ? { secretToken } : {}) },
          },
        });
      },
    );

  program
    .command('add-line-channel')
    .description(
      'Connect a LINE Official Account (Messaging API channel) to a clinic: the token is checked with LINE (GET /v2/bot/info) and the webhook URL set',
    )
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .option('--channel-secret <secret>', 'the channel secret (better: LINE_CHANNEL_SECRET, or be asked)')
    .option(
      '--channel-access-token <token>',
      'a channel access token (better: LINE_CHANNEL_ACCESS_TOKEN, or be asked)',
    )
    .option('--api-url <url>', 'the Messaging API server (default https://api.line.me)')
    .option('--name <name>', 'label shown to agents')
    .action(
      async (o: {
        org: string;
        channelSecret?: string;
        channelAccessToken?: string;
        apiUrl?: string;
        name?: string;
      }) => {
        const channelSecret = await readSecret(CHANNEL_SECRET, o.channelSecret);
        const channelAccessToken = await readSecret(CHANNEL_ACCESS_TOKEN, o.channelAccessToken);
        await addAndSay({
          org: o.org,
          flags: {},
          input: {
            type: 'line',
            name: o.name,
            settings: o.apiUrl ? { apiUrl: o.apiUrl } : {},
            secrets: { channelSecret, channelAccessToken },
          },
        });
      },
    );

  program
    .command('add-sms-channel')
    .description(
      'Connect an SMS number of a Twilio-compatible provider to a clinic: the account SID and auth token are checked with the provider, and the webhook URL to set on the number printed',
    )
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .requiredOption('--account-sid <sid>', 'the account SID (Twilio: AC…)')
    .requiredOption('--from <number>', 'the number texts go from, E.164 (+33757123456)')
    .option('--auth-token <token>', 'the auth token (better: SMS_AUTH_TOKEN, or be asked)')
    .option('--api-url <url>', 'a Twilio-compatible API server (default https://api.twilio.com)')
    .option('--name <name>', 'label shown to agents')
    .action(
      async (o: {
        org: string;
        accountSid: string;
        from: string;
        authToken?: string;
        apiUrl?: string;
        name?: string;
      }) => {
        const authToken = await readSecret(SMS_AUTH_TOKEN, o.authToken);
        await addAndSay({
          org: o.org,
          flags: {},
          input: {
            type: 'sms',
            name: o.name,
            settings: { from: o.from, accountSid: o.accountSid, ...(o.apiUrl ? { apiUrl: o.apiUrl } : {}) },
            secrets: { authToken },
          },
        });
      },
    );

  program
    .command('add-viber-channel')
    .description(
      'Connect a Viber bot to a clinic: the token is checked with Viber (get_account_info) and the webhook set (set_webhook, which Viber checks at once)',
    )
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .option('--auth-token <token>', 'the bot’s auth token (better: VIBER_AUTH_TOKEN, or be asked)')
    .option('--api-url <url>', 'the REST Bot API server (default https://chatapi.viber.com)')
    .option('--name <name>', 'label shown to agents')
    .action(async (o: { org: string; authToken?: string; apiUrl?: string; name?: string }) => {
      const authToken = await readSecret(VIBER_AUTH_TOKEN, o.authToken);
      await addAndSay({
        org: o.org,
        flags: {},
        input: {
          type: 'viber',
          name: o.name,
          settings: o.apiUrl ? { apiUrl: o.apiUrl } : {},
          secrets: { authToken },
        },
      });
    });
}

async function addAndSay(command: {
  org: string;
  /** CLI options named differently from the service's fields. */
  flags: Record<string, string>;
  input: NewChannelAccount;
}): Promise<void> {
  await withDatabase(async (db) => {
    const config = loadConfig();
    const org = await requireOrg(db, command.org);
    const deps = {
      db,
      keyring: new Keyring(masterCipherFor(config.secretKey)),
      clock: systemClock,
      setups: channelAccountSetups(),
      publicUrl: config.publicUrl,
      recordChange,
    };
    let account: ChannelAccount;
    try {
      account = await addChannelAccount(deps, org.id, OPERATOR, command.input);
    } catch (error) {
      throw error instanceof ChannelAccountError ? new ConfigError(describe(error, command.flags)) : error;
    }
    const { type } = account;
    say(`Connected ${type} account ${account.externalId} to ${org.slug}  id=${account.id}`);
    const url = webhookUrlOf(config.publicUrl, account);
    if (type === 'telegram') say(`Telegram delivers to ${url} (webhook registered with setWebhook)`);
    else if (type === 'sms')
      say(
        `Set the number’s “A message comes in” webhook to ${url} (HTTP POST) in the provider’s console: it signs that exact URL`,
      );
    else if (type === 'line')
      say(
        `LINE delivers to ${url} (webhook URL set; switch on “Use webhook” in the LINE Developers console)`,
      );
    else if (type === 'viber')
      say(
        `Viber delivers to ${url} (webhook set with set_webhook; bot-initiated messages are off until enabled)`,
      );
    else say(`Meta callback URL: ${url}  (verify token as given; subscribe to the messages field)`);
  });
}

/** `secrets.botToken: …` → `--bot-token: …`, so the operator sees the option to fix. */
function describe(error: ChannelAccountError, flags: Record<string, string>): string {
  const first = error.fields[0];
  if (error.kind !== 'invalid' || !first) return error.message;
  const key = first.field.split('.').at(-1) ?? first.field;
  return `${flags[first.field] ?? flags[key] ?? `--${kebab(key)}`}: ${first.message}`;
}

function camel(flag: string): string {
  return flag.replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
