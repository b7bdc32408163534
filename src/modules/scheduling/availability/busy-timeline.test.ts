import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { BusyTimeline, type Interval } from './busy-timeline.ts';

const BASE = Temporal.Instant.from('2027-06-14T00:00:00Z');
const minute = (n: number) => BASE.add({ minutes: n });
const interval = (start: number, end: number): Interval => ({
  start: minute(start).toString(),
  end: minute(end).toString(),
});

describe('BusyTimeline', () => {
  test('half-open: touching a busy stretch is not overlapping it', () => {
    const timeline = new BusyTimeline([interval(60, 90)]);
    expect(timeline.overlaps(minute(30), minute(60))).toBe(false);
    expect(timeline.overlaps(minute(90), minute(120))).toBe(false);
    expect(timeline.overlaps(minute(89), minute(120))).toBe(true);
    expect(timeline.overlaps(minute(0), minute(61))).toBe(true);
    expect(timeline.overlaps(minute(0), minute(200))).toBe(true);
  });

  test('agrees with checking every interval, for overlapping, nested and unsorted input', () => {
    // A fixed pseudo-random sequence (a linear congruential generator) so failures replay.
    let seed = 42;
    const next = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % max;
    };
    const busy = Array.from({ length: 200 }, () => {
      const start = next(10_000);
      return { start, end: start + 1 + next(120) };
    });
    const timeline = new BusyTimeline(busy.map((b) => interval(b.start, b.end)));
    for (let probe = 0; probe < 2_000; probe++) {
      const start = next(10_200);
      const end = start + 1 + next(90);
      const expected = busy.some((b) => b.start < end && b.end > start);
      expect(timeline.overlaps(minute(start), minute(end))).toBe(expected);
    }
  });

  test('nothing busy overlaps nothing', () => {
    expect(new BusyTimeline([]).overlaps(minute(0), minute(1_000))).toBe(false);
  });
});
