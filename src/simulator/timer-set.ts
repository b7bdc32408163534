import type { PendingWork } from './pending-work.ts';

/** Timers that count as pending work and can all be cancelled at once when the simulator closes. */
export class TimerSet {
  readonly #pending: PendingWork;
  readonly #timers = new Map<NodeJS.Timeout, () => void>();
  #closed = false;

  constructor(pending: PendingWork) {
    this.#pending = pending;
  }

  /** Runs `task` after `delayMs`; anything `task` starts is counted before this timer stops counting. */
  schedule(delayMs: number, task: () => void): void {
    if (this.#closed) return;
    const finish = this.#pending.start();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      try {
        task();
      } finally {
        finish();
      }
    }, delayMs);
    this.#timers.set(timer, finish);
  }

  /** Cancels every timer not yet fired; later `schedule` calls do nothing. */
  close(): void {
    this.#closed = true;
    for (const [timer, finish] of this.#timers) {
      clearTimeout(timer);
      finish();
    }
    this.#timers.clear();
  }
}
