import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorRoutes } from './simulator.routes.ts';
import { startSimulatorAndReceiver, TEST_NUMBER, textTo, wamidOf } from './webhook-receiver.test-support.ts';
import { WhatsAppSimulator } from './whatsapp-simulator.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;
const cleanups: Array<() => Promise<void>> = [];

async function start(): Promise<Harness> {
  harness = await startSimulatorAndReceiver();
  return harness;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Any control API answer, loosely: tests read the fields the case at hand must have. */
interface ControlAnswer {
  numbers: Array<{ phoneNumberId: string }>;
  errors: Array<{ field: string; reason: string }>;
  sends: Array<Record<string, unknown>>;
  behaviour: Record<string, unknown>;
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as ControlAnswer,
  };
}

describe('control API /_sim', () => {
  it('registers and lists numbers without showing tokens or secrets', async () => {
    const { server, receiver } = await start();
    const second = { ...TEST_NUMBER, phoneNumberId: '200000000000001', webhookUrl: receiver.url };

    const created = await call(server.url, 'POST', '/_sim/numbers', second);
    const listed = await call(server.url, 'GET', '/_sim/numbers');

    expect(created.status).toBe(201);
    expect(listed.body.numbers.map((n) => n.phoneNumberId)).toEqual([
      TEST_NUMBER.phoneNumberId,
      '200000000000001',
    ]);
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(TEST_NUMBER.accessToken);
    expect(text).not.toContain(TEST_NUMBER.appSecret);
  });

  it('answers a problem document naming the field at fault', async () => {
    const { server } = await start();

    const badNumber = await call(server.url, 'POST', '/_sim/numbers', {
      ...TEST_NUMBER,
      webhookUrl: 'not a url',
    });
    const badMessage = await call(server.url, 'POST', '/_sim/patient-messages', { from: '+33612345678' });
    const badBehaviour = await call(
      server.url,
      'PUT',
      `/_sim/numbers/${TEST_NUMBER.phoneNumberId}/behaviour`,
      {
        stopAfter: 'never',
      },
    );
    const unknown = await call(server.url, 'GET', '/_sim/numbers/123/sent');

    expect(badNumber.status).toBe(400);
    expect(badNumber.type).toContain('application/problem+json');
    expect(badNumber.body.errors).toEqual([{ field: 'webhookUrl', reason: expect.any(String) }]);
    expect(badMessage.status).toBe(400);
    expect(badMessage.body.errors[0]?.field).toBe('text');
    expect(badBehaviour.body.errors[0]?.field).toBe('stopAfter');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]?.field).toBe('phoneNumberId');
  });

  it('makes a patient write and shows the sends with their current status', async () => {
    const { server, simulator, receiver, graph } = await start();

    const patient = await call(server.url, 'POST', '/_sim/patient-messages', {
      from: '+33 6 12 34 56 78',
      name: 'Marie Curie',
      text: 'Bonjour',
    });
    const reply = await graph(textTo('33612345678', 'Bonjour Marie'));
    await simulator.idle();
    const sent = await call(server.url, 'GET', `/_sim/numbers/${TEST_NUMBER.phoneNumberId}/sent`);

    expect(patient).toMatchObject({
      status: 200,
      body: { wamid: expect.stringMatching(/^wamid\./), httpStatus: 200 },
    });
    expect(receiver.received[0]?.signatureValid).toBe(true);
    expect(sent.body.sends).toHaveLength(1);
    expect(sent.body.sends[0]).toMatchObject({
      request: { to: '33612345678', text: { body: 'Bonjour Marie' } },
      response: { httpStatus: 200 },
      wamid: wamidOf(reply),
      status: 'read',
    });
  });

  it('sets knobs per number through PUT behaviour', async () => {
    const { server, simulator, graph } = await start();

    const put = await call(server.url, 'PUT', `/_sim/numbers/${TEST_NUMBER.phoneNumberId}/behaviour`, {
      stopAfter: 'sent',
    });
    const wamid = wamidOf(await graph(textTo('33612345678', 'hi')));
    await simulator.idle();

    expect(put).toMatchObject({ status: 200, body: { behaviour: { stopAfter: 'sent' } } });
    expect(simulator.message(wamid)?.status).toBe('sent');
  });
});

describe('simulatorRoutes mounted in a host server', () => {
  it('serves both APIs under a prefix, whatever JSON parser the host uses', async () => {
    const host = Fastify();
    // Like Careline's webhook routes: the host keeps raw buffers for signature checks.
    host.removeAllContentTypeParsers();
    host.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    const simulator = new WhatsAppSimulator({ behaviour: { stopAfter: 'accepted' } });
    await host.register(simulatorRoutes(simulator), { prefix: '/simulator' });
    const base = `${await host.listen({ port: 0, host: '127.0.0.1' })}/simulator`;
    cleanups.push(async () => {
      await simulator.close();
      await host.close();
    });

    const registered = await call(base, 'POST', '/_sim/numbers', {
      ...TEST_NUMBER,
      webhookUrl: 'http://127.0.0.1:9/x',
    });
    const response = await fetch(`${base}/v25.0/${TEST_NUMBER.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_NUMBER.accessToken}` },
      body: JSON.stringify(textTo('+33612345678', 'hi')),
    });

    expect(registered.status).toBe(201);
    expect(response.status).toBe(200);
    expect(simulator.sends(TEST_NUMBER.phoneNumberId)).toHaveLength(1);
  });
});
