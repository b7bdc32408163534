import { afterEach, describe, expect, it } from 'vitest';
import { sendTo } from './graph-client.test-support.ts';
import { startSimulatorAndReceiver, statusesFor, textTo, wamidOf } from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const names = (h: Harness, wamid: string) =>
  statusesFor(h.receiver.received, wamid).map((status) => status.status);

describe('status knobs', () => {
  it('delivers read before delivered with reorder, keeping read as the message status', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { reorder: true } });
    const wamid = wamidOf(await harness.graph(textTo('33612345678', 'hi')));
    await harness.simulator.idle();

    expect(names(harness, wamid)).toEqual(['sent', 'read', 'delivered']);
    expect(harness.simulator.message(wamid)?.status).toBe('read');
  });

  it('adds played after read for audio sends only', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { played: true } });
    const audio = wamidOf(
      await harness.graph(sendTo('33612345678', 'audio', { link: 'https://x.org/v.ogg' })),
    );
    const text = wamidOf(await harness.graph(textTo('33612345678', 'hi')));
    await harness.simulator.idle();

    expect(names(harness, audio)).toEqual(['sent', 'delivered', 'read', 'played']);
    expect(names(harness, text)).toEqual(['sent', 'delivered', 'read']);
  });

  it('waits delayMs more before each status', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { delayMs: 60, stopAfter: 'delivered' } });
    const started = Date.now();
    const wamid = wamidOf(await harness.graph(textTo('33612345678', 'slow')));
    await harness.simulator.idle();

    expect(names(harness, wamid)).toEqual(['sent', 'delivered']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('fails sends to listed numbers with the chosen code (131026 by default)', async () => {
    harness = await startSimulatorAndReceiver();
    harness.simulator.setBehaviour({ failFor: { waIds: ['33600000001'] } });
    harness.simulator.setBehaviour({ failFor: { waIds: ['33600000002'], code: 131049 } }, '106540352242922');

    const global = wamidOf(await harness.graph(textTo('33600000001', 'x')));
    const own = wamidOf(await harness.graph(textTo('33600000002', 'x')));
    await harness.simulator.idle();

    expect(names(harness, global)).toEqual(['sent', 'delivered', 'read']);
    expect(statusesFor(harness.receiver.received, own)).toMatchObject([
      { status: 'failed', errors: [{ code: 131049 }] },
    ]);
    harness.simulator.setBehaviour({}, '106540352242922');
    const undeliverable = wamidOf(await harness.graph(textTo('33600000001', 'x')));
    await harness.simulator.idle();
    expect(statusesFor(harness.receiver.received, undeliverable)).toMatchObject([
      { status: 'failed', errors: [{ code: 131026, title: 'Message undeliverable' }] },
    ]);
  });

  it('fails a send whose media link Meta cannot fetch with 131053', async () => {
    harness = await startSimulatorAndReceiver();
    const wamid = wamidOf(
      await harness.graph(sendTo('33612345678', 'image', { link: 'https://unreachable.invalid/a.jpg' })),
    );
    await harness.simulator.idle();

    expect(statusesFor(harness.receiver.received, wamid)).toMatchObject([
      { status: 'failed', errors: [{ code: 131053, title: 'Media upload error' }] },
    ]);
  });
});
