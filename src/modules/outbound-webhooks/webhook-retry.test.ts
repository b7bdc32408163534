import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from './webhook-retry.ts';

const occurredAt = new Date('2026-12-07T10:00:00Z');
const sinceEvent = (ms: number) => new Date(occurredAt.getTime() + ms);
const middle = () => 0.5;

describe('nextAttemptAt', () => {
  it('waits longer after each failure, up to 8 hours', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map(
      (attempts) =>
        (nextAttemptAt(DEFAULT_RETRY_POLICY, occurredAt, attempts, occurredAt, middle)?.getTime() ?? 0) -
        occurredAt.getTime(),
    );
    expect(delays.slice(0, 4)).toEqual([5_000, 25_000, 125_000, 625_000]);
    expect(delays[7]).toBe(8 * 3_600_000);
  });

  it('draws each delay within ±20 %', () => {
    const low = nextAttemptAt(DEFAULT_RETRY_POLICY, occurredAt, 1, occurredAt, () => 0);
    const high = nextAttemptAt(DEFAULT_RETRY_POLICY, occurredAt, 1, occurredAt, () => 1);
    expect(low).toEqual(sinceEvent(4_000));
    expect(high).toEqual(sinceEvent(6_000));
  });

  it('tries once more at the end of three days, then gives up', () => {
    const nearEnd = sinceEvent(3 * 24 * 3_600_000 - 60_000);
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, occurredAt, 12, nearEnd, middle)).toEqual(
      sinceEvent(3 * 24 * 3_600_000),
    );
    expect(
      nextAttemptAt(DEFAULT_RETRY_POLICY, occurredAt, 13, sinceEvent(3 * 24 * 3_600_000), middle),
    ).toBeNull();
  });
});
