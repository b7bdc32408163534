/** Time as a port, so tests can fix it and domain code never calls `new Date()` itself. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
