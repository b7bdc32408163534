import { describe, expect, test } from 'vitest';
import { type SendKind, SendPacer, type SendPacerOptions } from './send-pacer.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const NUMBER = '+3225550100';

function pacerOnFakeClock(options: SendPacerOptions = {}) {
  const clock = { nowMs: 0 };
  const pacer = new SendPacer({ ...options, now: () => clock.nowMs });
  return { pacer, clock };
}

/**
 * A bulk backlog to distinct recipients from `numberKey`, sent whenever the pacer allows until
 * `toMs`, sleeping as told in between; the clock is left at `toMs`. Returns how many went.
 */
function drainBulk(
  { pacer, clock }: ReturnType<typeof pacerOnFakeClock>,
  toMs: number,
  numberKey = NUMBER,
  kind: SendKind = 'bulk',
): number {
  let sent = 0;
  while (clock.nowMs < toMs) {
    const decision = pacer.reserve({ numberKey, recipientKey: `patient-${clock.nowMs}-${sent}`, kind });
    if (decision.ok) sent++;
    else clock.nowMs = Math.min(toMs, clock.nowMs + decision.retryAfterMs);
  }
  return sent;
}

describe('SendPacer: per-number throughput', () => {
  test('at 80 mps a quarter second’s worth goes at once (20), and the 21st is told to wait about 12.5 ms', () => {
    const { pacer } = pacerOnFakeClock();
    for (let i = 0; i < 20; i++) {
      expect(pacer.reserve({ numberKey: NUMBER, recipientKey: `p${i}`, kind: 'reply' })).toEqual({
        ok: true,
      });
    }
    expect(pacer.reserve({ numberKey: NUMBER, recipientKey: 'p20', kind: 'reply' })).toEqual({
      ok: false,
      retryAfterMs: 13,
      reason: 'number_rate',
    });
  });

  test('a number upgraded to 1,000 mps: 250 at once, the 251st waits 1 ms', () => {
    const { pacer } = pacerOnFakeClock();
    pacer.setNumberRate(NUMBER, 1000);
    for (let i = 0; i < 250; i++) {
      expect(pacer.reserve({ numberKey: NUMBER, recipientKey: `p${i}`, kind: 'reply' }).ok).toBe(true);
    }
    expect(pacer.reserve({ numberKey: NUMBER, recipientKey: 'p250', kind: 'reply' })).toEqual({
      ok: false,
      retryAfterMs: 1,
      reason: 'number_rate',
    });
  });

  test.each([80, 20, 1000])('over 60 s a number set to %d mps sends that rate, within 1 %', (rate) => {
    const paced = pacerOnFakeClock();
    paced.pacer.setNumberRate(NUMBER, rate);
    drainBulk(paced, 1); // the opening burst
    const sent = drainBulk(paced, 60_001);
    expect(Math.abs(sent - rate * 60) / (rate * 60)).toBeLessThan(0.01);
  });

  test('numbers are paced separately', () => {
    const paced = pacerOnFakeClock();
    drainBulk(paced, 1);
    expect(paced.pacer.reserve({ numberKey: 'other', recipientKey: 'p', kind: 'bulk' }).ok).toBe(true);
  });

  test('an upgrade mid-run takes effect at once, without crediting the past at the new rate', () => {
    const paced = pacerOnFakeClock();
    drainBulk(paced, 10 * SECOND);
    paced.pacer.setNumberRate(NUMBER, 1000);
    expect(paced.pacer.rateOf(NUMBER)).toBe(1000);
    const sent = drainBulk(paced, 70 * SECOND);
    expect(Math.abs(sent - 60_000) / 60_000).toBeLessThan(0.01);
  });

  test('a burst of a full second can be chosen; none longer, none empty', () => {
    const { pacer } = pacerOnFakeClock({ burstMs: 1000 });
    for (let i = 0; i < 80; i++) {
      expect(pacer.reserve({ numberKey: NUMBER, recipientKey: `p${i}`, kind: 'reply' }).ok).toBe(true);
    }
    expect(pacer.reserve({ numberKey: NUMBER, recipientKey: 'p80', kind: 'reply' }).ok).toBe(false);
    expect(() => new SendPacer({ burstMs: 0 })).toThrow(RangeError);
    expect(() => new SendPacer({ burstMs: 1001 })).toThrow(RangeError);
  });

  test('rates outside Meta’s 1..1,000 mps are refused', () => {
    const { pacer } = pacerOnFakeClock();
    for (const rate of [0, 0.5, 1001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => pacer.setNumberRate(NUMBER, rate)).toThrow(RangeError);
    }
    expect(() => new SendPacer({ defaultRatePerSecond: 5000 })).toThrow(RangeError);
    expect(pacer.rateOf(NUMBER)).toBe(80);
  });
});

describe('SendPacer: pair limit', () => {
  test('one patient gets a burst, then the pair is spaced by what the burst borrowed', () => {
    const { pacer, clock } = pacerOnFakeClock();
    const toPatient = { numberKey: NUMBER, recipientKey: 'patient', kind: 'reply' } as const;
    for (let i = 0; i < 20; i++) {
      clock.nowMs = i * 50;
      expect(pacer.reserve(toPatient).ok).toBe(true);
    }
    clock.nowMs = 10 * SECOND;
    expect(pacer.reserve(toPatient)).toEqual({ ok: false, retryAfterMs: 110 * SECOND, reason: 'pair_rate' });
    clock.nowMs = 2 * MINUTE;
    expect(pacer.reserve(toPatient).ok).toBe(true);
    clock.nowMs += 1;
    expect(pacer.reserve(toPatient)).toEqual({
      ok: false,
      retryAfterMs: 6 * SECOND - 1,
      reason: 'pair_rate',
    });
  });

  test('the burst size and interval are configurable', () => {
    const { pacer } = pacerOnFakeClock({ pairBurst: 3, pairIntervalMs: 1000 });
    const toPatient = { numberKey: NUMBER, recipientKey: 'patient', kind: 'reply' } as const;
    for (let i = 0; i < 3; i++) expect(pacer.reserve(toPatient).ok).toBe(true);
    expect(pacer.reserve(toPatient)).toEqual({ ok: false, retryAfterMs: 3000, reason: 'pair_rate' });
  });

  test('a refusal consumes nothing: a pair refused does not use number tokens, and vice versa', () => {
    const { pacer, clock } = pacerOnFakeClock({ burstMs: 1000 });
    const toPatient = { numberKey: NUMBER, recipientKey: 'patient', kind: 'reply' } as const;
    for (let i = 0; i < 45; i++) pacer.reserve(toPatient);
    for (let i = 0; i < 100; i++) expect(pacer.reserve(toPatient).ok).toBe(false);
    for (let i = 0; i < 35; i++) {
      expect(pacer.reserve({ numberKey: NUMBER, recipientKey: `other${i}`, kind: 'reply' }).ok).toBe(true);
    }
    // Now the number is empty: refusals on its account must not eat a fresh pair's burst.
    const fresh = { numberKey: NUMBER, recipientKey: 'fresh', kind: 'reply' } as const;
    for (let i = 0; i < 100; i++) expect(pacer.reserve(fresh)).toMatchObject({ reason: 'number_rate' });
    clock.nowMs = 2 * SECOND;
    for (let i = 0; i < 45; i++) expect(pacer.reserve(fresh).ok).toBe(true);
  });

  test('when both limits refuse, the longer wait is reported', () => {
    const { pacer } = pacerOnFakeClock({ defaultRatePerSecond: 1, pairBurst: 1 });
    pacer.reserve({ numberKey: NUMBER, recipientKey: 'patient', kind: 'reply' });
    expect(pacer.reserve({ numberKey: NUMBER, recipientKey: 'patient', kind: 'reply' })).toEqual({
      ok: false,
      retryAfterMs: 6000,
      reason: 'pair_rate',
    });
  });
});

// These figures assume a one-second burst (80 tokens, a reserve of 16), which keeps them readable.
describe('SendPacer: replies are not starved by bulk', () => {
  test('while a bulk backlog saturates the number, every reply goes out on its first try', () => {
    const paced = pacerOnFakeClock({ burstMs: 1000 });
    let repliesSent = 0;
    let bulkSent = 0;
    // A patient writes in every 100 ms; between replies the broadcast takes everything it may.
    for (let reply = 1; reply <= 600; reply++) {
      bulkSent += drainBulk(paced, reply * 100);
      const decision = paced.pacer.reserve({
        numberKey: NUMBER,
        recipientKey: `patient${reply}`,
        kind: 'reply',
      });
      expect(decision).toEqual({ ok: true });
      repliesSent++;
    }
    expect(repliesSent).toBe(600);
    // Over the 60 s bulk got what replies left: 80 - 10 a second, after its opening burst of 64.
    expect(Math.abs(bulkSent - 64 - 70 * 60) / (70 * 60)).toBeLessThan(0.01);
  });

  test('bulk alone still gets the full rate, only its first burst is 80 % as large', () => {
    const paced = pacerOnFakeClock({ burstMs: 1000 });
    expect(drainBulk(paced, 1)).toBe(64);
    const sent = drainBulk(paced, 60_001);
    expect(Math.abs(sent - 80 * 60) / (80 * 60)).toBeLessThan(0.01);
  });

  test('replies may use the reserve bulk must leave', () => {
    const paced = pacerOnFakeClock({ burstMs: 1000 });
    drainBulk(paced, 1);
    expect(paced.pacer.reserve({ numberKey: NUMBER, recipientKey: 'late', kind: 'bulk' })).toMatchObject({
      ok: false,
      reason: 'number_rate',
    });
    const replies = drainBulk(paced, 2, NUMBER, 'reply');
    expect(replies).toBe(16);
  });

  test('a replyShare of 0 lets bulk take the whole bucket', () => {
    const paced = pacerOnFakeClock({ replyShare: 0, burstMs: 1000 });
    expect(drainBulk(paced, 1)).toBe(80);
    expect(() => pacerOnFakeClock({ replyShare: 1 })).toThrow(RangeError);
  });

  test('a 1-mps number keeps no reserve, so bulk can still send', () => {
    const paced = pacerOnFakeClock({ defaultRatePerSecond: 1 });
    expect(drainBulk(paced, 10 * SECOND)).toBe(10);
  });
});

describe('SendPacer: penalties when Meta refuses anyway', () => {
  test('130429 pauses the number, halves its rate for a while, then restores it', () => {
    const paced = pacerOnFakeClock({ numberPenaltyMs: MINUTE });
    const { pacer, clock } = paced;
    drainBulk(paced, 10 * SECOND);
    pacer.penalise(NUMBER, 5 * SECOND);
    expect(pacer.rateOf(NUMBER)).toBe(40);
    expect(pacer.reserve({ numberKey: NUMBER, recipientKey: 'p', kind: 'reply' })).toEqual({
      ok: false,
      retryAfterMs: 5 * SECOND + 25,
      reason: 'number_rate',
    });
    clock.nowMs = 15 * SECOND;
    const slow = drainBulk(paced, 75 * SECOND);
    expect(Math.abs(slow - 40 * 60) / (40 * 60)).toBeLessThan(0.01);
    clock.nowMs = 80 * SECOND;
    expect(pacer.rateOf(NUMBER)).toBe(80);
    const restored = drainBulk(paced, 140 * SECOND);
    expect(Math.abs(restored - 80 * 60) / (80 * 60)).toBeLessThan(0.02);
  });

  test('repeated 130429s halve again, down to 1 mps', () => {
    const { pacer } = pacerOnFakeClock();
    pacer.penalise(NUMBER, 0);
    pacer.penalise(NUMBER, 0);
    expect(pacer.rateOf(NUMBER)).toBe(20);
    for (let i = 0; i < 20; i++) pacer.penalise(NUMBER, 0);
    expect(pacer.rateOf(NUMBER)).toBe(1);
  });

  test('130429s answering calls that were in flight together halve the rate once', () => {
    const { pacer, clock } = pacerOnFakeClock({ numberPenaltyMs: MINUTE });
    pacer.setNumberRate(NUMBER, 1000);
    for (let i = 0; i < 7; i++) pacer.penalise(NUMBER, SECOND);
    expect(pacer.rateOf(NUMBER)).toBe(500);
    // Once the pause is over, a new refusal is news: the number was still too fast.
    clock.nowMs = SECOND + 1;
    pacer.penalise(NUMBER, SECOND);
    expect(pacer.rateOf(NUMBER)).toBe(250);
  });

  test('a new rate set while penalised applies, halved, until the penalty ends', () => {
    const { pacer, clock } = pacerOnFakeClock({ numberPenaltyMs: MINUTE });
    pacer.penalise(NUMBER, 0);
    pacer.setNumberRate(NUMBER, 1000);
    expect(pacer.rateOf(NUMBER)).toBe(500);
    clock.nowMs = MINUTE;
    expect(pacer.rateOf(NUMBER)).toBe(1000);
  });

  test('131056 blocks that pair only, for as long as asked', () => {
    const { pacer, clock } = pacerOnFakeClock();
    const pair = { numberKey: NUMBER, recipientKey: 'patient' };
    expect(pacer.reserve({ ...pair, kind: 'reply' }).ok).toBe(true);
    pacer.penalise(pair, 10 * MINUTE);
    clock.nowMs = 9 * MINUTE;
    expect(pacer.reserve({ ...pair, kind: 'reply' })).toEqual({
      ok: false,
      retryAfterMs: MINUTE,
      reason: 'pair_rate',
    });
    expect(pacer.reserve({ numberKey: NUMBER, recipientKey: 'someone else', kind: 'reply' }).ok).toBe(true);
    clock.nowMs = 10 * MINUTE;
    expect(pacer.reserve({ ...pair, kind: 'reply' }).ok).toBe(true);
  });

  test('a negative or missing wait is refused', () => {
    const { pacer } = pacerOnFakeClock();
    expect(() => pacer.penalise(NUMBER, -1)).toThrow(RangeError);
    expect(() => pacer.penalise(NUMBER, Number.NaN)).toThrow(RangeError);
  });
});

describe('SendPacer: memory', () => {
  test('after 100,000 recipients go idle the pairs held drop back', () => {
    const paced = pacerOnFakeClock();
    paced.pacer.setNumberRate(NUMBER, 1000);
    expect(drainBulk(paced, 100 * SECOND)).toBeGreaterThan(100_000);
    expect(paced.pacer.trackedPairs).toBeGreaterThan(100_000);
    paced.clock.nowMs = 10 * MINUTE;
    paced.pacer.reserve({ numberKey: NUMBER, recipientKey: 'tomorrow', kind: 'reply' });
    expect(paced.pacer.trackedPairs).toBe(1);
  });
});
