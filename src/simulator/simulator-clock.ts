/**
 * The simulator's time. Everything time-bound (the 24-hour window, media URL and id expiry, rate
 * limits, webhook timestamps) reads it, so tests can jump hours ahead without waiting.
 */
export interface SimulatorClock {
  now(): Date;
  /** Moves a controllable clock forward; undefined when the clock cannot be moved from outside. */
  advance?: (ms: number) => Date;
}

export type ClockOption = 'system' | { start: Date };

/** `now` (a function the caller controls) wins over `clock`; the default is the system clock. */
export function simulatorClock(options: { now?: () => Date; clock?: ClockOption }): SimulatorClock {
  if (options.now) return { now: options.now };
  const clock = options.clock ?? 'system';
  if (clock === 'system') return { now: () => new Date() };
  let current = clock.start.getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
      return new Date(current);
    },
  };
}
