import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatorAndReceiver, TEST_NUMBER, textTo } from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('rate limits', () => {
  it('refuses sends over the number throughput with 130429 and HTTP 429, refilled over time', async () => {
    harness = await startSimulatorAndReceiver({
      clock: { start: new Date('2026-03-02T09:00:00Z') },
      behaviour: { stopAfter: 'accepted' },
    });
    const { simulator, graph } = harness;
    simulator.setBehaviour(
      { stopAfter: 'accepted', throughputLimit: { messagesPerSecond: 5 } },
      TEST_NUMBER.phoneNumberId,
    );

    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await graph(textTo(`3361234567${i}`, 'x'))).status);
    const refused = await graph(textTo('33612345670', 'x'));
    simulator.advanceClock(1000);
    const later = await graph(textTo('33612345670', 'x'));

    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(refused.body.error).toMatchObject({
      code: 130429,
      message: '(#130429) Rate limit hit',
      error_data: { details: expect.stringContaining('too many messages') },
    });
    expect(later.status).toBe(200);
  });

  it('refuses bursts to one recipient beyond the pair limit with 131056', async () => {
    harness = await startSimulatorAndReceiver({
      clock: { start: new Date('2026-03-02T09:00:00Z') },
      behaviour: { stopAfter: 'accepted', pairRateLimit: { intervalMs: 6000, burst: 3 } },
    });
    const { simulator, graph } = harness;

    const burst = [];
    for (let i = 0; i < 4; i += 1) burst.push(await graph(textTo('33612345678', `m${i}`)));
    const otherUser = await graph(textTo('33699999999', 'x'));
    simulator.advanceClock(6000);
    const afterSixSeconds = await graph(textTo('33612345678', 'again'));

    expect(burst.map((response) => response.status)).toEqual([200, 200, 200, 400]);
    expect(burst[3]?.body.error.code).toBe(131056);
    expect(otherUser.status).toBe(200);
    expect(afterSixSeconds.status).toBe(200);
  });

  it('is off by default: a fast burst is accepted', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => harness?.graph(textTo('33612345678', `n${i}`))),
    );
    expect(answers.every((answer) => answer?.status === 200)).toBe(true);
  });

  it('answers injected errors on the next sends, then recovers', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
    const { simulator, graph } = harness;
    simulator.injectErrors([
      { code: 80007, count: 2 },
      { code: 368, count: 1, httpStatus: 403 },
    ]);

    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await graph(textTo('33612345678', 'x')));

    expect(answers.map((answer) => [answer.status, answer.body.error?.code])).toEqual([
      [400, 80007],
      [400, 80007],
      [403, 368],
      [200, undefined],
    ]);
    expect(answers[2]?.body.error.message).toBe('(#368) Temporarily blocked for policies violations');
  });
});
