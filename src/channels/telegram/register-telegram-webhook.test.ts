import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterAccount } from '../channel-adapter.ts';
import { type BotApiStandIn, startBotApiStandIn } from './bot-api-stand-in.test-support.ts';
import { TELEGRAM_ALLOWED_UPDATES } from './register-telegram-webhook.ts';
import { createTelegramAdapter, type TelegramSecrets, type TelegramSettings } from './telegram-adapter.ts';

/* setWebhook over real HTTP against a stand-in that answers as the Bot API documents. */

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const WEBHOOK = 'https://careline.example/webhooks/telegram/6f1c3a52-5b0e-4b8e-9d0a-2b8c0d3f4a11';
const adapter = createTelegramAdapter({ timeoutMs: 1000 });

let botApi: BotApiStandIn;
beforeAll(async () => {
  botApi = await startBotApiStandIn({ tokens: [TOKEN] });
});
afterAll(() => botApi.close());
beforeEach(() => {
  botApi.calls.length = 0;
});

function account(secrets: Partial<TelegramSecrets> = {}, settings?: TelegramSettings) {
  return {
    id: '6f1c3a52-5b0e-4b8e-9d0a-2b8c0d3f4a11',
    externalId: '123456789',
    settings: settings ?? { apiUrl: botApi.url },
    secrets: { botToken: TOKEN, secretToken: 'sec_ret-Token1', ...secrets },
  } satisfies AdapterAccount<TelegramSettings, TelegramSecrets>;
}

const register = (a: ReturnType<typeof account>, url = WEBHOOK) => {
  if (!adapter.registerWebhook) throw new Error('the Telegram adapter registers its webhook');
  return adapter.registerWebhook(a, url);
};

describe('Telegram registerWebhook', () => {
  it('calls setWebhook with the URL, the secret token, the updates Careline reads, and keeps pending updates', async () => {
    expect(await register(account())).toEqual({ ok: true });
    expect(botApi.calls).toEqual([
      {
        token: TOKEN,
        method: 'setWebhook',
        params: {
          url: WEBHOOK,
          secret_token: 'sec_ret-Token1',
          allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
          drop_pending_updates: false,
        },
      },
    ]);
    expect(TELEGRAM_ALLOWED_UPDATES).toEqual([
      'message',
      'edited_message',
      'callback_query',
      'message_reaction',
      'my_chat_member',
    ]);
    expect(botApi.webhooks.get(TOKEN)?.url).toBe(WEBHOOK);
  });

  it('says why Telegram refused a URL that is not HTTPS', async () => {
    const outcome = await register(account(), 'http://localhost:3000/webhooks/telegram/x');
    expect(outcome).toEqual({
      ok: false,
      title: 'Telegram refused the webhook: Bad Request: bad webhook: HTTPS url must be provided for webhook',
    });
  });

  it('a token Telegram does not know is refused, and the token is never in the outcome', async () => {
    const other = '987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
    const outcome = await register(account({ botToken: other }));
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).toContain('Telegram refused the bot token');
    expect(JSON.stringify(outcome)).not.toContain(other);
    expect(JSON.stringify(outcome)).not.toContain('ZZHdqTcv');
  });

  it('an unreachable Bot API is an outcome without the token (the URL that quoted it is not repeated)', async () => {
    const outcome = await register(account({}, { apiUrl: 'http://127.0.0.1:1' }));
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
    expect(JSON.stringify(outcome)).not.toContain('AAHdqTcv');
  });

  it('a token that is not a bot token is refused before any call', async () => {
    const outcome = await register(account({ botToken: '12/../x:abc' }));
    expect(outcome.ok).toBe(false);
    expect(botApi.calls).toEqual([]);
  });
});
