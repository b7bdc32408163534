/**
 * Counts work still under way (scheduled statuses, webhook deliveries) so tests can wait for the
 * simulator to go quiet instead of sleeping. A new piece of work must be started before the piece that
 * spawned it is done, or `idle()` could resolve in between.
 */
export class PendingWork {
  #count = 0;
  #waiters: Array<() => void> = [];

  /** Marks one piece of work as started; call the returned function once when it is over. */
  start(): () => void {
    this.#count += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#count -= 1;
      if (this.#count === 0) this.#wakeWaiters();
    };
  }

  get count(): number {
    return this.#count;
  }

  /** Resolves once nothing is pending (at once if nothing is). */
  idle(): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #wakeWaiters(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
