import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulatorAndReceiver,
  statusesFor,
  TEST_NUMBER,
  textTo,
} from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const SEND = { ...textTo('33612345678', 'Votre ordonnance est prête'), biz_opaque_callback_data: 'msg-42' };

/** A raw send: how far the answer got, not just its JSON. */
async function rawSend(base: string, body: unknown = SEND) {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${base}/v25.0/${TEST_NUMBER.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_NUMBER.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    try {
      return { status: response.status, text: await response.text(), afterMs: Date.now() - startedAt };
    } catch (error) {
      return { status: response.status, broke: String(error), afterMs: Date.now() - startedAt };
    }
  } catch (error) {
    return { broke: String(error), afterMs: Date.now() - startedAt };
  }
}

describe('transport faults', () => {
  it('a slow answer: Meta takes the send and echoes it in its statuses, the answer comes after the delay', async () => {
    harness = await startSimulatorAndReceiver();
    const { simulator, server, receiver } = harness;
    simulator.injectTransportFaults([{ kind: 'slow_answer', delayMs: 300 }], TEST_NUMBER.phoneNumberId);

    const answer = await rawSend(server.url);
    const [send] = simulator.sends(TEST_NUMBER.phoneNumberId);
    await simulator.idle();

    expect(answer.status).toBe(200);
    expect(answer.afterMs).toBeGreaterThanOrEqual(300);
    expect(JSON.parse(answer.text ?? '{}').messages[0].id).toBe(send?.wamid);
    const statuses = statusesFor(receiver.received, send?.wamid ?? '');
    expect(statuses[0]).toMatchObject({ status: 'sent', biz_opaque_callback_data: 'msg-42' });
    // The next send is answered at once again.
    expect((await rawSend(server.url)).afterMs).toBeLessThan(300);
  });

  it('a dropped connection: no answer at all, yet Meta took the send and its statuses follow', async () => {
    harness = await startSimulatorAndReceiver();
    const { simulator, server, receiver } = harness;
    simulator.injectTransportFaults([{ kind: 'no_answer' }]);

    const answer = await rawSend(server.url);
    const [send] = simulator.sends(TEST_NUMBER.phoneNumberId);
    await simulator.idle();

    expect(answer).toMatchObject({ broke: expect.stringContaining('fetch failed') });
    expect(answer.status).toBeUndefined();
    expect(statusesFor(receiver.received, send?.wamid ?? '')[0]).toMatchObject({
      status: 'sent',
      biz_opaque_callback_data: 'msg-42',
    });
  });

  it("a cut answer: Meta's 200 arrives in part, then the connection closes", async () => {
    harness = await startSimulatorAndReceiver();
    const { simulator, server } = harness;
    simulator.injectTransportFaults([{ kind: 'cut_answer' }], TEST_NUMBER.phoneNumberId);

    const answer = await rawSend(server.url);

    expect(answer).toMatchObject({ status: 200, broke: expect.stringContaining('terminated') });
    expect(simulator.sends(TEST_NUMBER.phoneNumberId)[0]?.wamid).toMatch(/^wamid\./);
  });

  it("a gateway's error page, with or without Meta having taken the send", async () => {
    harness = await startSimulatorAndReceiver();
    const { simulator, server } = harness;
    simulator.injectTransportFaults([
      { kind: 'gateway_error', httpStatus: 504 },
      { kind: 'gateway_error', reachesMeta: false },
    ]);

    const afterMeta = await rawSend(server.url);
    const beforeMeta = await rawSend(server.url);

    expect(afterMeta).toMatchObject({ status: 504, text: expect.stringContaining('<html>') });
    expect(beforeMeta).toMatchObject({ status: 502, text: expect.stringContaining('<html>') });
    expect(simulator.sends(TEST_NUMBER.phoneNumberId), 'only the first reached Meta').toHaveLength(1);
  });

  it('faults are consumed by message sends only, and set through the control API', async () => {
    harness = await startSimulatorAndReceiver();
    const { simulator, server } = harness;
    const control = (body: unknown) =>
      fetch(`${server.url}/_sim/inject-transport-faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const inbound = await simulator.patientSends({
      phoneNumberId: TEST_NUMBER.phoneNumberId,
      from: '33612345678',
      text: 'Bonjour',
    });

    expect((await control({ faults: [{ kind: 'no_answer' }] })).status).toBe(204);
    expect((await control({ faults: [{ kind: 'slow_answer' }] })).status).toBe(400);
    expect((await control({ faults: [{ kind: 'gateway_error', httpStatus: 404 }] })).status).toBe(400);
    const read = await rawSend(server.url, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: inbound.wamid,
    });
    const send = await rawSend(server.url);

    expect(read).toMatchObject({ status: 200, text: '{"success":true}' });
    expect(send).toMatchObject({ broke: expect.stringContaining('fetch failed') });
  });
});
