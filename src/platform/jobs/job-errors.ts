/** Thrown by a handler when trying again cannot help (bad data, a provider's final refusal). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * Thrown by a handler that must wait (pacing, a reconciliation delay): the job runs again at `until`,
 * and this run does not count as a failed attempt.
 */
export class DeferJob extends Error {
  override name = 'DeferJob';
  readonly until: Date;

  constructor(until: Date, reason: string) {
    super(reason);
    this.until = until;
  }
}

/**
 * Thrown by a handler whose failure should pass soon (a lost connection, a deadlock): the job runs
 * again after `afterMs`, not after the usual backoff. With `leaveSequence`, the later jobs of its
 * sequence stop waiting for it: a patient's next message must not queue behind one that keeps failing.
 */
export class RetryJob extends Error {
  override name = 'RetryJob';
  readonly afterMs: number;
  readonly leaveSequence: boolean;

  constructor(reason: string, options: { afterMs: number; leaveSequence: boolean }) {
    super(reason);
    this.afterMs = options.afterMs;
    this.leaveSequence = options.leaveSequence;
  }
}
