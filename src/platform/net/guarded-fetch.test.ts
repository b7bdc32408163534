import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGuardedFetch, type GuardedRequest } from './guarded-fetch.ts';
import { OutboundRequestError } from './outbound-request-error.ts';

const seen: Array<{ url: string; authorization?: string; method: string }> = [];
const routes: Record<string, (response: ServerResponse, request: IncomingMessage) => void> = {
  '/ok': (r) => r.end('ok'),
  '/hop/3': (r) => r.writeHead(302, { location: '/ok' }).end(),
  '/hop/2': (r) => r.writeHead(302, { location: '/hop/3' }).end(),
  '/hop/1': (r) => r.writeHead(302, { location: '/hop/2' }).end(),
  '/hop/0': (r) => r.writeHead(302, { location: '/hop/1' }).end(),
  '/see-other': (r) => r.writeHead(303, { location: '/ok' }).end(),
  '/to-other-origin': (r) => r.writeHead(307, { location: `${other}/ok` }).end(),
  '/to-file': (r) => r.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/declared-big': (r) => r.writeHead(200, { 'content-length': '100000' }).end('x'.repeat(100_000)),
  '/hangs': (r) => {
    r.writeHead(200);
    r.write('partial');
  },
};
const server = createServer((request, response) => {
  seen.push({
    url: request.url ?? '',
    method: request.method ?? '',
    ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
  });
  const route = routes[request.url ?? ''];
  if (route) route(response, request);
  else response.writeHead(404).end();
});
let base = '';
let other = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  // The same server under an allowed name: another origin, for the credentials rule.
  other = `http://calendar.clinic.test:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const logs: Array<{ fields: object; message: string }> = [];
const logger = {
  warn: (fields: object, message: string) => logs.push({ fields, message }),
  info: (fields: object, message: string) => logs.push({ fields, message }),
};
const operator = createGuardedFetch({
  allowedHosts: ['127.0.0.1', 'calendar.clinic.test'],
  logger,
  resolve: async (name) => (name === 'calendar.clinic.test' ? [{ address: '127.0.0.1', family: 4 }] : []),
});
const get = (url: string, extra: Partial<GuardedRequest> = {}) =>
  operator({ url, timeoutMs: 2000, maxBytes: 1024, overflow: 'fail', ...extra });

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof OutboundRequestError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.reason;
}

describe('createGuardedFetch', () => {
  test('follows three redirects, each checked, and refuses a fourth', async () => {
    expect((await get(`${base}/hop/1`)).body.toString()).toBe('ok');
    seen.length = 0;
    expect(await failure(get(`${base}/hop/0`))).toBe('unreachable');
    expect(seen.map((s) => s.url)).toEqual(['/hop/0', '/hop/1', '/hop/2', '/hop/3']);
  });

  test('a 303 turns a POST into a GET; credentials do not follow a redirect to another origin', async () => {
    seen.length = 0;
    await get(`${base}/see-other`, { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'GET']);
    seen.length = 0;
    await get(`${base}/to-other-origin`, { headers: { authorization: 'Bearer clinic-key' } });
    expect(seen).toEqual([
      { url: '/to-other-origin', method: 'GET', authorization: 'Bearer clinic-key' },
      { url: '/ok', method: 'GET' },
    ]);
  });

  test('only http and https, also after a redirect', async () => {
    expect(await failure(get('file:///etc/passwd'))).toBe('invalid_url');
    expect(await failure(get('gopher://127.0.0.1:70/'))).toBe('invalid_url');
    expect(await failure(get(`${base}/to-file`))).toBe('unreachable');
  });

  test('a name with one internal address among public ones is refused', async () => {
    const mixed = createGuardedFetch({
      resolve: async () => [
        { address: '93.184.215.14', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    expect(
      await failure(mixed({ url: 'http://mixed.test/', timeoutMs: 1000, maxBytes: 10, overflow: 'fail' })),
    ).toBe('unreachable');
  });

  test('connects to the address it checked, never asking DNS again', async () => {
    // calendar.clinic.test exists only in the policy's resolver: reaching it proves the socket used it.
    expect((await get(`${other}/ok`)).body.toString()).toBe('ok');
  });

  test('time and size limits hold, whatever the server does', async () => {
    expect(await failure(get(`${base}/hangs`, { timeoutMs: 200 }))).toBe('timeout');
    expect(await failure(get(`${base}/declared-big`))).toBe('too_large');
    const cut = await get(`${base}/declared-big`, { overflow: 'truncate' });
    expect({ length: cut.body.length, truncated: cut.truncated }).toEqual({ length: 1024, truncated: true });
  });

  test('the log names the host and why, never the path or query', async () => {
    logs.length = 0;
    const strict = createGuardedFetch({ logger });
    await failure(
      strict({ url: `${base}/private-token?key=k`, timeoutMs: 500, maxBytes: 10, overflow: 'fail' }),
    );
    expect(logs).toEqual([
      {
        fields: { host: '127.0.0.1', why: 'loopback address not allowed' },
        message: 'outbound request refused',
      },
    ]);
  });
});
