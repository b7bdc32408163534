import Fastify from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../test/support/test-db.ts';
import { testKeyring } from '../../test/support/test-keyring.ts';
import { lineSecretsSchema } from '../channels/line/line-adapter.ts';
import { verifyLineSignature } from '../channels/line/verify-line-signature.ts';
import { verifyTelegramSecret } from '../channels/telegram/verify-telegram-secret.ts';
import { listChannelAccountsOfType } from '../modules/channel-accounts/channel-account.repository.ts';
import { ChannelSecretsVault } from '../modules/channel-accounts/channel-secrets.ts';
import { simulatorRoutes } from '../simulator/simulator.routes.ts';
import { WhatsAppSimulator } from '../simulator/whatsapp-simulator.ts';
import { attachSimulatedChannels } from './attach-simulated-channels.ts';
import {
  DEMO_INSTAGRAM_ID,
  DEMO_LINE_BOT_USER_ID,
  DEMO_PAGE_ID,
  DEMO_TELEGRAM_BOT_ID,
} from './demo-channels.ts';
import { seedDemoClinic } from './demo-clinic.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe.each(TEST_ENGINES)('the demo clinic’s other apps (%s)', (engine) => {
  test('a Telegram bot, a Page, an Instagram and a LINE account are seeded, attached to the simulator, and their webhooks set', async () => {
    const handle = await openTestDb(engine);
    closers.push(() => handle.close());
    await seedDemoClinic(handle.db, testKeyring);
    // A Careline stand-in: the simulator at /simulator and a webhook route that keeps what it gets.
    const simulator = new WhatsAppSimulator({ webhookRetry: { maxAttempts: 1 } });
    const app = Fastify();
    const received: Array<{ url: string; headers: Record<string, string | undefined>; body: string }> = [];
    // The bytes as sent: LINE signs them.
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    app.post('/webhooks/*', async (request) => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(request.headers))
        headers[name] = typeof value === 'string' ? value : undefined;
      received.push({ url: request.url, headers, body: String(request.body) });
      return {};
    });
    await app.register(simulatorRoutes(simulator), { prefix: '/simulator' });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    closers.push(async () => {
      await simulator.close();
      await app.close();
    });
    const vault = new ChannelSecretsVault(handle.db, testKeyring);

    expect(await attachSimulatedChannels(handle.db, simulator, baseUrl, vault.of)).toBe(4);

    const [telegram] = await listChannelAccountsOfType(handle.db, 'telegram');
    expect(telegram?.externalId).toBe(DEMO_TELEGRAM_BOT_ID);
    expect(telegram?.settings.apiUrl).toBe(`${baseUrl}/simulator`);
    const [page] = await listChannelAccountsOfType(handle.db, 'messenger');
    expect(page?.settings.graphUrl).toBe(`${baseUrl}/simulator`);
    expect(simulator.messenger.accounts().map((account) => account.accountId)).toEqual([
      DEMO_PAGE_ID,
      DEMO_INSTAGRAM_ID,
    ]);

    // The patient writes from Telegram: the Update goes to /webhooks/telegram/{account id} with the secret.
    const person = { key: '+33612345678', name: 'Marie Curie' };
    await simulator.telegram.patientActs(DEMO_TELEGRAM_BOT_ID, {
      person,
      action: { type: 'text', text: 'Bonjour' },
    });
    const delivery = received.at(-1);
    expect(delivery?.url).toBe(`/webhooks/telegram/${telegram?.id}`);
    const secrets = JSON.parse(
      JSON.stringify(await vault.of(telegram ?? { id: '', orgId: '', secrets: '' })),
    );
    expect(
      verifyTelegramSecret(
        { headers: delivery?.headers ?? {}, rawBody: Buffer.alloc(0) },
        secrets.secretToken,
      ),
    ).toEqual({ ok: true });

    // And from LINE: the event goes to /webhooks/line/{account id}, signed with the channel secret.
    const [line] = await listChannelAccountsOfType(handle.db, 'line');
    expect(line?.externalId).toBe(DEMO_LINE_BOT_USER_ID);
    expect(simulator.line.channels().map((c) => c.accountId)).toEqual([DEMO_LINE_BOT_USER_ID]);
    const lineSecrets = lineSecretsSchema.parse(await vault.of(line ?? { id: '', orgId: '', secrets: '' }));
    const sent = await simulator.line.patientActs(DEMO_LINE_BOT_USER_ID, {
      person,
      action: { type: 'text', text: 'こんにちは' },
    });
    expect(sent.httpStatus).toBe(200);
    expect(received.at(-1)?.url).toBe(`/webhooks/line/${line?.id}`);
    expect(
      verifyLineSignature(
        { headers: received.at(-1)?.headers ?? {}, rawBody: Buffer.from(received.at(-1)?.body ?? '') },
        lineSecrets.channelSecret,
      ),
    ).toEqual({ ok: true });

    // A second start on another port moves the accounts along.
    await attachSimulatedChannels(handle.db, simulator, 'http://127.0.0.1:1', vault.of);
    const [moved] = await listChannelAccountsOfType(handle.db, 'telegram');
    expect(moved?.settings.apiUrl).toBe('http://127.0.0.1:1/simulator');
    const [movedLine] = await listChannelAccountsOfType(handle.db, 'line');
    expect(movedLine?.settings.apiUrl).toBe('http://127.0.0.1:1/simulator');
  });
});
