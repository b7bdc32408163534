import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterSendOptions } from '../../channels/channel-adapter.ts';
import { createLineAdapter } from '../../channels/line/line-adapter.ts';
import { fetchLineBotInfo } from '../../channels/line/line-bot-info.ts';
import { fetchLineQuota, wouldExceedQuota } from '../../channels/line/line-quota.ts';
import { startRawWebhookReceiver } from '../raw-webhook-receiver.test-support.ts';
import { type RunningSimulator, startSimulatorServer } from '../simulator-server.ts';

/*
 * The LINE stand-in against Careline's LINE adapter over real HTTP on 127.0.0.1: the patient's events
 * arrive signed as LINE signs them and parse; replies use the event's reply token once, pushes follow;
 * tokens, retry keys, message objects and content are checked as LINE checks them.
 */

const SECRET = '8a7f9c0e4b2d6f1a3c5e7b9d0f2a4c6e';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.StandInLineToken+/abc=';
const person = { key: '+81312345678' };

let sim: RunningSimulator;
let botId: string;
let receiver: Awaited<ReturnType<typeof startRawWebhookReceiver>>;
let clock = new Date('2025-01-06T09:00:00.000Z');

const options = (correlationId: string): AdapterSendOptions => ({
  correlationId,
  replyToExternalId: null,
  loadMedia: () => Promise.reject(new Error('no media')),
});

beforeAll(async () => {
  receiver = await startRawWebhookReceiver();
  sim = await startSimulatorServer({
    port: 0,
    now: () => clock,
    webhookRetry: { initialDelayMs: 10, maxAttempts: 2 },
  });
  botId = sim.simulator.line.registerChannel({
    channelSecret: SECRET,
    channelAccessToken: TOKEN,
    name: 'Clinique',
  }).accountId;
});

afterAll(async () => {
  await sim.close();
  await receiver.close();
});

beforeEach(() => {
  clock = new Date(clock.getTime() + 3_600_000);
});

const secrets = { channelSecret: SECRET, channelAccessToken: TOKEN };
const account = () => ({ id: 'acc-line', externalId: botId, settings: { apiUrl: sim.url }, secrets });

describe('LINE stand-in × createLineAdapter', () => {
  const adapter = createLineAdapter({ now: () => clock });

  it('names the bot in /v2/bot/info, and takes the webhook endpoint by PUT', async () => {
    const http = { fetch, apiUrl: sim.url, dataApiUrl: sim.url, timeoutMs: 5000 };
    expect(await fetchLineBotInfo(http, TOKEN)).toMatchObject({
      ok: true,
      userId: botId,
      displayName: 'Clinique',
    });
    expect(await fetchLineBotInfo(http, 'another-token-0123456789')).toMatchObject({ ok: false });
    expect(await adapter.registerWebhook?.(account(), `${receiver.url}/webhooks/line/acc-line`)).toEqual({
      ok: true,
    });
  });

  it('delivers the patient’s text signed with the channel secret; the reply uses its token, then pushes', async () => {
    const acted = await sim.simulator.line.patientActs(botId, {
      person,
      action: { type: 'text', text: 'こんにちは、予約の確認です' },
    });
    expect(acted.httpStatus).toBe(200);
    const delivery = receiver.received.at(-1);
    if (!delivery) throw new Error('nothing delivered');
    expect(delivery.path).toBe('/webhooks/line/acc-line');
    expect(adapter.webhook.verify({ headers: delivery.headers, rawBody: delivery.rawBody }, secrets)).toEqual(
      {
        ok: true,
      },
    );
    const [event] = adapter.webhook.parse(JSON.parse(delivery.rawBody.toString('utf8')));
    const userId = sim.simulator.line.userIdOf(person.key) ?? '';
    expect(event).toMatchObject({
      kind: 'message',
      accountId: botId,
      externalId: acted.messageId,
      from: { id: userId },
      text: 'こんにちは、予約の確認です',
      replyToken: acted.replyToken,
    });

    const reply = await adapter.outbound.send(
      account(),
      { externalId: userId },
      { type: 'text', text: 'はい' },
      options('m-1'),
    );
    const push = await adapter.outbound.send(
      account(),
      { externalId: userId },
      {
        type: 'buttons',
        body: '明日 10 時でよろしいですか？',
        buttons: [
          { id: 'yes', title: 'はい' },
          { id: 'no', title: 'いいえ' },
        ],
      },
      options('m-2'),
    );
    expect(reply).toMatchObject({
      ok: true,
      externalId: expect.stringMatching(new RegExp(`^${userId}:\\d+$`)),
    });
    expect(push.ok).toBe(true);
    const bot = sim.simulator.line.conversation(botId, person.key).filter((entry) => entry.side === 'bot');
    expect(bot.map((entry) => [entry.via, entry.message.type])).toEqual([
      ['reply', 'text'],
      ['push', 'template'],
    ]);
    expect(sim.simulator.line.pushCount(botId)).toBe(1);
  });

  it('refuses a reply token used or expired with "Invalid reply token"; the adapter pushes instead', async () => {
    const acted = await sim.simulator.line.patientActs(botId, {
      person,
      action: { type: 'postback', data: 'yes' },
    });
    const delivery = receiver.received.at(-1);
    if (!delivery) throw new Error('nothing delivered');
    const userId = sim.simulator.line.userIdOf(person.key) ?? '';
    const [tap] = adapter.webhook.parse(JSON.parse(delivery.rawBody.toString('utf8')));
    expect(tap).toMatchObject({
      kind: 'message',
      type: 'button_reply',
      reply: { id: 'yes' },
      externalId: acted.webhookEventId,
    });
    // LINE took longer than the adapter thought: its token expired at LINE already.
    clock = new Date(clock.getTime() + 61_000);
    const late = createLineAdapter({ now: () => new Date(clock.getTime() - 61_000) });
    late.webhook.parse(JSON.parse(delivery.rawBody.toString('utf8')));
    const before = sim.simulator.line.pushCount(botId);
    expect(
      await late.outbound.send(
        account(),
        { externalId: userId },
        { type: 'text', text: 'OK' },
        options('m-3'),
      ),
    ).toMatchObject({ ok: true });
    expect(sim.simulator.line.pushCount(botId)).toBe(before + 1);
  });

  it('accepts a push tried again with the same retry key once (409 the second time), as sent', async () => {
    const userId = sim.simulator.line.userIdOf(person.key) ?? '';
    const message = { type: 'text', text: 'Rappel' } as const;
    const first = await adapter.outbound.send(account(), { externalId: userId }, message, options('m-retry'));
    const again = await adapter.outbound.send(account(), { externalId: userId }, message, options('m-retry'));
    expect(first.ok).toBe(true);
    expect(again).toEqual({ ok: true, externalId: 'careline.line.m-retry' });
  });

  it('refuses a wrong token (401, token_invalid) and an unknown user (400 with details)', async () => {
    const wrong = { ...account(), secrets: { ...secrets, channelAccessToken: 'wrong-token-0123456789' } };
    const userId = sim.simulator.line.userIdOf(person.key) ?? '';
    expect(
      await adapter.outbound.send(wrong, { externalId: userId }, { type: 'text', text: 'x' }, options('m-4')),
    ).toMatchObject({ ok: false, disposition: 'fail', code: 401, reason: 'token_invalid' });
    expect(
      await adapter.outbound.send(
        account(),
        { externalId: `U${'0'.repeat(32)}` },
        { type: 'text', text: 'x' },
        options('m-5'),
      ),
    ).toMatchObject({ ok: false, disposition: 'fail', code: 400, detail: 'to: Invalid user id' });
  });

  it('serves what the patient sent from the content endpoint', async () => {
    const acted = await sim.simulator.line.patientActs(botId, {
      person,
      action: { type: 'image', bytes: Buffer.from('JPEG!').toString('base64'), mimeType: 'image/jpeg' },
    });
    const delivery = receiver.received.at(-1);
    if (!delivery) throw new Error('nothing delivered');
    const [event] = adapter.webhook.parse(JSON.parse(delivery.rawBody.toString('utf8')));
    if (event?.kind !== 'message') throw new Error('not a message');
    const media = event.media[0];
    expect(media).toMatchObject({ kind: 'image', id: acted.messageId, provider: 'line' });
    expect(
      await adapter.outbound.downloadMedia(account(), { id: media?.id ?? null, url: null, kind: 'image' }),
    ).toEqual({
      ok: true,
      bytes: Buffer.from('JPEG!'),
      mimeType: 'image/jpeg',
      fileName: null,
    });
  });

  it('delivers follow and unfollow; a push to a person who blocked is accepted and delivers nothing', async () => {
    await sim.simulator.line.patientActs(botId, { person, action: { type: 'unfollow' } });
    const delivery = receiver.received.at(-1);
    if (!delivery) throw new Error('nothing delivered');
    expect(adapter.webhook.parse(JSON.parse(delivery.rawBody.toString('utf8')))).toMatchObject([
      { kind: 'lifecycle', event: 'unfollow', replyToken: null },
    ]);
    const userId = sim.simulator.line.userIdOf(person.key) ?? '';
    const before = sim.simulator.line.conversation(botId, person.key).length;
    const outcome = await adapter.outbound.send(
      account(),
      { externalId: userId },
      { type: 'text', text: 'x' },
      options('m-6'),
    );
    expect(outcome).toEqual({ ok: true, externalId: 'careline.line.m-6' });
    expect(sim.simulator.line.conversation(botId, person.key)).toHaveLength(before);
  });
});

describe('the control API for LINE', () => {
  it('registers a channel and lets a patient write through /_sim/apps/line', async () => {
    const created = await fetch(`${sim.url}/_sim/apps/line/channels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelSecret: 'c0ffee00c0ffee00c0ffee00c0ffee00',
        channelAccessToken: 'control-api-line-token-0123',
        name: 'Cabinet',
        webhookUrl: `${receiver.url}/webhooks/line/control`,
      }),
    });
    expect(created.status).toBe(201);
    const { account } = (await created.json()) as { account: { app: string; accountId: string } };
    expect(account).toMatchObject({ app: 'line', accountId: expect.stringMatching(/^U[0-9a-f]{32}$/) });
    const acted = await fetch(`${sim.url}/_sim/apps/line/${account.accountId}/patient-actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ person: { key: 'hanako' }, action: { type: 'text', text: 'もしもし' } }),
    });
    expect(acted.status).toBe(200);
    expect(await acted.json()).toMatchObject({ httpStatus: 200, messageId: expect.stringMatching(/^\d+$/) });
    expect(receiver.received.at(-1)?.path).toBe('/webhooks/line/control');
    const bad = await fetch(`${sim.url}/_sim/apps/line/${account.accountId}/patient-actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ person: { key: 'hanako' }, action: { type: 'dance' } }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('the monthly push quota', () => {
  it('is read from /quota and /quota/consumption; 80 % warns; a push past it is refused as LINE does', async () => {
    const token = 'quota-channel-token-0123456789';
    const channelId = sim.simulator.line.registerChannel({
      channelSecret: 'feedfacefeedfacefeedfacefeedface',
      channelAccessToken: token,
      monthlyQuota: 5,
    }).accountId;
    const quotaAccount = {
      id: 'acc-quota',
      externalId: channelId,
      settings: { apiUrl: sim.url },
      secrets: { channelSecret: 'feedfacefeedfacefeedfacefeedface', channelAccessToken: token },
    };
    const http = { fetch, apiUrl: sim.url, dataApiUrl: sim.url, timeoutMs: 5000 };
    const adapter = createLineAdapter({ now: () => clock });
    await sim.simulator.line.patientActs(channelId, {
      person: { key: 'quota-person' },
      action: { type: 'follow' },
    });
    const userId = sim.simulator.line.userIdOf('quota-person') ?? '';
    expect(await fetchLineQuota(http, token)).toEqual({ ok: true, limit: 5, used: 0, warning: false });
    for (const n of [1, 2, 3, 4]) {
      const sent = await adapter.outbound.send(
        quotaAccount,
        { externalId: userId },
        { type: 'text', text: `${n}` },
        options(`q-${n}`),
      );
      expect(sent.ok).toBe(true);
    }
    const quota = await fetchLineQuota(http, token);
    expect(quota).toEqual({ ok: true, limit: 5, used: 4, warning: true });
    if (!quota.ok) throw new Error('no quota');
    expect(wouldExceedQuota(quota, 1)).toBe(false);
    expect(wouldExceedQuota(quota, 2)).toBe(true);
    await adapter.outbound.send(
      quotaAccount,
      { externalId: userId },
      { type: 'text', text: '5' },
      options('q-5'),
    );
    expect(
      await adapter.outbound.send(
        quotaAccount,
        { externalId: userId },
        { type: 'text', text: '6' },
        options('q-6'),
      ),
    ).toMatchObject({ ok: false, disposition: 'fail', code: 429, title: expect.stringContaining('monthly') });
  });
});
