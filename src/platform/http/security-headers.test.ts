import { pino } from 'pino';
import { afterEach, describe, expect, test } from 'vitest';
import { createHttpServer, type HttpServer } from './create-http-server.ts';

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(options: Omit<Parameters<typeof createHttpServer>[0], 'logger' | 'version'> = {}) {
  const app = await createHttpServer({ logger: pino({ level: 'silent' }), version: 'test', ...options });
  app.get('/api/v1/thing', async () => ({ ok: true }));
  app.get('/api/v1/own-cache', async (_request, reply) =>
    reply.header('cache-control', 'private, max-age=60').send({}),
  );
  app.get('/api/v1/broken', async () => {
    throw new Error('boom');
  });
  app.get('/api/v1/stream', async (_request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    reply.raw.end('data: 1\n\n');
  });
  app.get('/api/v1/where', async (request) => ({ ip: request.ip, protocol: request.protocol }));
  app.get('/page', async (_request, reply) => reply.type('text/html').send('<p>hi</p>'));
  app.post('/webhooks/whatsapp', async () => ({ ok: true }));
  servers.push(app);
  return app;
}

describe('security headers', () => {
  test('every answer carries X-Content-Type-Options: nosniff, and API answers Cache-Control: no-store', async () => {
    const app = await server();
    for (const url of ['/api/v1/thing', '/api/v1/broken', '/api/v1/nothing-here', '/api/v1/stream']) {
      const response = await app.inject({ url });
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const page = await app.inject({ url: '/page' });
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBeUndefined();
    // A route that knows better keeps its own caching.
    expect((await app.inject({ url: '/api/v1/own-cache' })).headers['cache-control']).toBe(
      'private, max-age=60',
    );
  });

  test('HSTS is sent when Careline is served over TLS, never over plain http', async () => {
    const plain = await server();
    expect((await plain.inject({ url: '/page' })).headers['strict-transport-security']).toBeUndefined();
    // Without a named proxy, a client's X-Forwarded-Proto proves nothing.
    const forged = await plain.inject({ url: '/page', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();

    const behindTls = await server({ publicUrl: 'https://careline.clinique.example' });
    const answer = await behindTls.inject({ url: '/api/v1/thing' });
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');

    const proxied = await server({ trustProxy: '127.0.0.1' });
    const overTls = await proxied.inject({ url: '/page', headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  test('X-Forwarded-For and -Proto are believed only from the proxies TRUST_PROXY names', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };
    const direct = await server();
    expect((await direct.inject({ url: '/api/v1/where', headers })).json()).toEqual({
      ip: '127.0.0.1',
      protocol: 'http',
    });
    const otherProxy = await server({ trustProxy: '10.0.0.0/8' });
    expect((await otherProxy.inject({ url: '/api/v1/where', headers })).json()).toEqual({
      ip: '127.0.0.1',
      protocol: 'http',
    });
    const ourProxy = await server({ trustProxy: '10.0.0.0/8,127.0.0.1' });
    expect((await ourProxy.inject({ url: '/api/v1/where', headers })).json()).toEqual({
      ip: '203.0.113.7',
      protocol: 'https',
    });
  });
});

describe('per-address rate limit', () => {
  test('a client beyond the per-address limit gets 429 with Retry-After and a problem body', async () => {
    const app = await server({ perIpLimit: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i += 1) expect((await app.inject({ url: '/api/v1/thing' })).statusCode).toBe(200);
    const refused = await app.inject({ url: '/api/v1/thing' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.json()).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      detail: expect.stringContaining('at most 3 every minute'),
    });
    // Another address has its own count.
    const other = await app.inject({ url: '/api/v1/thing', remoteAddress: '192.0.2.10' });
    expect(other.statusCode).toBe(200);
  });

  test('signed webhook deliveries are never counted; unsigned ones are', async () => {
    const app = await server({ perIpLimit: { max: 2, windowMs: 60_000 } });
    const deliver = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers, payload: {} });
    for (let i = 0; i < 20; i += 1)
      expect((await deliver({ 'x-hub-signature-256': `sha256=${i}` })).statusCode).toBe(200);
    expect((await deliver({})).statusCode).toBe(200);
    expect((await deliver({})).statusCode).toBe(200);
    expect((await deliver({})).statusCode).toBe(429);
  });

  test('behind a named proxy, each client is counted by its own address', async () => {
    const app = await server({ perIpLimit: { max: 1, windowMs: 60_000 }, trustProxy: '127.0.0.1' });
    const from = (ip: string) => app.inject({ url: '/api/v1/thing', headers: { 'x-forwarded-for': ip } });
    expect((await from('203.0.113.1')).statusCode).toBe(200);
    expect((await from('203.0.113.2')).statusCode).toBe(200);
    expect((await from('203.0.113.1')).statusCode).toBe(429);
  });
});
