import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BotApiStandIn,
  startBotApiStandIn,
} from '../../src/channels/telegram/bot-api-stand-in.test-support.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, getJson, type Json, newPhone, patientWrites } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

const BOT = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const OTHER_BOT = '7000000002:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const UNKNOWN_BOT = '7000000009:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe.each(TEST_ENGINES)('settings: the clinic’s channels (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  let botApi: BotApiStandIn;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
    botApi = await startBotApiStandIn({ tokens: [BOT, OTHER_BOT], allowHttp: true });
  });
  afterAll(async () => {
    await env?.close();
    await botApi?.close();
  });

  const addTelegram = (of: TestClinic, botToken: string, extra: Json = {}) =>
    call(env, of, 'POST', '/channels', {
      type: 'telegram',
      settings: { apiUrl: botApi.url },
      secrets: { botToken },
      ...extra,
    });

  test('a Telegram bot is added: its webhook is registered with Telegram, the bot id is its external id', async () => {
    const added = await addTelegram(clinic, BOT, { name: 'Bot de la clinique' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const id = String(added.body.id);
    expect(added.body).toMatchObject({
      type: 'telegram',
      name: 'Bot de la clinique',
      external_id: '7000000001',
      webhook_url: `${env.url}/webhooks/telegram/${id}`,
      default_team: null,
    });
    const webhook = botApi.webhooks.get(BOT);
    expect(webhook).toMatchObject({
      url: `${env.url}/webhooks/telegram/${id}`,
      allowedUpdates: ['message', 'edited_message', 'callback_query', 'message_reaction', 'my_chat_member'],
    });
    // Careline made the secret token Telegram sends back; it is never answered.
    expect(webhook?.secretToken).toMatch(/^[\w-]{43}$/);
    const listed = JSON.stringify(await getJson(env, clinic, '/channels'));
    expect(listed).toContain(id);
    expect(listed).not.toContain(BOT.split(':')[1]);
    expect(listed).not.toContain(String(webhook?.secretToken));

    // The same bot again, here or in another clinic: 409, and its webhook is left where it was.
    for (const of of [clinic, other]) {
      const again = await addTelegram(of, BOT);
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain('already connected');
    }
    expect(botApi.webhooks.get(BOT)?.url).toBe(`${env.url}/webhooks/telegram/${id}`);
  });

  test('the list shows each channel’s type, webhook URL, capabilities and window, and never a secret', async () => {
    const { data } = await getJson<{ data: Json[] }>(env, clinic, '/channels');
    const whatsapp = data.find((c) => c.id === clinic.account.id);
    expect(whatsapp).toMatchObject({
      type: 'whatsapp',
      external_id: clinic.number.phoneNumberId,
      state: 'active',
      webhook_url: `${env.url}/webhooks/whatsapp`,
      window: { kind: 'session', hours: 24, after: 'templates' },
    });
    expect(whatsapp?.capabilities).toMatchObject({ textLength: 4096 });
    const text = JSON.stringify(data);
    for (const secret of [clinic.number.accessToken, clinic.number.appSecret, clinic.number.verifyToken]) {
      expect(text).not.toContain(secret);
    }
    expect(data.some((c) => c.id === other.account.id)).toBe(false);
  });

  test('Messenger and Instagram take the Page / account id given; bad input names its field', async () => {
    const secrets = {
      pageAccessToken: 'EAAG-page-token',
      appSecret: 'app-secret-1',
      verifyToken: 'verify-me-1',
    };
    const messenger = await call(env, clinic, 'POST', '/channels', {
      type: 'messenger',
      external_id: '104567890123456',
      secrets,
    });
    expect(messenger.status).toBe(201);
    expect(messenger.body).toMatchObject({
      name: 'Messenger 104567890123456',
      external_id: '104567890123456',
      webhook_url: `${env.url}/webhooks/messenger`,
    });
    const instagram = await call(env, clinic, 'POST', '/channels', {
      type: 'instagram',
      name: 'Instagram @clinique',
      external_id: '17841400000000001',
      secrets,
    });
    expect(instagram.status).toBe(201);
    expect(instagram.body.webhook_url).toBe(`${env.url}/webhooks/instagram`);

    for (const [body, field] of [
      [{ type: 'messenger', external_id: 'page-name', secrets }, 'body.external_id'],
      [
        { type: 'messenger', external_id: '1', secrets: { ...secrets, appSecret: '' } },
        'body.secrets.appSecret',
      ],
      [{ type: 'telegram', secrets: { botToken: 'not a token' } }, 'body.secrets.botToken'],
      [
        { type: 'telegram', secrets: { botToken: BOT, secretToken: 'has spaces' } },
        'body.secrets.secretToken',
      ],
      [
        { type: 'telegram', settings: { apiUrl: 'ftp://x' }, secrets: { botToken: BOT } },
        'body.settings.apiUrl',
      ],
      [{ type: 'line', secrets: { channelSecret: '' } }, 'body.secrets.channelSecret'],
      [{ type: 'viber', secrets: {} }, 'body.secrets.authToken'],
      [{ type: 'viber', secrets: { authToken: 'not a token' } }, 'body.secrets.authToken'],
    ] as const) {
      const refused = await call(env, clinic, 'POST', '/channels', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errors, JSON.stringify(refused.body)).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    }
  });

  test('a token Telegram refuses stores nothing and says why, without the token', async () => {
    const refused = await addTelegram(clinic, UNKNOWN_BOT);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('Telegram refused the bot token');
    expect(JSON.stringify(refused.body)).not.toContain(UNKNOWN_BOT.split(':')[1]);
    const { data } = await getJson<{ data: Json[] }>(env, clinic, '/channels');
    expect(data.some((c) => c.external_id === '7000000009')).toBe(false);
  });

  test('rename, new secrets (the webhook registered again), another bot’s token refused; each change audited', async () => {
    const added = await addTelegram(clinic, OTHER_BOT);
    const id = String(added.body.id);
    const renamed = await call(env, clinic, 'PATCH', `/channels/${id}`, { name: '  Accueil Telegram ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Accueil Telegram');

    const before = botApi.webhooks.get(OTHER_BOT)?.secretToken;
    const rotated = await call(env, clinic, 'PATCH', `/channels/${id}`, {
      secrets: { botToken: OTHER_BOT, secretToken: 'new_secret-token' },
    });
    expect(rotated.status).toBe(200);
    expect(botApi.webhooks.get(OTHER_BOT)?.secretToken).toBe('new_secret-token');
    expect(before).not.toBe('new_secret-token');

    const anotherBot = await call(env, clinic, 'PATCH', `/channels/${id}`, { secrets: { botToken: BOT } });
    expect(anotherBot.status).toBe(400);
    expect(anotherBot.body.errors).toEqual([expect.objectContaining({ field: 'body.secrets.botToken' })]);
    expect((await call(env, clinic, 'PATCH', `/channels/${id}`, {})).status).toBe(400);
    expect((await call(env, clinic, 'PATCH', `/channels/${id}`, { name: '' })).status).toBe(400);

    const admin = await addStaff(env, clinic, { name: 'Alice Admin', role: 'admin' });
    const browser = await signIn(env, (await adminEmail(admin.id)) ?? '');
    expect((await browser.call('PATCH', `/channels/${id}`, { name: 'Telegram' })).status).toBe(200);
    const audit = await browser.call('GET', '/audit?limit=20');
    const changes = (audit.body.data as Json[]).filter((e) =>
      (e.entity as Json[]).some((x) => (x.what as Json).reference === `ChannelAccount/${id}`),
    );
    expect(changes.map((e) => (e.subtype as Json[])[0]?.code)).toEqual([
      'channel-rename',
      'channel-secrets',
      'channel-rename',
      'channel-add',
    ]);
    expect(changes.map((e) => e.action)).toEqual(['U', 'U', 'U', 'C']);
    expect(changes[0]?.agent).toEqual([
      expect.objectContaining({ who: expect.objectContaining({ reference: `Practitioner/${admin.id}` }) }),
    ]);
  });

  test('removing: an unused channel goes; one with conversations is refused with the reason', async () => {
    const spare = await call(env, clinic, 'POST', '/channels', {
      type: 'instagram',
      external_id: '17841400000000099',
      secrets: { pageAccessToken: 'tok-tok-tok', appSecret: 'sec-sec-sec', verifyToken: 'ver-ver-ver' },
    });
    const id = String(spare.body.id);
    expect((await call(env, other, 'DELETE', `/channels/${id}`)).status).toBe(404);
    expect((await call(env, clinic, 'DELETE', `/channels/${id}`)).status).toBe(204);
    expect((await call(env, clinic, 'DELETE', `/channels/${id}`)).status).toBe(404);

    await patientWrites(env, clinic, newPhone(), 'Bonjour');
    await env.settle();
    const inUse = await call(env, clinic, 'DELETE', `/channels/${clinic.account.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.detail).toContain('conversations');
    expect((await getJson<{ data: Json[] }>(env, clinic, '/channels')).data.map((c) => c.id)).toContain(
      clinic.account.id,
    );
  });

  test('another clinic’s channel is not found; agents list channels but cannot change them', async () => {
    const theirs = other.account.id;
    expect((await call(env, clinic, 'PATCH', `/channels/${theirs}`, { name: 'Volé' })).status).toBe(404);
    expect((await call(env, clinic, 'DELETE', `/channels/${theirs}`)).status).toBe(404);

    const agent = await addStaff(env, clinic, { name: 'Bruno Accueil', role: 'agent' });
    const browser = await signIn(env, (await adminEmail(agent.id)) ?? '');
    expect((await browser.call('GET', '/channels')).status).toBe(200);
    expect(
      (await browser.call('POST', '/channels', { type: 'telegram', secrets: { botToken: BOT } })).status,
    ).toBe(403);
    expect((await browser.call('PATCH', `/channels/${clinic.account.id}`, { name: 'x' })).status).toBe(403);
    expect((await browser.call('DELETE', `/channels/${clinic.account.id}`)).status).toBe(403);
  });

  async function adminEmail(userId: string): Promise<string | undefined> {
    const { data } = await getJson<{ data: Json[] }>(env, clinic, '/users');
    return data.find((u) => u.id === userId)?.email as string | undefined;
  }
});
