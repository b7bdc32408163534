import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackCaller } from './control-access.ts';
import { simulatorRoutes } from './simulator.routes.ts';
import { TEST_NUMBER } from './webhook-receiver.test-support.ts';
import { WhatsAppSimulator } from './whatsapp-simulator.ts';

const TOKEN = 'sim-token-0123456789abcdef0123';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function mounted(token?: string): Promise<{ host: FastifyInstance; simulator: WhatsAppSimulator }> {
  const simulator = new WhatsAppSimulator({
    numbers: [{ ...TEST_NUMBER, webhookUrl: 'http://127.0.0.1:9/x' }],
  });
  const host = Fastify();
  await host.register(simulatorRoutes(simulator, token ? { token } : {}), { prefix: '/simulator' });
  cleanups.push(async () => {
    await simulator.close();
    await host.close();
  });
  return { host, simulator };
}

/** Every kind of control call: reading what a clinic sent, registering a webhook, writing as a patient. */
const CALLS = [
  { method: 'GET', url: '/simulator/_sim/numbers' },
  { method: 'GET', url: `/simulator/_sim/numbers/${TEST_NUMBER.phoneNumberId}/sent` },
  {
    method: 'POST',
    url: '/simulator/_sim/numbers',
    payload: { ...TEST_NUMBER, phoneNumberId: '200000000000001', webhookUrl: 'http://attacker.example/hook' },
  },
  {
    method: 'POST',
    url: '/simulator/_sim/patient-messages',
    payload: { from: '+33612345678', text: 'Bonjour' },
  },
] as const;

describe('the control API', () => {
  it("the simulator's control API refuses a caller from outside loopback without the token", async () => {
    const { host, simulator } = await mounted(TOKEN);
    for (const call of CALLS) {
      const stranger = await host.inject({ ...call, remoteAddress: '203.0.113.7' });
      expect(stranger.statusCode, call.url).toBe(401);
      expect(stranger.headers['content-type']).toMatch(/^application\/problem\+json/);
      const wrongToken = await host.inject({
        ...call,
        remoteAddress: '203.0.113.7',
        headers: { authorization: 'Bearer not-the-token' },
      });
      expect(wrongToken.statusCode, call.url).toBe(401);
    }
    // A forwarded request reached loopback through a proxy: it comes from outside all the same.
    const proxied = await host.inject({
      ...CALLS[0],
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(proxied.statusCode).toBe(401);
    // A web page whose name was made to point at 127.0.0.1 (DNS rebinding) keeps its own Host.
    const rebound = await host.inject({
      ...CALLS[0],
      remoteAddress: '127.0.0.1',
      headers: { host: 'evil.example' },
    });
    expect(rebound.statusCode).toBe(401);
    // Nothing was registered, nobody wrote as a patient.
    expect(simulator.numbers().map((n) => n.phoneNumberId)).toEqual([TEST_NUMBER.phoneNumberId]);
    expect(simulator.inboundMessages(TEST_NUMBER.phoneNumberId)).toEqual([]);
  });

  it('answers this machine, and others that bring the token', async () => {
    const { host } = await mounted(TOKEN);
    const local = await host.inject({
      ...CALLS[0],
      remoteAddress: '127.0.0.1',
      headers: { host: 'localhost:3000' },
    });
    expect(local.statusCode).toBe(200);
    const withToken = await host.inject({
      ...CALLS[0],
      remoteAddress: '203.0.113.7',
      headers: { authorization: `Bearer ${TOKEN}`, host: 'careline.example' },
    });
    expect(withToken.statusCode).toBe(200);
    // Without a token configured, nobody from outside gets in.
    const { host: closed } = await mounted();
    expect((await closed.inject({ ...CALLS[0], remoteAddress: '203.0.113.7' })).statusCode).toBe(401);
  });

  it('tells loopback callers apart', () => {
    const from = (remoteAddress: string | undefined, headers: Record<string, string> = {}) =>
      isLoopbackCaller({ remoteAddress, headers });
    expect(from('127.0.0.1')).toBe(true);
    expect(from('::1', { host: '[::1]:3000' })).toBe(true);
    expect(from('::ffff:127.0.0.1', { host: 'app.localhost:5173' })).toBe(true);
    expect(from('10.0.0.4')).toBe(false);
    expect(from('::ffff:10.0.0.4')).toBe(false);
    expect(from(undefined)).toBe(false);
    expect(from('127.0.0.1', { forwarded: 'for=203.0.113.7' })).toBe(false);
    expect(from('127.0.0.1', { 'x-real-ip': '203.0.113.7' })).toBe(false);
    expect(from('127.0.0.1', { host: '127.0.0.1.nip.io' })).toBe(false);
  });
});
