import { describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/test-db.ts';
import { engineLabel, report } from './crash-fixtures.ts';
import { runOutboundCrash } from './outbound-crash-run.ts';

const KILLS = 3;
/**
 * The echo wait the crash test runs with: far above the simulator's webhook retry gaps at a restart
 * (under two seconds) and its queue's lag at this load, far below Careline's 5-minute default, which
 * would make the test slow. The 2,000-reply version with more kills is `npm run bench -- send-crash`.
 */
const ECHO_WAIT_SECONDS = 10;

describe.each(TEST_ENGINES)('outbound messages survive repeated SIGKILLs (%s)', (engine) => {
  it(`replies survive repeated kill -9 during sending: each reaches Meta exactly once (${engineLabel(engine)})`, async () => {
    const figures = await runOutboundCrash({
      engine,
      patients: 20,
      repliesPerPatient: 15,
      kills: KILLS,
      killDuringSend: [25, 60],
      echoWaitSeconds: ECHO_WAIT_SECONDS,
      settleTimeoutMs: 45_000,
    });
    report(
      `outbound ${engine}: ${figures.replies} replies, ${figures.kills.length} kills during a send ` +
        `(${figures.kills.map((k) => `${k.leftSending} left sending, ${k.neverLeft} never left`).join('; ')}), ` +
        `${figures.acceptedSends} accepted sends, ${figures.duplicates.length} duplicated, ` +
        `${figures.missing.length} missing, ${figures.sendingSeconds} s sending, ` +
        `${figures.afterLastStartSeconds} s after the last start`,
    );
    expect(figures.kills, 'every start but the last was killed during a send call').toHaveLength(KILLS);
    expect(figures.kills.filter((k) => k.inFlight === undefined)).toEqual([]);
    expect(figures.refused, 'Meta refused no send').toEqual([]);
    expect(figures.strangers, 'every accepted send is one of the queued replies').toEqual([]);
    expect(figures.missing, 'every queued reply reached Meta').toEqual([]);
    expect(figures.duplicates, 'no reply reached Meta twice').toEqual([]);
    expect(figures.notSent, 'every reply ends sent in Careline').toEqual([]);
    expect(figures.wrongWamid, 'Careline keeps the wamid Meta gave for each reply').toEqual([]);
  }, 120_000);
});
