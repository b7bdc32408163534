import { randomBytes } from 'node:crypto';
import { createLineAdapter, lineSecretsSchema, lineSettingsSchema } from './channels/line/line-adapter.ts';
import { LINE_API_URL, LINE_DATA_API_URL } from './channels/line/line-api-client.ts';
import { fetchLineBotInfo } from './channels/line/line-bot-info.ts';
import { messengerSecretsSchema, messengerSettingsSchema } from './channels/messenger/messenger-adapter.ts';
import { checkSmsAccount } from './channels/sms/sms-account-check.ts';
import { smsSecretsSchema, smsSettingsSchema } from './channels/sms/sms-adapter.ts';
import { TWILIO_API_URL } from './channels/sms/twilio-api-client.ts';
import {
  createTelegramAdapter,
  telegramSecretsSchema,
  telegramSettingsSchema,
} from './channels/telegram/telegram-adapter.ts';
import { fetchViberAccountInfo } from './channels/viber/viber-account-info.ts';
import {
  createViberAdapter,
  viberSecretsSchema,
  viberSettingsSchema,
} from './channels/viber/viber-adapter.ts';
import { VIBER_API_URL } from './channels/viber/viber-api-client.ts';
import { whatsappNewAccountSchemas } from './channels/whatsapp/whatsapp-account.schema.ts';
import type {
  ChannelAccountSetup,
  ChannelAccountSetups,
} from './modules/channel-accounts/channel-account-setup.ts';

/**
 * How the channel-accounts module sets up an account of each channel Careline has an adapter for: the
 * adapters' own schemas, where the provider's id comes from, and Telegram's webhook registration. Built
 * by app.ts and the CLI (it sits beside app.ts, in the composition root): neither that module nor an
 * adapter imports the other.
 */
export function channelAccountSetups(options: { fetch?: typeof fetch } = {}): ChannelAccountSetups {
  const telegram = createTelegramAdapter(options.fetch ? { fetch: options.fetch } : {});
  const telegramSetup: ChannelAccountSetup = {
    settingsSchema: telegramSettingsSchema,
    secretsSchema: telegramSecretsSchema,
    externalId: { from: 'secrets', of: (secrets) => botIdOf(secrets.botToken) },
    completeSecrets: (given) =>
      typeof given.secretToken === 'string' && given.secretToken !== ''
        ? given
        : { ...given, secretToken: randomBytes(32).toString('base64url') },
    async registerWebhook(account, webhookUrl) {
      const settings = telegramSettingsSchema.parse(
        account.settings.apiUrl === undefined ? {} : { apiUrl: account.settings.apiUrl },
      );
      const secrets = telegramSecretsSchema.parse(account.secrets);
      if (!telegram.registerWebhook) return { ok: false, title: 'Telegram webhooks cannot be registered' };
      return telegram.registerWebhook({ ...account, settings, secrets }, webhookUrl);
    },
    defaultName: (botId) => `Telegram bot ${botId}`,
  };
  return {
    whatsapp: {
      settingsSchema: whatsappNewAccountSchemas.settings,
      secretsSchema: whatsappNewAccountSchemas.secrets,
      externalId: {
        from: 'input',
        pattern: /^\d{5,32}$/,
        hint: 'Meta’s phone number id (digits, not the phone number)',
      },
      defaultName: (id) => `WhatsApp ${id}`,
    },
    telegram: telegramSetup,
    line: lineSetup(options),
    sms: smsSetup(options),
    viber: viberSetup(options),
    messenger: metaSetup('messenger'),
    instagram: metaSetup('instagram'),
  };
}

/**
 * LINE: the channel access token is checked with `GET /v2/bot/info`, whose `userId` (the bot) is what
 * every webhook names as its `destination`, so it is the account's id; the webhook URL is set with
 * `PUT /v2/bot/channel/webhook/endpoint` ("Use webhook" is still switched on in the LINE console).
 */
function lineSetup(options: { fetch?: typeof fetch }): ChannelAccountSetup {
  const line = createLineAdapter(options.fetch ? { fetch: options.fetch } : {});
  const opened = (account: { settings: unknown; secrets: unknown }) => ({
    settings: lineSettingsSchema.parse(pick(account.settings, ['apiUrl', 'dataApiUrl'])),
    secrets: lineSecretsSchema.parse(account.secrets),
  });
  return {
    settingsSchema: lineSettingsSchema,
    secretsSchema: lineSecretsSchema,
    externalId: {
      from: 'provider',
      secret: 'channelAccessToken',
      async lookUp(settings, secrets) {
        const account = opened({ settings, secrets });
        const apiUrl = account.settings.apiUrl ?? LINE_API_URL;
        const info = await fetchLineBotInfo(
          {
            fetch: options.fetch ?? globalThis.fetch,
            apiUrl,
            dataApiUrl: account.settings.dataApiUrl ?? account.settings.apiUrl ?? LINE_DATA_API_URL,
            timeoutMs: 15_000,
          },
          account.secrets.channelAccessToken,
        );
        return info.ok ? { ok: true, externalId: info.userId } : { ok: false, title: info.title };
      },
    },
    async registerWebhook(account, webhookUrl) {
      if (!line.registerWebhook) return { ok: false, title: 'LINE webhooks cannot be set' };
      return line.registerWebhook({ ...account, ...opened(account) }, webhookUrl);
    },
    defaultName: (botId) => `LINE ${botId}`,
  };
}

/**
 * SMS: the account SID and auth token are checked with the provider (`GET /2010-04-01/Accounts/{sid}`);
 * the From number is the account's id (Twilio's webhooks name it as `To`). The number's "A message comes
 * in" webhook is set in Twilio's console to the URL Careline prints: Twilio signs that URL.
 */
function smsSetup(options: { fetch?: typeof fetch }): ChannelAccountSetup {
  return {
    settingsSchema: smsSettingsSchema,
    secretsSchema: smsSecretsSchema,
    externalId: {
      from: 'provider',
      secret: 'authToken',
      async lookUp(settings, secrets) {
        const given = smsSettingsSchema.parse(pick(settings, ['from', 'accountSid', 'apiUrl']));
        const checked = await checkSmsAccount(
          {
            fetch: options.fetch ?? globalThis.fetch,
            apiUrl: given.apiUrl ?? TWILIO_API_URL,
            timeoutMs: 15_000,
          },
          { accountSid: given.accountSid, authToken: smsSecretsSchema.parse(secrets).authToken },
        );
        return checked.ok ? { ok: true, externalId: given.from } : { ok: false, title: checked.title };
      },
    },
    defaultName: (from) => `SMS ${from}`,
  };
}

/**
 * Viber: the auth token is checked with `get_account_info`, whose `id` names the bot account; the
 * webhook is set with `set_webhook`, which Viber checks at once with a signed `event: "webhook"` callback
 * to the account's URL (so the account exists before it is called).
 */
function viberSetup(options: { fetch?: typeof fetch }): ChannelAccountSetup {
  const viber = createViberAdapter(options.fetch ? { fetch: options.fetch } : {});
  const opened = (account: { settings: unknown; secrets: unknown }) => ({
    settings: viberSettingsSchema.parse(
      pick(account.settings, ['apiUrl', 'botInitiated', 'senderName', 'welcomeMessage']),
    ),
    secrets: viberSecretsSchema.parse(account.secrets),
  });
  return {
    settingsSchema: viberSettingsSchema,
    secretsSchema: viberSecretsSchema,
    externalId: {
      from: 'provider',
      secret: 'authToken',
      async lookUp(settings, secrets) {
        const account = opened({ settings, secrets });
        const info = await fetchViberAccountInfo(
          {
            fetch: options.fetch ?? globalThis.fetch,
            apiUrl: account.settings.apiUrl ?? VIBER_API_URL,
            timeoutMs: 15_000,
          },
          account.secrets.authToken,
        );
        return info.ok ? { ok: true, externalId: info.id } : { ok: false, title: info.title };
      },
    },
    async registerWebhook(account, webhookUrl) {
      if (!viber.registerWebhook) return { ok: false, title: 'Viber webhooks cannot be set' };
      return viber.registerWebhook({ ...account, ...opened(account) }, webhookUrl);
    },
    webhookCheckedAtOnce: true,
    defaultName: (id) => `Viber ${id}`,
  };
}

/** The keys of a settings object an adapter reads, without Careline's own (its default team). */
function pick(settings: unknown, keys: readonly string[]): Record<string, unknown> {
  const source = typeof settings === 'object' && settings !== null ? settings : {};
  return Object.fromEntries(
    keys.flatMap((key) => (Object.hasOwn(source, key) ? [[key, Reflect.get(source, key)]] : [])),
  );
}

/** Messenger and Instagram: the Page (or Instagram account) id is given; Meta's console holds the webhook. */
function metaSetup(channel: 'messenger' | 'instagram'): ChannelAccountSetup {
  const messenger = channel === 'messenger';
  return {
    settingsSchema: messengerSettingsSchema,
    secretsSchema: messengerSecretsSchema,
    externalId: {
      from: 'input',
      pattern: /^\d{1,32}$/,
      hint: messenger ? 'the Facebook Page id (digits)' : 'the Instagram professional account id (digits)',
    },
    defaultName: (id) => (messenger ? `Messenger ${id}` : `Instagram ${id}`),
  };
}

/** A bot's id is its token's digits before the colon (what getMe answers as `id`). */
function botIdOf(token: unknown): string {
  return typeof token === 'string' ? (token.split(':')[0] ?? '') : '';
}
