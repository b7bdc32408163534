import type { Clock } from './clock.ts';

/**
 * A clock that stands still until a test sets it or moves it. It moves what Careline decides by time
 * (what is due, windows, codes, expiries); the job queue still runs jobs by the database's time, so a
 * job Careline schedules at the moved time does not run sooner for it.
 */
export class TestClock implements Clock {
  #ms: number;

  constructor(at: Date | string = '2026-03-02T09:00:00.000Z') {
    this.#ms = new Date(at).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  nowMs(): number {
    return this.#ms;
  }

  set(at: Date | string): Date {
    this.#ms = new Date(at).getTime();
    return this.now();
  }

  advance(ms: number): Date {
    this.#ms += ms;
    return this.now();
  }
}
