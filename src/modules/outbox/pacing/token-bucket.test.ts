import { describe, expect, test } from 'vitest';
import { type TakeResult, TokenBucket } from './token-bucket.ts';

/** Plays a greedy sender from `fromMs` to `toMs`: sends whenever allowed, else sleeps as told. */
function sendGreedily(take: (nowMs: number) => TakeResult, fromMs: number, toMs: number): number {
  let sent = 0;
  let nowMs = fromMs;
  while (nowMs < toMs) {
    const result = take(nowMs);
    if (result.ok) sent++;
    else nowMs += result.retryAfterMs;
  }
  return sent;
}

describe('TokenBucket', () => {
  test('80 sends in the same instant succeed and the 81st is told to wait about 12.5 ms', () => {
    const bucket = new TokenBucket({ ratePerSecond: 80, burst: 80 });
    for (let i = 0; i < 80; i++) expect(bucket.take(1000)).toEqual({ ok: true });
    const refused = bucket.take(1000);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    // Whole milliseconds: 12.5 rounds up, since at 12 ms the token is not whole yet.
    expect(refused.retryAfterMs).toBe(13);
    expect(bucket.take(1012).ok).toBe(false);
    expect(bucket.take(1013).ok).toBe(true);
  });

  test('at 1,000 per second the 1,001st waits 1 ms', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1000, burst: 1000 });
    for (let i = 0; i < 1000; i++) expect(bucket.take(5).ok).toBe(true);
    expect(bucket.take(5)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(bucket.take(6).ok).toBe(true);
  });

  test.each([20, 80, 1000, 2.5])('a greedy sender gets %d per second over 60 s, within 1 %', (rate) => {
    const bucket = new TokenBucket({ ratePerSecond: rate, burst: Math.ceil(rate) });
    sendGreedily((now) => bucket.take(now), 0, 1); // spend the initial burst
    const sent = sendGreedily((now) => bucket.take(now), 1, 60_001);
    expect(Math.abs(sent - rate * 60) / (rate * 60)).toBeLessThan(0.01);
  });

  test('a day of irregular takes at 3 per second loses or invents not a single token', () => {
    const bucket = new TokenBucket({ ratePerSecond: 3, burst: 10 });
    let taken = 0;
    let nowMs = 0;
    const dayMs = 86_400_000;
    for (let step = 0; nowMs <= dayMs; step++) {
      while (bucket.take(nowMs).ok) taken++;
      // Under 1 s apart, so the bucket never fills up and drops what it earns.
      nowMs = nowMs === dayMs ? dayMs + 1 : Math.min(dayMs, nowMs + 97 + (step % 7) * 31);
    }
    // 10 to start with, then exactly 3 per second: one third of a token per ms is never rounded.
    expect(taken).toBe(10 + 3 * 86_400);
  });

  test('a refused take leaves the bucket as it was', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 5 });
    for (let i = 0; i < 5; i++) bucket.take(0);
    const before = bucket.tokensAt(50);
    expect(bucket.take(50, 1).ok).toBe(false);
    expect(bucket.take(50, 3).ok).toBe(false);
    expect(bucket.tokensAt(50)).toBe(before);
    expect(bucket.take(100).ok).toBe(true);
  });

  test('waitMs answers without taking anything', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 });
    expect(bucket.waitMs(0)).toBe(0);
    expect(bucket.waitMs(0)).toBe(0);
    bucket.take(0);
    expect(bucket.waitMs(250)).toBe(750);
  });

  test('keep leaves tokens behind for someone else', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 10 });
    let bulk = 0;
    while (bucket.take(0, 1, { keep: 2 }).ok) bulk++;
    expect(bulk).toBe(8);
    expect(bucket.waitMs(0, 1, { keep: 2 })).toBe(100);
    expect(bucket.take(0).ok).toBe(true);
    expect(bucket.take(0).ok).toBe(true);
    expect(bucket.take(0).ok).toBe(false);
    // Refill goes to restoring the kept tokens before anything more is allowed past them.
    expect(bucket.waitMs(0, 1, { keep: 2 })).toBe(300);
  });

  test('an upgrade from 80 to 1,000 per second is not back-dated', () => {
    const bucket = new TokenBucket({ ratePerSecond: 80, burst: 80 });
    sendGreedily((now) => bucket.take(now), 0, 1);
    bucket.setRate(100, 1000, 1000);
    expect(bucket.ratePerSecond).toBe(1000);
    expect(bucket.burst).toBe(1000);
    // 100 ms at 80/s earned 8 tokens; the faster rate only counts from the upgrade on.
    expect(bucket.tokensAt(100)).toBe(8);
    expect(bucket.tokensAt(110)).toBe(18);
    expect(sendGreedily((now) => bucket.take(now), 110, 60_111)).toBe(18 + 60_000);
  });

  test('a smaller burst drops tokens above it', () => {
    const bucket = new TokenBucket({ ratePerSecond: 80, burst: 80 });
    bucket.setRate(0, 40, 40);
    expect(bucket.tokensAt(0)).toBe(40);
  });

  test('a pause empties the bucket and refills nothing until it ends', () => {
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 100 });
    bucket.pause(0, 2000);
    expect(bucket.take(1999)).toEqual({ ok: false, retryAfterMs: 11 });
    expect(bucket.take(2009).ok).toBe(false);
    expect(bucket.take(2010).ok).toBe(true);
  });

  test('a clock stepped backwards refills nothing and takes nothing away', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 2 });
    bucket.take(10_000);
    bucket.take(10_000);
    expect(bucket.take(5_000).ok).toBe(false);
    expect(bucket.take(11_000).ok).toBe(true);
  });

  test('fractional timestamps count in whole milliseconds', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1000, burst: 1 });
    bucket.take(0.2);
    expect(bucket.take(0.9).ok).toBe(false);
    expect(bucket.take(1.1).ok).toBe(true);
  });

  test('impossible requests and settings are refused loudly', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 5 });
    expect(() => bucket.take(0, 6)).toThrow(RangeError);
    expect(() => bucket.take(0, 0)).toThrow(RangeError);
    expect(() => bucket.take(0, 1.5)).toThrow(RangeError);
    expect(() => bucket.take(0, 1, { keep: 5 })).toThrow(RangeError);
    expect(() => bucket.take(Number.NaN)).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: Number.POSITIVE_INFINITY, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 0 })).toThrow(RangeError);
    expect(() => bucket.setRate(0, -1)).toThrow(RangeError);
    expect(bucket.ratePerSecond).toBe(10);
  });
});
