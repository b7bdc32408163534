import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGuardedFetch } from '../../platform/net/guarded-fetch.ts';
import { CalendarFetchError, fetchCalendarText } from './busy-calendar-fetch.ts';

// A loopback server plays the calendar provider: each path answers in its own way.
const routes: Record<string, (response: ServerResponse) => void> = {
  '/ok.ics': (r) =>
    r.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'),
  '/gone.ics': (r) => r.writeHead(404).end('no'),
  '/declared-huge.ics': (r) => r.writeHead(200, { 'content-length': String(5_000_000) }).end(),
  '/streamed-huge.ics': (r) => {
    r.writeHead(200, { 'content-type': 'text/calendar' });
    const chunk = 'X'.repeat(1024);
    for (let i = 0; i < 64; i += 1) r.write(chunk);
    r.end();
  },
  '/slow.ics': (r) => {
    r.writeHead(200);
    r.write('BEGIN:VCALENDAR\r\n');
    // Never ends: the timeout must give up.
  },
};
const requested: string[] = [];
const server = createServer((request, response) => {
  requested.push(request.url ?? '');
  const route = routes[request.url ?? ''];
  if (route) route(response);
  else response.writeHead(500).end();
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const limits = { timeoutMs: 300, maxBytes: 32 * 1024 };
// The provider stands on loopback here: allowed the way an operator allows an internal calendar server.
const operatorAllowed = createGuardedFetch({ allowedHosts: ['127.0.0.1'] });

async function failure(url: string, fetch = operatorAllowed): Promise<string> {
  const error = await fetchCalendarText(url, { limits, fetch }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CalendarFetchError))
    throw new Error(`expected a CalendarFetchError, got ${String(error)}`);
  return error.message;
}

describe('fetchCalendarText', () => {
  test('returns the calendar text', async () => {
    expect(await fetchCalendarText(`${base}/ok.ics`, { limits, fetch: operatorAllowed })).toBe(
      'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    );
  });

  test('says what went wrong without repeating the (secret) URL', async () => {
    expect(await failure(`${base}/gone.ics`)).toBe('the calendar server answered HTTP 404');
    expect(await failure(`${base}/declared-huge.ics`)).toBe('the calendar is larger than 32 KB');
    expect(await failure(`${base}/streamed-huge.ics`)).toBe('the calendar is larger than 32 KB');
    expect(await failure(`${base}/slow.ics`)).toBe('the calendar server did not answer within 0.3 s');
    const refused = await failure('http://127.0.0.1:9/private-token/basic.ics');
    expect(refused).toMatch(/^the calendar server could not be reached/);
    expect(refused).not.toContain('private-token');
  });

  test('a busy-calendar URL pointing inside is refused without saying what is there', async () => {
    const port = new URL(base).port;
    const closedPort = 'http://127.0.0.1:9/x.ics';
    const inside = [
      `${base}/ok.ics`,
      `${base}/gone.ics`,
      `${base}/slow.ics`,
      closedPort,
      `http://localhost:${port}/ok.ics`,
      `http://2130706433:${port}/ok.ics`,
      `http://[::ffff:127.0.0.1]:${port}/ok.ics`,
      `webcal://127.0.0.1:${port}/ok.ics`,
      'http://[::1]/x.ics',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/x.ics',
    ];
    requested.length = 0;
    // An open port with a calendar, an error, a hanging server and a closed port all read the same.
    const messages = await Promise.all(inside.map((url) => failure(url, createGuardedFetch())));
    expect(new Set(messages)).toEqual(
      new Set(['the calendar server could not be reached, or its address is not one Careline may call']),
    );
    expect(requested).toEqual([]);
  });

  test('only web and webcal URLs are fetched', async () => {
    expect(await failure('file:///etc/passwd')).toBe(
      'the calendar URL must start with https://, http:// or webcal://',
    );
    expect(await failure('not a url')).toBe('the calendar URL is not a URL');
  });
});
