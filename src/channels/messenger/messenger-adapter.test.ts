import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterAccount, AdapterSendOptions } from '../channel-adapter.ts';
import { fetchProfileName } from './fetch-profile-name.ts';
import {
  createMessengerAdapter,
  type MessengerSecrets,
  type MessengerSettings,
} from './messenger-adapter.ts';
import { graphAccessOf } from './messenger-graph-access.ts';

/*
 * The adapter over real HTTP, against a stand-in for the Graph API on 127.0.0.1 that answers the way
 * Meta documents the Send API: `{recipient_id, message_id}` on success, `{error: {message, type, code,
 * error_subcode, fbtrace_id}}` with a 4xx otherwise. The stand-in also serves attachment files.
 */

const TOKEN = 'EAAGtestPageAccessToken1234567890';
const PSID = '7345612398745612';
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

type Answer = { status: number; body: unknown } | 'hang';

let server: Server;
let baseUrl: string;
const received: Received[] = [];
const answers: Answer[] = [];
const hanging: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({
        method: request.method ?? '',
        path,
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      if (path.startsWith('/media/')) return serveMedia(path, response);
      if (path.startsWith('/v25.0/me/messages')) return answerSend(response);
      if (path.startsWith(`/v25.0/${PSID}?fields=first_name,last_name`)) {
        return json(response, 200, { first_name: 'Amélie', last_name: 'Poulain', id: PSID });
      }
      if (path.startsWith(`/v25.0/${PSID}?fields=name,username`)) {
        return json(response, 200, { name: '', username: 'amelie.p', id: PSID });
      }
      json(response, 404, { error: { message: 'Unknown path', code: 803 } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

function answerSend(response: ServerResponse): void {
  const answer = answers.shift() ?? {
    status: 200,
    body: { recipient_id: PSID, message_id: `m_sent_${received.length}` },
  };
  if (answer === 'hang') {
    hanging.push(response);
    return;
  }
  json(response, answer.status, answer.body);
}

function serveMedia(path: string, response: ServerResponse): void {
  if (path === '/media/photo.jpg') {
    response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': PHOTO.length });
    response.end(PHOTO);
  } else if (path === '/media/login.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<html>Log in</html>');
  } else if (path === '/media/moved') {
    response.writeHead(302, { location: '/media/photo.jpg' });
    response.end();
  } else if (path === '/media/huge.mp4') {
    response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 30 * 1024 * 1024 });
    response.write(Buffer.alloc(1024));
    hanging.push(response);
  } else {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{}');
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function account(
  settings: MessengerSettings = { graphUrl: baseUrl },
): AdapterAccount<MessengerSettings, MessengerSecrets> {
  return {
    id: 'acc_1',
    externalId: '104567890123456',
    settings,
    secrets: { pageAccessToken: TOKEN, appSecret: 'secret', verifyToken: 'verify' },
  };
}

const options: AdapterSendOptions = {
  correlationId: 'msg_1',
  replyToExternalId: null,
  loadMedia: async (mediaId) => ({ bytes: PHOTO, mimeType: 'image/jpeg', fileName: `${mediaId}.jpg` }),
};

const messenger = createMessengerAdapter({ channel: 'messenger', timeoutMs: 2000 });
const recipient = { externalId: PSID };

function lastJson(): unknown {
  return JSON.parse(received.at(-1)?.body.toString('utf8') ?? 'null');
}

describe('Messenger adapter over HTTP: sending', () => {
  it('posts text to /me/messages with the token as a Bearer header, and returns the mid', async () => {
    const outcome = await messenger.outbound.send(
      account(),
      recipient,
      { type: 'text', text: 'Hello' },
      options,
    );
    expect(outcome).toEqual({ ok: true, externalId: 'm_sent_1' });
    const call = received[0];
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe('/v25.0/me/messages');
    expect(call?.path).not.toContain(TOKEN);
    expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call?.headers['content-type']).toBe('application/json');
    expect(lastJson()).toEqual({
      recipient: { id: PSID },
      messaging_type: 'RESPONSE',
      message: { text: 'Hello' },
    });
  });

  it('uses the configured API version', async () => {
    await messenger.outbound.send(
      account({ graphUrl: baseUrl, apiVersion: 'v25.0' }),
      recipient,
      { type: 'text', text: 'x' },
      options,
    );
    expect(received[0]?.path).toBe('/v25.0/me/messages');
  });

  it('tags a reply after the window HUMAN_AGENT and quotes the patient', async () => {
    await messenger.outbound.send(
      account(),
      recipient,
      { type: 'text', text: 'Back to you' },
      {
        ...options,
        humanAgentTag: true,
        replyToExternalId: 'm_patient',
      },
    );
    expect(lastJson()).toMatchObject({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      reply_to: { mid: 'm_patient' },
    });
  });

  it('uploads a Careline file as multipart filedata in the same call', async () => {
    const outcome = await messenger.outbound.send(
      account(),
      recipient,
      { type: 'image', media: { mediaId: 'med_7' } },
      options,
    );
    expect(outcome.ok).toBe(true);
    const call = received[0];
    expect(call?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request('http://stand-in/', {
      method: 'POST',
      headers: { 'content-type': String(call?.headers['content-type']) },
      body: call?.body,
    }).formData();
    expect(JSON.parse(String(form.get('recipient')))).toEqual({ id: PSID });
    expect(form.get('messaging_type')).toBe('RESPONSE');
    expect(JSON.parse(String(form.get('message')))).toEqual({
      attachment: { type: 'image', payload: { is_reusable: true } },
    });
    const file = form.get('filedata');
    expect(file).toBeInstanceOf(File);
    if (file instanceof File) {
      expect(file.name).toBe('med_7.jpg');
      expect(file.type).toBe('image/jpeg');
      expect(Buffer.from(await file.arrayBuffer())).toEqual(PHOTO);
    }
  });

  it('retries when the file cannot be loaded, without calling Meta', async () => {
    const failing = { ...options, loadMedia: () => Promise.reject(new Error('storage down')) };
    const outcome = await messenger.outbound.send(
      account(),
      recipient,
      { type: 'video', media: { mediaId: 'med_8' } },
      failing,
    );
    expect(outcome).toMatchObject({ ok: false, disposition: 'retry' });
    expect(received).toEqual([]);
  });

  it('refuses what Messenger cannot carry without calling Meta, naming the field', async () => {
    const outcome = await messenger.outbound.send(
      account(),
      recipient,
      { type: 'location', latitude: 1, longitude: 2 },
      options,
    );
    expect(outcome).toMatchObject({ ok: false, disposition: 'fail', code: null });
    expect(outcome.ok ? '' : outcome.title).toContain('type');
    expect(received).toEqual([]);
  });

  it('fails an invalid token, and never repeats the token Meta or a proxy echoed', async () => {
    answers.push({
      status: 401,
      body: {
        error: {
          message: `Error validating access token: ${TOKEN} has expired`,
          type: `OAuthException ${TOKEN}`,
          code: 190,
          error_subcode: 463,
          fbtrace_id: 'AbCdEf',
        },
      },
    });
    const outcome = await messenger.outbound.send(account(), recipient, { type: 'text', text: 'x' }, options);
    expect(outcome).toMatchObject({ ok: false, disposition: 'fail', reason: 'token_invalid', code: 190 });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
    expect(outcome.ok ? null : outcome.detail).toContain('fbtrace_id AbCdEf');
  });

  it('fails a send outside the window as window_closed', async () => {
    answers.push({
      status: 400,
      body: {
        error: {
          message: 'This message is sent outside of allowed window.',
          code: 10,
          error_subcode: 2018278,
        },
      },
    });
    const outcome = await messenger.outbound.send(account(), recipient, { type: 'text', text: 'x' }, options);
    expect(outcome).toMatchObject({ ok: false, disposition: 'fail', reason: 'window_closed', code: 10 });
  });

  it('retries a rate limit', async () => {
    answers.push({
      status: 400,
      body: { error: { message: 'Calls to this api have exceeded the rate limit.', code: 613 } },
    });
    const outcome = await messenger.outbound.send(account(), recipient, { type: 'text', text: 'x' }, options);
    expect(outcome).toMatchObject({ ok: false, disposition: 'retry', reason: 'throttled_number' });
  });

  it('reads a 200 without a message id as unknown', async () => {
    answers.push({ status: 200, body: { recipient_id: PSID } });
    const outcome = await messenger.outbound.send(account(), recipient, { type: 'text', text: 'x' }, options);
    expect(outcome).toMatchObject({ ok: false, disposition: 'unknown' });
  });

  it('reads no answer in time as unknown: Meta may have sent it', async () => {
    answers.push('hang');
    const quick = createMessengerAdapter({ channel: 'messenger', timeoutMs: 150 });
    const outcome = await quick.outbound.send(account(), recipient, { type: 'text', text: 'x' }, options);
    expect(outcome).toMatchObject({ ok: false, disposition: 'unknown', code: null });
    expect(outcome.ok ? '' : outcome.title).toContain('150 ms');
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it('retries when the connection is refused: nothing left', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await messenger.outbound.send(
      account({ graphUrl: `http://127.0.0.1:${port}` }),
      recipient,
      { type: 'text', text: 'x' },
      options,
    );
    expect(outcome).toMatchObject({ ok: false, disposition: 'retry' });
  });

  it('never puts the token in an outcome, even when the network error names it', async () => {
    const leaky = createMessengerAdapter({
      channel: 'messenger',
      fetch: () =>
        Promise.reject(new TypeError(`fetch failed for https://graph.facebook.com/?access_token=${TOKEN}`)),
    });
    const outcome = await leaky.outbound.send(account(), recipient, { type: 'text', text: 'x' }, options);
    expect(outcome).toMatchObject({ ok: false, disposition: 'unknown' });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it('marks the conversation seen with sender_action mark_seen', async () => {
    answers.push({ status: 200, body: { recipient_id: PSID } });
    const outcome = await messenger.outbound.markRead?.(account(), recipient, 'm_patient');
    expect(outcome).toEqual({ ok: true, externalId: 'm_patient' });
    expect(lastJson()).toEqual({ recipient: { id: PSID }, sender_action: 'mark_seen' });
  });

  it('reacts on Instagram with a sender action, the reaction counting as the target', async () => {
    const instagram = createMessengerAdapter({ channel: 'instagram' });
    answers.push({ status: 200, body: { recipient_id: PSID } });
    const outcome = await instagram.outbound.send(
      account(),
      recipient,
      { type: 'reaction', targetMessageId: 'msg_1', targetExternalId: 'aWdf1', emoji: '❤️' },
      options,
    );
    expect(outcome).toEqual({ ok: true, externalId: 'aWdf1' });
    expect(lastJson()).toEqual({
      recipient: { id: PSID },
      sender_action: 'react',
      payload: { message_id: 'aWdf1', reaction: 'love' },
    });
  });
});

describe('Messenger adapter over HTTP: attachments', () => {
  it('downloads a file from a local Graph (the simulator)', async () => {
    const outcome = await messenger.outbound.downloadMedia(account(), {
      id: null,
      url: `${baseUrl}/media/photo.jpg`,
    });
    expect(outcome).toEqual({ ok: true, bytes: PHOTO, mimeType: 'image/jpeg', fileName: 'photo.jpg' });
    expect(received[0]?.headers.authorization).toBeUndefined();
  });

  it('follows a redirect', async () => {
    const outcome = await messenger.outbound.downloadMedia(account(), {
      id: null,
      url: `${baseUrl}/media/moved`,
    });
    expect(outcome).toMatchObject({ ok: true, mimeType: 'image/jpeg' });
  });

  it('refuses a web page where a file is expected', async () => {
    const outcome = await messenger.outbound.downloadMedia(account(), {
      id: null,
      url: `${baseUrl}/media/login.html`,
    });
    expect(outcome).toMatchObject({ ok: false, disposition: 'fail' });
  });

  it("refuses a file over Meta's 25 MB limit", async () => {
    const outcome = await messenger.outbound.downloadMedia(account(), {
      id: null,
      url: `${baseUrl}/media/huge.mp4`,
    });
    expect(outcome).toMatchObject({
      ok: false,
      disposition: 'fail',
      title: 'The attachment is larger than 25 MB',
    });
  });

  it('fails an expired link', async () => {
    const outcome = await messenger.outbound.downloadMedia(account(), {
      id: null,
      url: `${baseUrl}/media/gone`,
    });
    expect(outcome).toMatchObject({ ok: false, disposition: 'fail' });
  });

  it("refuses an internal address when the Graph is Meta's, without calling it", async () => {
    const outcome = await messenger.outbound.downloadMedia(account({}), {
      id: null,
      url: `${baseUrl}/media/photo.jpg`,
    });
    expect(outcome).toMatchObject({ ok: false, disposition: 'fail' });
    expect(received).toEqual([]);
  });

  it('fails an attachment without a URL', async () => {
    expect(await messenger.outbound.downloadMedia(account(), { id: 'x', url: null })).toMatchObject({
      ok: false,
    });
  });
});

describe('fetchProfileName', () => {
  it("joins a Messenger user's first and last name", async () => {
    const lookup = await fetchProfileName(graphAccessOf(account()), PSID, { channel: 'messenger' });
    expect(lookup).toEqual({ ok: true, name: 'Amélie Poulain' });
    expect(received[0]?.path).toBe(`/v25.0/${PSID}?fields=first_name,last_name`);
    expect(received[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("falls back to an Instagram user's username when the name is empty", async () => {
    const lookup = await fetchProfileName(graphAccessOf(account()), PSID, { channel: 'instagram' });
    expect(lookup).toEqual({ ok: true, name: 'amelie.p' });
  });

  it('fails a refused lookup without the token', async () => {
    const lookup = await fetchProfileName(graphAccessOf(account()), 'unknown', { channel: 'messenger' });
    expect(lookup).toMatchObject({ ok: false, disposition: 'fail' });
    expect(JSON.stringify(lookup)).not.toContain(TOKEN);
  });
});

describe('Messenger adapter: the port', () => {
  it('says what each channel can do and its window', () => {
    const instagram = createMessengerAdapter({ channel: 'instagram' });
    expect(messenger.channel).toBe('messenger');
    expect(instagram.channel).toBe('instagram');
    expect(messenger.capabilities).toMatchObject({
      textLength: 2000,
      reactions: false,
      readReceipts: true,
      edits: false,
      templates: false,
      carousel: true,
    });
    expect(instagram.capabilities).toMatchObject({ textLength: 1000, reactions: true });
    expect(messenger.window).toEqual({ kind: 'session', hours: 24, after: 'human_agent_tag', tagHours: 168 });
    expect(messenger.webhook.routing).toBe('body');
  });
});
