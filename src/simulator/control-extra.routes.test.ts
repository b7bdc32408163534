import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulatorAndReceiver,
  TEST_NUMBER,
  textTo,
  wamidOf,
  webhookOf,
} from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

interface ControlAnswer {
  now?: string;
  errors?: Array<{ field: string; reason: string }>;
  template?: { id: string; status: string };
  templates?: Array<{ name: string }>;
  wamid?: string;
  mediaId?: string;
  httpStatus?: number | null;
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}/_sim${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as ControlAnswer };
}

const WABA = TEST_NUMBER.wabaId;
const template = {
  name: 'rappel',
  language: 'fr',
  category: 'UTILITY',
  status: 'PENDING',
  components: [{ type: 'BODY', text: 'Rendez-vous le {{1}}' }],
};

describe('control API for the new capabilities', () => {
  it('manages templates per WABA, approving with a webhook', async () => {
    harness = await startSimulatorAndReceiver();
    const { server, simulator, receiver } = harness;

    const created = await call(server.url, 'POST', `/wabas/${WABA}/templates`, template);
    const id = created.body.template?.id ?? '';
    const approved = await call(server.url, 'PUT', `/wabas/${WABA}/templates/${id}/status`, {
      status: 'APPROVED',
    });
    const listed = await call(server.url, 'GET', `/wabas/${WABA}/templates`);
    const invalid = await call(server.url, 'POST', `/wabas/${WABA}/templates`, {
      ...template,
      category: 'PROMO',
    });
    const badStatus = await call(server.url, 'PUT', `/wabas/${WABA}/templates/${id}/status`, {
      status: 'OK',
    });
    const unknown = await call(server.url, 'PUT', `/wabas/${WABA}/templates/1/status`, { status: 'PAUSED' });
    const deleted = await call(server.url, 'DELETE', `/wabas/${WABA}/templates/${id}`);
    await simulator.idle();

    expect(created.status).toBe(201);
    expect(approved.body.template?.status).toBe('APPROVED');
    expect(listed.body.templates?.map((t) => t.name)).toEqual(['rappel']);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]?.field).toBe('category');
    expect(badStatus.body.errors?.[0]?.field).toBe('status');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors?.[0]?.field).toBe('templateId');
    expect(deleted.status).toBe(204);
    expect(receiver.received.map((webhook) => webhookOf(webhook).entry[0]?.changes[0]?.field)).toEqual([
      'message_template_status_update',
    ]);
  });

  it('sends patient media as base64, marketing preferences, injected errors and flushes', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
    const { server, receiver, graph, simulator } = harness;

    const image = await call(server.url, 'POST', '/patient-messages', {
      type: 'image',
      from: '+33612345678',
      bytes: Buffer.from('jpeg bytes').toString('base64'),
      mimeType: 'image/png',
    });
    const badBytes = await call(server.url, 'POST', '/patient-messages', {
      type: 'image',
      from: '+33612345678',
    });
    const preference = await call(server.url, 'POST', '/marketing-preferences', {
      from: '+33612345678',
      value: 'stop',
    });
    const badPreference = await call(server.url, 'POST', '/marketing-preferences', {
      from: '+33612345678',
      value: 'maybe',
    });
    const inject = await call(server.url, 'POST', '/inject-errors', { errors: [{ code: 4 }] });
    const badInject = await call(server.url, 'POST', '/inject-errors', { errors: [{ code: 'four' }] });
    const injected = await graph(textTo('33612345678', 'x'));
    const behaviour = await call(server.url, 'PUT', '/behaviour', { webhookBatch: { size: 5 } });
    await simulator.patientSends({ from: '+33612345678', text: 'held' });
    const flush = await call(server.url, 'POST', '/webhooks/flush', {});
    await simulator.idle();

    expect(image.body).toMatchObject({
      wamid: expect.any(String),
      mediaId: expect.any(String),
      httpStatus: 200,
    });
    expect(badBytes.body.errors?.[0]?.field).toBe('bytes');
    expect(preference.body).toEqual({ httpStatus: 200 });
    expect(badPreference.body.errors?.[0]?.field).toBe('value');
    expect(inject.status).toBe(204);
    expect(badInject.body.errors?.[0]?.field).toBe('errors.0.code');
    expect(injected.body.error.code).toBe(4);
    expect(behaviour.status).toBe(200);
    expect(flush.status).toBe(204);
    expect(receiver.received).toHaveLength(3);
  });

  it('moves a controllable clock, and refuses to move the system clock', async () => {
    harness = await startSimulatorAndReceiver({
      clock: { start: new Date('2026-03-02T09:00:00Z') },
      behaviour: { enforceServiceWindow: true, stopAfter: 'sent' },
    });
    const { server, simulator, graph } = harness;
    await simulator.patientSends({ from: '+33612345678', text: 'Bonjour' });

    const moved = await call(server.url, 'POST', '/clock', { advanceMs: 25 * 60 * 60 * 1000 });
    const read = await call(server.url, 'GET', '/clock');
    const bad = await call(server.url, 'POST', '/clock', { advanceMs: -1 });
    const wamid = wamidOf(await graph(textTo('33612345678', 'late')));
    await simulator.idle();

    expect(moved.body.now).toBe('2026-03-03T10:00:00.000Z');
    expect(read.body.now).toBe('2026-03-03T10:00:00.000Z');
    expect(bad.body.errors?.[0]?.field).toBe('advanceMs');
    expect(simulator.message(wamid)?.status).toBe('failed');

    await harness.close();
    harness = await startSimulatorAndReceiver();
    const refused = await call(harness.server.url, 'POST', '/clock', { advanceMs: 1000 });
    expect(refused.status).toBe(409);
    expect(refused.body.errors?.[0]?.field).toBe('clock');
  });
});
