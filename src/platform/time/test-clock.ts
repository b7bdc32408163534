import type { Clock } from './clock.ts';

/** A clock that stands still until a test sets it or moves it forward. */
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
