import { describe, expect, test } from 'vitest';
import { type PairKey, PairLimiter } from './pair-limiter.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const patient: PairKey = { numberKey: '+3225550100', recipientKey: '+32470000001' };

/** Sends to one pair whenever allowed from `fromMs` until `toMs`; returns the send times. */
function sendTimes(limiter: PairLimiter, pair: PairKey, fromMs: number, toMs: number): number[] {
  const times: number[] = [];
  let nowMs = fromMs;
  while (nowMs < toMs) {
    const result = limiter.take(pair, nowMs);
    if (result.ok) times.push(nowMs);
    else nowMs += result.retryAfterMs;
  }
  return times;
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((time, i) => time - (times[i] ?? time));
}

describe('PairLimiter', () => {
  test('a new pair gets a burst of 45, then waits out the borrowed 270 s, then is spaced 6 s', () => {
    const limiter = new PairLimiter();
    const times = sendTimes(limiter, patient, 0, 10 * MINUTE);
    expect(times.slice(0, 45).every((time) => time === 0)).toBe(true);
    expect(times[45]).toBe(45 * 6 * SECOND);
    expect(new Set(gaps(times.slice(45)))).toEqual(new Set([6 * SECOND]));
  });

  test('a 20-message burst is followed by a cool-down of about 2 minutes from its start', () => {
    const limiter = new PairLimiter();
    for (let i = 0; i < 20; i++) expect(limiter.take(patient, i * 100).ok).toBe(true);
    expect(limiter.take(patient, 7 * SECOND)).toEqual({ ok: false, retryAfterMs: 2 * MINUTE - 7 * SECOND });
    expect(limiter.take(patient, 2 * MINUTE - 1).ok).toBe(false);
    expect(limiter.take(patient, 2 * MINUTE).ok).toBe(true);
  });

  test('a burst may go on for 6 s, up to 45 messages, and no longer', () => {
    const limiter = new PairLimiter();
    for (let i = 0; i < 45; i++) expect(limiter.take(patient, i * 100).ok).toBe(true);
    expect(limiter.take(patient, 4600)).toEqual({ ok: false, retryAfterMs: 270 * SECOND - 4600 });

    const other = { ...patient, recipientKey: '+32470000002' };
    expect(limiter.take(other, 0).ok).toBe(true);
    expect(limiter.take(other, 5999).ok).toBe(true);
    expect(limiter.take(other, 6000)).toEqual({ ok: false, retryAfterMs: 6000 });
  });

  test('sustained, a pair gets about 600 messages an hour', () => {
    const limiter = new PairLimiter();
    const hour = sendTimes(limiter, patient, 0, 60 * MINUTE).length;
    expect(Math.abs(hour - 600) / 600).toBeLessThan(0.01);
  });

  test('burst credit is earned back one message per interval of idle time after the debt is repaid', () => {
    const limiter = new PairLimiter();
    for (let i = 0; i < 20; i++) limiter.take(patient, 0);
    // Debt repaid at 120 s; two more idle intervals earn a burst of three.
    const at = 2 * MINUTE + 12 * SECOND;
    expect(sendTimes(limiter, patient, at, at + 1)).toHaveLength(3);
    // After 44 idle intervals past the repayment, the full 45 again.
    const later = at + 3 * 6 * SECOND + 44 * 6 * SECOND;
    expect(sendTimes(limiter, patient, later, later + 1)).toHaveLength(45);
  });

  test('pairs are independent, and unusual keys do not collide', () => {
    const limiter = new PairLimiter({ burst: 1 });
    expect(limiter.take({ numberKey: 'a:b', recipientKey: 'c' }, 0).ok).toBe(true);
    expect(limiter.take({ numberKey: 'a', recipientKey: 'b:c' }, 0).ok).toBe(true);
    expect(limiter.take({ numberKey: 'other', recipientKey: 'c' }, 0).ok).toBe(true);
    expect(limiter.take({ numberKey: 'a:b', recipientKey: 'c' }, 0).ok).toBe(false);
  });

  test('waitMs and a refusal record nothing', () => {
    const limiter = new PairLimiter({ burst: 2 });
    expect(limiter.waitMs(patient, 0)).toBe(0);
    expect(limiter.size).toBe(0);
    limiter.take(patient, 0);
    limiter.take(patient, 0);
    for (let i = 0; i < 10; i++) expect(limiter.take(patient, 7000).ok).toBe(false);
    expect(limiter.waitMs(patient, 7000)).toBe(5000);
  });

  test('a block (Meta said 131056) holds the pair until it ends, then allows one message at a time', () => {
    const limiter = new PairLimiter();
    limiter.take(patient, 0);
    limiter.block(patient, 1000, 1000 + 5 * MINUTE);
    expect(limiter.take(patient, 1000 + 5 * MINUTE - 1)).toEqual({ ok: false, retryAfterMs: 1 });
    const after = sendTimes(limiter, patient, 1000 + 5 * MINUTE, 1000 + 6 * MINUTE);
    expect(after[0]).toBe(1000 + 5 * MINUTE);
    expect(new Set(gaps(after))).toEqual(new Set([6 * SECOND]));
  });

  test('after 100,000 recipients go idle they are swept out', () => {
    const limiter = new PairLimiter();
    for (let i = 0; i < 100_000; i++) {
      limiter.take({ numberKey: 'n', recipientKey: `r${i}` }, Math.floor(i / 100));
    }
    expect(limiter.size).toBe(100_000);
    // Once a pair has earned back its full burst, forgetting it changes nothing.
    limiter.take(patient, 10 * MINUTE);
    expect(limiter.size).toBe(1);
  });

  test('sweeping keeps pairs that still owe time', () => {
    const limiter = new PairLimiter();
    for (let i = 0; i < 45; i++) limiter.take(patient, 0);
    limiter.take({ numberKey: 'n', recipientKey: 'idle' }, 0);
    limiter.sweep(5 * MINUTE);
    expect(limiter.size).toBe(1);
    // Debt repaid at 270 s; 30 s later it has earned a burst of 6, not the 45 of a forgotten pair.
    expect(sendTimes(limiter, patient, 5 * MINUTE, 5 * MINUTE + 1)).toHaveLength(6);
  });

  test('past maxPairs the least recently used pairs are forgotten', () => {
    const limiter = new PairLimiter({ maxPairs: 1000 });
    for (let i = 0; i < 5000; i++) limiter.take({ numberKey: 'n', recipientKey: `r${i}` }, 0);
    expect(limiter.size).toBe(1000);
    expect(limiter.waitMs({ numberKey: 'n', recipientKey: 'r4999' }, 6001)).toBe(0);
    expect(limiter.take({ numberKey: 'n', recipientKey: 'r4999' }, 10).ok).toBe(true);
  });

  test('nonsense settings are refused', () => {
    expect(() => new PairLimiter({ intervalMs: 0 })).toThrow(RangeError);
    expect(() => new PairLimiter({ burst: 0.5 })).toThrow(RangeError);
    expect(() => new PairLimiter({ maxPairs: 0 })).toThrow(RangeError);
  });
});
