import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterAccount, AdapterSendOptions, MediaFile } from '../channel-adapter.ts';
import { type OutboundMessage, outboundMessageSchema } from '../outbound-message.ts';
import { createTelegramAdapter, type TelegramSecrets, type TelegramSettings } from './telegram-adapter.ts';

/*
 * Sends over real HTTP to a stand-in for the Bot API on 127.0.0.1, answering in the Bot API's documented
 * shapes: `{ok:true, result}` or `{ok:false, error_code, description, parameters}`.
 */

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const PDF: MediaFile = {
  bytes: Buffer.from('%PDF-1.7 stand-in'),
  mimeType: 'application/pdf',
  fileName: 'letter.pdf',
};

interface Received {
  method: string;
  path: string;
  contentType: string;
  body: Buffer;
}

type Answer = { status: number; json?: unknown; raw?: string | Buffer; contentType?: string } | 'hang';

let server: Server;
let apiUrl: string;
let received: Received[] = [];
let answers: Answer[] = [];

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  answers = [];
});

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  received.push({
    method: request.method ?? '',
    path: request.url ?? '',
    contentType: request.headers['content-type'] ?? '',
    body: Buffer.concat(chunks),
  });
  const answer = answers.shift() ?? {
    status: 200,
    json: { ok: true, result: { message_id: 501, date: 1, chat: { id: 1, type: 'private' } } },
  };
  if (answer === 'hang') return;
  const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.raw ?? '');
  response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' });
  response.end(body);
}

const sleeps: number[] = [];
const adapter = createTelegramAdapter({
  timeoutMs: 500,
  now: () => new Date('2025-01-01T00:00:00.000Z'),
  sleep: async (ms) => {
    sleeps.push(ms);
  },
});

function account(
  overrides: Partial<TelegramSecrets> = {},
  settings: TelegramSettings = { apiUrl },
): AdapterAccount<TelegramSettings, TelegramSecrets> {
  return {
    id: 'acc_1',
    externalId: 'clinic_bot',
    settings,
    secrets: { botToken: TOKEN, secretToken: 's3cret', ...overrides },
  };
}

const sendOptions: AdapterSendOptions = {
  correlationId: 'msg_01',
  replyToExternalId: null,
  loadMedia: async () => PDF,
};

const send = (message: unknown, options: Partial<AdapterSendOptions> = {}, target = account()) =>
  adapter.outbound.send(
    target,
    { externalId: '7100000001' },
    outboundMessageSchema.parse(message) as OutboundMessage,
    {
      ...sendOptions,
      ...options,
    },
  );

describe('the Telegram adapter on the port', () => {
  it('is routed by path, has no window and names no account in a body', () => {
    expect(adapter.channel).toBe('telegram');
    expect(adapter.webhook.routing).toBe('path');
    expect(adapter.window).toEqual({ kind: 'none' });
    expect(adapter.webhook.accountKeys({ update_id: 1 })).toEqual([]);
    expect(adapter.capabilities.readReceipts).toBe(false);
    expect(adapter.outbound.markRead).toBeUndefined();
  });

  it('verifies with the account’s secret token and parses an update', () => {
    const request = { headers: { 'x-telegram-bot-api-secret-token': 's3cret' }, rawBody: Buffer.from('{}') };
    expect(adapter.webhook.verify(request, account().secrets)).toEqual({ ok: true });
    expect(adapter.webhook.verify(request, account({ secretToken: 'other' }).secrets).ok).toBe(false);
    const tap = {
      update_id: 1,
      callback_query: {
        id: 'q',
        from: { id: 1, is_bot: false, first_name: 'A' },
        data: 'd',
        chat_instance: 'c',
      },
    };
    expect(adapter.webhook.parse(tap)).toMatchObject([
      { type: 'button_reply', timestamp: '2025-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('sending over HTTP', () => {
  it('POSTs JSON to /bot{token}/sendMessage and returns Telegram’s message id qualified by its chat', async () => {
    const outcome = await send({ type: 'text', text: 'See you Monday' }, { replyToExternalId: '42' });
    expect(outcome).toEqual({ ok: true, externalId: '7100000001:501' });
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(call?.contentType).toBe('application/json');
    expect(JSON.parse(call?.body.toString() ?? '')).toEqual({
      chat_id: '7100000001',
      text: 'See you Monday',
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: 42, allow_sending_without_reply: true },
    });
  });

  it('uploads a Careline medium as multipart/form-data', async () => {
    const outcome = await send({ type: 'document', media: { mediaId: 'med_1' }, caption: 'Your letter' });
    expect(outcome).toEqual({ ok: true, externalId: '7100000001:501' });
    const [call] = received;
    expect(call?.path).toBe(`/bot${TOKEN}/sendDocument`);
    expect(call?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(call?.body, {
      headers: { 'content-type': call?.contentType ?? '' },
    }).formData();
    expect(form.get('chat_id')).toBe('7100000001');
    expect(form.get('caption')).toBe('Your letter');
    const file = form.get('document');
    if (!(file instanceof File)) throw new Error('no file part');
    expect(file.name).toBe('letter.pdf');
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.7 stand-in');
  });

  it('waits a short retry_after and sends once more', async () => {
    sleeps.length = 0;
    answers = [
      {
        status: 429,
        json: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 2',
          parameters: { retry_after: 2 },
        },
      },
    ];
    expect(await send({ type: 'text', text: 'hi' })).toEqual({ ok: true, externalId: '7100000001:501' });
    expect(sleeps).toEqual([2000]);
    expect(received).toHaveLength(2);
  });

  it('returns a long retry_after as retry, without waiting', async () => {
    sleeps.length = 0;
    answers = [
      {
        status: 429,
        json: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 35',
          parameters: { retry_after: 35 },
        },
      },
    ];
    expect(await send({ type: 'text', text: 'hi' })).toMatchObject({
      ok: false,
      disposition: 'retry',
      code: 429,
      reason: 'throttled_pair',
      title: 'Telegram flood control: retry after 35 s',
    });
    expect(sleeps).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it.each<[string, Answer, object]>([
    [
      'a blocked bot',
      {
        status: 403,
        json: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      },
      { disposition: 'fail', code: 403 },
    ],
    [
      'an unknown chat',
      { status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } },
      { disposition: 'fail', code: 400 },
    ],
    [
      'a refused token',
      { status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } },
      { disposition: 'fail', reason: 'token_invalid' },
    ],
    [
      'a migrated group',
      {
        status: 400,
        json: {
          ok: false,
          error_code: 400,
          description: 'Bad Request: group chat was upgraded to a supergroup chat',
          parameters: { migrate_to_chat_id: -100777 },
        },
      },
      { disposition: 'fail', detail: expect.stringContaining('-100777') },
    ],
    [
      'a gateway page',
      { status: 502, raw: '<html>Bad Gateway</html>', contentType: 'text/html' },
      { disposition: 'retry', code: 502 },
    ],
    [
      'an unreadable 500',
      { status: 500, raw: 'oops', contentType: 'text/plain' },
      { disposition: 'unknown' },
    ],
    ['no answer in time', 'hang', { disposition: 'unknown', title: 'Telegram did not answer within 500 ms' }],
  ])('classifies %s, and never says the token', async (_, answer, outcome) => {
    answers = [answer];
    const result = await send({ type: 'text', text: 'hi' });
    expect(result).toMatchObject({ ok: false, ...outcome });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(JSON.stringify(result)).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
  });

  it('reports a server that cannot be reached as retry, without the token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await send(
      { type: 'text', text: 'hi' },
      {},
      account({}, { apiUrl: `http://127.0.0.1:${port}` }),
    );
    expect(result).toMatchObject({ ok: false, disposition: 'retry' });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('refuses an API URL it cannot use, without the token', async () => {
    const result = await send(
      { type: 'text', text: 'hi' },
      {},
      account({}, { apiUrl: `not a url ${TOKEN}` }),
    );
    expect(result).toMatchObject({ ok: false, disposition: 'fail' });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('refuses a token that could change the URL, before any call', async () => {
    const result = await send({ type: 'text', text: 'hi' }, {}, account({ botToken: '1:abc/../../evil?x=' }));
    expect(result).toMatchObject({ ok: false, disposition: 'fail', reason: 'token_invalid' });
    expect(received).toHaveLength(0);
  });

  it('refuses a recipient that is not a chat id, and a template, before any call', async () => {
    const toNobody = await adapter.outbound.send(
      account(),
      { externalId: '../getMe' },
      { type: 'text', text: 'hi' },
      sendOptions,
    );
    expect(toNobody).toMatchObject({
      ok: false,
      disposition: 'fail',
      title: 'the recipient is not a Telegram chat id',
    });
    expect(await send({ type: 'template', name: 'reminder', language: 'en' })).toMatchObject({
      ok: false,
      disposition: 'fail',
      detail: expect.stringContaining('type: Telegram has no message templates'),
    });
    expect(received).toHaveLength(0);
  });

  it('gives a reaction an id of ours, since Telegram answers `true`', async () => {
    answers = [{ status: 200, json: { ok: true, result: true } }];
    const outcome = await send({
      type: 'reaction',
      targetMessageId: 'm',
      targetExternalId: '311',
      emoji: '👍',
    });
    expect(outcome).toEqual({ ok: true, externalId: 'careline.telegram.msg_01' });
    expect(received[0]?.path).toBe(`/bot${TOKEN}/setMessageReaction`);
  });
});

describe('downloading media over HTTP', () => {
  const getFile = (result: object): Answer => ({
    status: 200,
    json: { ok: true, result: { file_id: 'F1', file_unique_id: 'u', ...result } },
  });

  it('asks getFile for the path, then fetches /file/bot{token}/{path}', async () => {
    answers = [
      getFile({ file_size: 17, file_path: 'voice/file_3.oga' }),
      { status: 200, raw: Buffer.from('OggS stand-in'), contentType: 'application/octet-stream' },
    ];
    const download = await adapter.outbound.downloadMedia(account(), { id: 'F1', url: null });
    expect(download).toEqual({
      ok: true,
      bytes: Buffer.from('OggS stand-in'),
      mimeType: 'audio/ogg',
      fileName: 'file_3.oga',
    });
    expect(received.map((call) => `${call.method} ${call.path}`)).toEqual([
      `POST /bot${TOKEN}/getFile`,
      `GET /file/bot${TOKEN}/voice/file_3.oga`,
    ]);
    expect(JSON.parse(received[0]?.body.toString() ?? '')).toEqual({ file_id: 'F1' });
  });

  it('refuses a file over 20 MB without fetching it', async () => {
    answers = [getFile({ file_size: 21 * 1024 * 1024, file_path: 'documents/big.pdf' })];
    expect(await adapter.outbound.downloadMedia(account(), { id: 'F1', url: null })).toMatchObject({
      ok: false,
      disposition: 'fail',
    });
    expect(received).toHaveLength(1);
  });

  it.each<[string, Answer]>([
    ['labelled HTML', { status: 200, raw: '<p>login</p>', contentType: 'text/html; charset=utf-8' }],
    [
      'unlabelled HTML',
      { status: 200, raw: '<!DOCTYPE html><html></html>', contentType: 'application/octet-stream' },
    ],
  ])('refuses %s where a file was expected', async (_, page) => {
    answers = [getFile({ file_path: 'photos/file_1.jpg' }), page];
    expect(await adapter.outbound.downloadMedia(account(), { id: 'F1', url: null })).toEqual({
      ok: false,
      disposition: 'fail',
      title: 'an HTML page came back where a file was expected',
    });
  });

  it('refuses a medium without a file id, and never says the token', async () => {
    expect(await adapter.outbound.downloadMedia(account(), { id: null, url: 'https://x' })).toMatchObject({
      ok: false,
      disposition: 'fail',
    });
    answers = [{ status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } }];
    const refused = await adapter.outbound.downloadMedia(account(), { id: 'F1', url: null });
    expect(refused).toMatchObject({ ok: false, disposition: 'fail' });
    expect(JSON.stringify(refused)).not.toContain(TOKEN);
  });
});
