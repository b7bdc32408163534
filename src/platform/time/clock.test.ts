import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from './clock.ts';
import { TestClock } from './test-clock.ts';

describe('clocks', () => {
  it('the system clock reads the time of day', () => {
    const before = Date.now();
    const read = systemClock.now().getTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(systemClock.nowMs()).toBeGreaterThanOrEqual(read);
  });

  it('a test clock stands still until it is set or moved', () => {
    const clock = new TestClock('2026-10-25T00:30:00Z');
    expect(clock.now().toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(clock.advance(2 * 3_600_000).toISOString()).toBe('2026-10-25T02:30:00.000Z');
    expect(clock.nowMs()).toBe(Date.parse('2026-10-25T02:30:00Z'));
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('a fixed clock gives a fresh Date each time, so callers cannot move it by mutating one', () => {
    const clock = fixedClock('2026-03-02T09:00:00Z');
    clock.now().setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });
});
