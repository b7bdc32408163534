import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGuardedFetch } from '../../platform/net/guarded-fetch.ts';
import { performFlowHttpRequest } from './flow-http.ts';
import type { FlowHttpRequest } from './flow-queue.ts';

// What a clinic's network (or Careline's own machine) might hold: a secret behind loopback, a
// server on another loopback address that redirects there, and a server that never stops talking.
const seen: string[] = [];
let inside = '';
let redirector = '';
const routes: Record<string, (response: ServerResponse) => void> = {
  '/secret': (r) => r.writeHead(200, { 'content-type': 'application/json' }).end('{"secret":"s3cr3t"}'),
  '/endless': (r) => {
    r.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'A'.repeat(64 * 1024);
    const pump = () => {
      while (!r.destroyed && r.write(chunk));
      if (!r.destroyed) r.once('drain', pump);
    };
    pump();
  },
  '/to-secret': (r) => r.writeHead(302, { location: `${inside}/secret` }).end(),
};
function handle(request: IncomingMessage, response: ServerResponse): void {
  seen.push(`${request.socket.localAddress} ${request.url}`);
  const route = routes[request.url ?? ''];
  if (route) route(response);
  else response.writeHead(404).end();
}
const servers: Server[] = [];

async function listen(host: string): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  inside = await listen('127.0.0.1');
  redirector = await listen('127.0.0.2');
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function step(url: string, timeoutMs = 2000): FlowHttpRequest {
  return { requestId: 'r1', method: 'GET', url, headers: {}, timeoutMs };
}

describe('performFlowHttpRequest', () => {
  test('a flow HTTP step cannot reach a loopback/private/metadata address', async () => {
    const port = new URL(inside).port;
    // The redirector is an internal host the operator allowed; where it redirects to is not.
    const operator = createGuardedFetch({ allowedHosts: ['127.0.0.2'] });
    const attempts = [
      `${inside}/secret`,
      `http://localhost:${port}/secret`,
      `http://2130706433:${port}/secret`,
      `http://0x7f.0.0.1:${port}/secret`,
      `http://[::ffff:127.0.0.1]:${port}/secret`,
      `http://[::1]:${port}/secret`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://192.168.0.1/',
      `${redirector}/to-secret`,
    ];
    seen.length = 0;
    for (const url of attempts) {
      expect(await performFlowHttpRequest(step(url), operator), url).toEqual({
        kind: 'http_result',
        requestId: 'r1',
        error: 'network',
      });
    }
    // The redirector was asked (it is allowed); nothing behind loopback ever was.
    expect(seen).toEqual([`127.0.0.2 /to-secret`]);
  });

  test('an allowed internal host is reachable', async () => {
    const byAddress = createGuardedFetch({ allowedHosts: ['127.0.0.1'] });
    expect(await performFlowHttpRequest(step(`${inside}/secret`), byAddress)).toEqual({
      kind: 'http_result',
      requestId: 'r1',
      status: 200,
      body: { secret: 's3cr3t' },
    });
    // By name: the EHR's name resolves on the clinic's network (here, a resolver standing in for it).
    const byName = createGuardedFetch({
      allowedHosts: ['ehr.clinic.test'],
      resolve: async (name) => (name === 'ehr.clinic.test' ? [{ address: '127.0.0.1', family: 4 }] : []),
    });
    const port = new URL(inside).port;
    expect(await performFlowHttpRequest(step(`http://ehr.clinic.test:${port}/secret`), byName)).toMatchObject(
      {
        status: 200,
        body: { secret: 's3cr3t' },
      },
    );
  });

  test('a response larger than the limit is cut off', async () => {
    const operator = createGuardedFetch({ allowedHosts: ['127.0.0.1'] });
    const started = Date.now();
    const result = await performFlowHttpRequest(step(`${inside}/endless`, 5000), operator);
    expect(result).toMatchObject({ kind: 'http_result', status: 200 });
    const body = 'body' in result ? result.body : undefined;
    expect(typeof body === 'string' ? body.length : undefined).toBe(256 * 1024);
    // Cut off as soon as the limit was reached, not when the step's time ran out.
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
