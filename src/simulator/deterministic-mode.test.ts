import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatorAndReceiver, textTo } from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
const harnesses: Harness[] = [];

afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

/** One scripted conversation; returns every webhook body and Graph answer, in order. */
async function run(seed: number) {
  const harness = await startSimulatorAndReceiver({ seed, now: () => new Date('2026-03-02T09:00:00Z') });
  harnesses.push(harness);
  const { simulator, graph, receiver } = harness;
  await simulator.patientSends({ from: '+33612345678', text: 'Bonjour' });
  await simulator.patientSends({
    type: 'image',
    from: '+33612345678',
    bytes: Buffer.from('jpeg'),
    caption: 'radio',
  });
  await simulator.patientSends({ phoneless: true, text: 'anonyme' });
  const accepted = await graph(textTo('33612345678', 'Bonjour Marie'));
  const refused = await graph(textTo('33612345678', 'a'.repeat(5000)));
  await simulator.idle();
  return {
    webhooks: receiver.received.map((webhook) => webhook.rawBody),
    answers: JSON.stringify([accepted.body, refused.body]),
  };
}

describe('deterministic mode', () => {
  it('gives byte-identical webhooks and answers for the same seed and clock', async () => {
    const first = await run(42);
    const second = await run(42);
    const other = await run(43);

    expect(first.webhooks).toHaveLength(6);
    expect(second.webhooks).toEqual(first.webhooks);
    expect(second.answers).toBe(first.answers);
    expect(other.webhooks[0]).not.toBe(first.webhooks[0]);
  });
});
