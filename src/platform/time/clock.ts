/**
 * Where modules and channels read the current time. The app builds one (the system's) and passes it
 * down; tests pass a `TestClock` and move it instead of sleeping until a date comes.
 */
export interface Clock {
  now(): Date;
  /** The same instant in milliseconds since the epoch, for arithmetic on deadlines. */
  nowMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  nowMs: () => Date.now(),
};

/** A clock stopped at `at`: one transaction's work reads the instant it started with, whatever it calls. */
export function fixedClock(at: Date | string): Clock {
  const ms = new Date(at).getTime();
  return { now: () => new Date(ms), nowMs: () => ms };
}
