import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterSendOptions } from '../channel-adapter.ts';
import { readViberJson } from './read-viber-json.ts';
import { signViberBody, verifyViberSignature } from './verify-viber-signature.ts';
import { createViberAdapter } from './viber-adapter.ts';
import { startViberApiStandIn, type ViberApiStandIn } from './viber-api-stand-in.test-support.ts';
import { classifyViberStatus } from './viber-error-policy.ts';

const TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec5f1a6ce5e81a';
const USER = 'pttm25kSGUo1919sBORWyA==';
const options: AdapterSendOptions = {
  correlationId: 'm-1',
  replyToExternalId: null,
  loadMedia: () => Promise.reject(new Error('no media')),
};

describe('readViberJson', () => {
  it('keeps a message_token beyond 2^53 as its digits, and small numbers as numbers', () => {
    const body = readViberJson('{"message_token":4912661846655238145,"timestamp":1457764197627,"lat":50.5}');
    expect(body).toEqual({ message_token: '4912661846655238145', timestamp: 1457764197627, lat: 50.5 });
    expect(JSON.parse('{"t":4912661846655238145}').t).not.toBe(4912661846655238145n.toString());
  });
});

describe('verifyViberSignature', () => {
  const raw = Buffer.from('{"event":"message","message_token":4912661846655238145}');
  const request = (signature: string | undefined) => ({
    headers: { 'X-Viber-Content-Signature': signature },
    rawBody: raw,
  });

  it('takes the hex HMAC-SHA256 of the exact bytes keyed by the auth token, in either case', () => {
    expect(verifyViberSignature(request(signViberBody(raw, TOKEN)), TOKEN)).toEqual({ ok: true });
    expect(verifyViberSignature(request(signViberBody(raw, TOKEN).toUpperCase()), TOKEN)).toEqual({
      ok: true,
    });
  });

  it('refuses another token’s signature, a changed body, a missing or malformed header, an empty token', () => {
    expect(verifyViberSignature(request(signViberBody(raw, `${TOKEN}x`)), TOKEN).ok).toBe(false);
    const changed = { ...request(signViberBody(raw, TOKEN)), rawBody: Buffer.from(`${raw} `) };
    expect(verifyViberSignature(changed, TOKEN).ok).toBe(false);
    expect(verifyViberSignature(request(undefined), TOKEN)).toEqual({
      ok: false,
      reason: 'the X-Viber-Content-Signature header is missing',
    });
    expect(verifyViberSignature(request('sha256=abc'), TOKEN).ok).toBe(false);
    expect(verifyViberSignature(request(signViberBody(raw, '')), '').ok).toBe(false);
  });
});

describe('the Viber adapter', () => {
  const adapter = createViberAdapter();
  let api: ViberApiStandIn;
  beforeAll(async () => {
    api = await startViberApiStandIn({ token: TOKEN });
  });
  afterAll(() => api?.close());
  const account = (settings: Record<string, unknown> = {}) => ({
    id: 'acc',
    externalId: 'pa:1',
    settings: { apiUrl: api.url, ...settings },
    secrets: { authToken: TOKEN },
  });

  it('has the 24-hour session as its window, and none where the account enabled bot-initiated messages', () => {
    expect(adapter.window).toEqual({ kind: 'session', hours: 24, after: 'nothing' });
    expect(adapter.windowOf?.({})).toEqual({ kind: 'session', hours: 24, after: 'nothing' });
    expect(adapter.windowOf?.({ botInitiated: true })).toEqual({ kind: 'none' });
    expect(adapter.capabilities.media).toEqual({});
  });

  it('answers conversation_started with the clinic’s welcome only when it set one', () => {
    const started = adapter.webhook.parse(
      readViberJson('{"event":"conversation_started","timestamp":1,"message_token":5,"user":{"id":"u1"}}'),
    );
    expect(
      adapter.webhook.answer?.(started, {
        settings: { welcomeMessage: 'Bienvenue !', senderName: 'Clinique' },
      }),
    ).toEqual({
      sender: { name: 'Clinique' },
      type: 'text',
      text: 'Bienvenue !',
    });
    expect(adapter.webhook.answer?.(started, { settings: {} })).toBeNull();
    const message = adapter.webhook.parse(
      readViberJson(
        '{"event":"message","timestamp":1,"message_token":6,"sender":{"id":"u1"},"message":{"type":"text","text":"x"}}',
      ),
    );
    expect(adapter.webhook.answer?.(message, { settings: { welcomeMessage: 'Bienvenue !' } })).toBeNull();
  });

  it('sends a list as a keyboard of reply buttons, its ids in the tracking data, and keeps the 64-bit token', async () => {
    const sent = await adapter.outbound.send(
      account({ senderName: 'Clinique' }),
      { externalId: USER },
      {
        type: 'list',
        body: 'Quel créneau ?',
        buttonLabel: 'Choisir',
        sections: [
          {
            rows: [
              { id: 'slot:1', title: 'Lundi 9h' },
              { id: 'slot:2', title: 'Mardi 14h' },
            ],
          },
        ],
      },
      options,
    );
    expect(sent).toEqual({ ok: true, externalId: expect.stringMatching(/^57413118035718\d{5}$/) });
    expect(api.calls.at(-1)?.body).toEqual({
      receiver: USER,
      sender: { name: 'Clinique' },
      type: 'text',
      text: 'Quel créneau ?',
      keyboard: {
        Type: 'keyboard',
        DefaultHeight: false,
        Buttons: [
          { ActionType: 'reply', ActionBody: 'slot:1', Text: 'Lundi 9h', Silent: true },
          { ActionType: 'reply', ActionBody: 'slot:2', Text: 'Mardi 14h', Silent: true },
        ],
      },
      tracking_data: 'careline:buttons:["slot:1","slot:2"]',
    });
  });

  it('refuses a file before any call: Careline has no public URL for Viber to fetch it from', async () => {
    const calls = api.calls.length;
    const image = { type: 'image', media: { mediaId: 'm1' } } as const;
    expect(adapter.outbound.check(image)).toEqual([
      { field: 'type', limit: 'Viber cannot send a image message from Careline', actual: 'image' },
    ]);
    expect(await adapter.outbound.send(account(), { externalId: USER }, image, options)).toMatchObject({
      ok: false,
      disposition: 'fail',
    });
    expect(api.calls.length).toBe(calls);
  });

  it('reads Viber’s statuses: not subscribed fails, rate control is retried, a bad token is for an operator', async () => {
    api.answerNext('send_message', { status: 6, status_message: 'notSubscribed' });
    expect(
      await adapter.outbound.send(account(), { externalId: USER }, { type: 'text', text: 'x' }, options),
    ).toEqual({
      ok: false,
      disposition: 'fail',
      code: 6,
      title:
        'the patient has not subscribed to this Viber account (or unsubscribed): they must write to it first',
      detail: 'notSubscribed',
    });
    const status = (code: number) =>
      classifyViberStatus({
        kind: 'api_response',
        channel: 'viber',
        ok: false,
        status: code,
        statusMessage: null,
      });
    expect(status(12)).toMatchObject({ disposition: 'retry', reason: 'throttled_number' });
    expect(status(2)).toMatchObject({ disposition: 'fail', reason: 'token_invalid' });
    expect(status(23)).toMatchObject({ disposition: 'fail' });
    expect(status(99)).toMatchObject({ disposition: 'retry' });
  });

  it('a Viber server that cannot be reached is retried; a patient without a Viber id is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = { ...account(), settings: { apiUrl: `http://127.0.0.1:${port}` } };
    expect(
      await adapter.outbound.send(unreachable, { externalId: USER }, { type: 'text', text: 'x' }, options),
    ).toMatchObject({
      ok: false,
      disposition: 'retry',
      title: 'Viber could not be reached (ECONNREFUSED)',
    });
    expect(
      await adapter.outbound.send(account(), { externalId: null }, { type: 'text', text: 'x' }, options),
    ).toMatchObject({
      ok: false,
      title: 'the patient has no Viber user id',
    });
  });

  it('will not fetch a patient’s file from an internal address for an account on Viber’s own server', async () => {
    const viberHosted = { ...account(), settings: {} };
    expect(
      await adapter.outbound.downloadMedia(viberHosted, {
        id: null,
        url: 'http://127.0.0.1:8080/admin',
        kind: 'image',
      }),
    ).toMatchObject({ ok: false, disposition: 'fail' });
    expect(
      await adapter.outbound.downloadMedia(viberHosted, {
        id: null,
        url: 'https://10.0.0.5/x.jpg',
        kind: 'image',
      }),
    ).toEqual({ ok: false, disposition: 'fail', title: 'the attachment URL points at an internal address' });
  });
});
