import { afterEach, describe, expect, it } from 'vitest';
import { changeValue, startSimulatorAndReceiver, webhookOf } from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const texts = (h: Harness) =>
  h.receiver.received.flatMap((webhook) =>
    webhookOf(webhook).entry.flatMap((entry) =>
      entry.changes.flatMap((change) => (change.value.messages ?? []).map((message) => message.text.body)),
    ),
  );

describe('at-least-once delivery: held, reversed and combined webhooks', () => {
  it('holds webhooks until the batch is full, then delivers them in reverse order', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { webhookBatch: { size: 3 } } });
    const { simulator } = harness;

    const first = await simulator.patientSends({ from: '+33612345678', text: 'un' });
    await simulator.patientSends({ from: '+33612345678', text: 'deux' });
    expect(harness.receiver.received).toHaveLength(0);
    await simulator.patientSends({ from: '+33612345678', text: 'trois' });
    await simulator.patientSends({ from: '+33612345678', text: 'quatre' });
    await simulator.idle();

    expect(first.httpStatus).toBeNull();
    expect(texts(harness)).toEqual(['trois', 'deux', 'un']);
    simulator.flushWebhooks();
    await simulator.idle();
    expect(texts(harness)).toEqual(['trois', 'deux', 'un', 'quatre']);
  });

  it('puts a batch in one POST as several changes, or as several items of one value', async () => {
    harness = await startSimulatorAndReceiver({
      behaviour: { webhookBatch: { size: 2, order: 'arrival', combine: 'changes' } },
    });
    const { simulator, receiver } = harness;
    await simulator.patientSends({ from: '+33612345678', text: 'a' });
    await simulator.patientSends({ from: '+33612345678', text: 'b' });
    await simulator.idle();
    simulator.setBehaviour({ webhookBatch: { size: 2, order: 'arrival', combine: 'items' } });
    await simulator.patientSends({ from: '+33612345678', text: 'c' });
    await simulator.patientSends({ from: '+33612345678', text: 'd' });
    await simulator.idle();

    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((webhook) => webhook.signatureValid)).toBe(true);
    const [changes, items] = receiver.received;
    if (!changes || !items) throw new Error('missing webhooks');
    expect(
      webhookOf(changes).entry[0]?.changes.map((change) => change.value.messages?.[0]?.text.body),
    ).toEqual(['a', 'b']);
    expect(changeValue(items).messages?.map((message) => message.text.body)).toEqual(['c', 'd']);
    expect(changeValue(items).contacts).toHaveLength(1);
    expect(simulator.deliveries('106540352242922').map((delivery) => delivery.event.kind)).toEqual([
      'batch',
      'batch',
    ]);
  });
});
