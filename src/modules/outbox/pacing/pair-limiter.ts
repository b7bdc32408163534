import type { TakeResult } from './token-bucket.ts';

/** One business phone number writing to one recipient. */
export interface PairKey {
  numberKey: string;
  recipientKey: string;
}

export interface PairLimiterOptions {
  /** Sustained spacing Meta allows between two messages of a pair; default 6,000 ms. */
  intervalMs?: number;
  /** Most messages in one burst; default 45. */
  burst?: number;
  /** A burst is messages sent within this long of its first; default `intervalMs` ("45 in 6 s"). */
  burstWindowMs?: number;
  /** Hard cap on pairs held; past it the least recently used pair is forgotten. Default 250,000. */
  maxPairs?: number;
  /** How often (in clock time) idle pairs are swept out; default 60,000 ms. */
  sweepEveryMs?: number;
}

/**
 * Models Meta's pair rate limit (§1.11: ~1 message per 6 s to one user, bursts up to 45 that borrow
 * from future quota, ~2 min cool-down after 20). Each message adds one interval of debt; while a
 * pair owes time, more messages are allowed only inside the burst that created the debt, so after a
 * burst of n the pair waits until n intervals after the burst began. Burst credit is earned back at
 * one message per interval only while the pair is debt-free: a pair that just repaid a burst is
 * spaced one interval apart, and gets a full burst again after (burst - 1) idle intervals.
 */
export class PairLimiter {
  private readonly intervalMs: number;
  private readonly burst: number;
  private readonly burstWindowMs: number;
  private readonly maxPairs: number;
  private readonly sweepEveryMs: number;
  /** Insertion order is recency: every write moves the pair to the end, so the first is the LRU. */
  private readonly pairs = new Map<string, PairState>();
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  constructor(options: PairLimiterOptions = {}) {
    this.intervalMs = positive('intervalMs', options.intervalMs ?? 6000);
    this.burst = wholePositive('burst', options.burst ?? 45);
    this.burstWindowMs = positive('burstWindowMs', options.burstWindowMs ?? this.intervalMs);
    this.maxPairs = wholePositive('maxPairs', options.maxPairs ?? 250_000);
    this.sweepEveryMs = positive('sweepEveryMs', options.sweepEveryMs ?? 60_000);
  }

  /** Pairs currently remembered. */
  get size(): number {
    return this.pairs.size;
  }

  /** Milliseconds until `pair` may be sent to (0 = now), without recording anything. */
  waitMs(pair: PairKey, nowMs: number): number {
    const decision = this.decide(this.pairs.get(keyOf(pair)), nowMs);
    return decision.ok ? 0 : decision.retryAfterMs;
  }

  /** Records a message to `pair` if the limit allows it; a refusal records nothing. */
  take(pair: PairKey, nowMs: number): TakeResult {
    const key = keyOf(pair);
    const decision = this.decide(this.pairs.get(key), nowMs);
    if (!decision.ok) return decision;
    this.remember(key, decision.next, nowMs);
    return { ok: true };
  }

  /** Sends nothing to `pair` before `untilMs` (Meta answered 131056) and cancels its burst credit. */
  block(pair: PairKey, nowMs: number, untilMs: number): void {
    const key = keyOf(pair);
    const current = this.pairs.get(key);
    const debtUntilMs = Math.max(current?.debtUntilMs ?? nowMs, untilMs);
    // The burst is exhausted, so nothing passes until the debt is repaid; credit restarts from there.
    this.remember(key, { debtUntilMs, burstStartMs: nowMs, burstAllowance: 0, burstSent: 0 }, nowMs);
  }

  /** Forgets every pair that has earned back its full burst: it behaves exactly like a new one. */
  sweep(nowMs: number): void {
    this.lastSweepMs = nowMs;
    const fullCreditAfterMs = (this.burst - 1) * this.intervalMs;
    for (const [key, state] of this.pairs) {
      if (nowMs >= state.debtUntilMs + fullCreditAfterMs) this.pairs.delete(key);
    }
  }

  private decide(state: PairState | undefined, nowMs: number): PairDecision {
    if (state === undefined || nowMs >= state.debtUntilMs) {
      const burstAllowance =
        state === undefined
          ? this.burst
          : Math.min(this.burst, 1 + Math.floor((nowMs - state.debtUntilMs) / this.intervalMs));
      return {
        ok: true,
        next: { debtUntilMs: nowMs + this.intervalMs, burstStartMs: nowMs, burstAllowance, burstSent: 1 },
      };
    }
    const inBurstWindow = nowMs - state.burstStartMs < this.burstWindowMs && nowMs >= state.burstStartMs;
    if (inBurstWindow && state.burstSent < state.burstAllowance) {
      return {
        ok: true,
        next: { ...state, debtUntilMs: state.debtUntilMs + this.intervalMs, burstSent: state.burstSent + 1 },
      };
    }
    return { ok: false, retryAfterMs: Math.max(1, Math.ceil(state.debtUntilMs - nowMs)) };
  }

  private remember(key: string, state: PairState, nowMs: number): void {
    this.pairs.delete(key);
    this.pairs.set(key, state);
    if (nowMs - this.lastSweepMs >= this.sweepEveryMs) this.sweep(nowMs);
    // Past the cap the least recently used pair is dropped even if it still owes time: a rare
    // extra 131056 is cheaper than a worker running out of memory.
    while (this.pairs.size > this.maxPairs) {
      const oldest = this.pairs.keys().next();
      if (oldest.done === true) break;
      this.pairs.delete(oldest.value);
    }
  }
}

interface PairState {
  /** When the time borrowed by past messages is repaid; before it only the current burst may go on. */
  debtUntilMs: number;
  burstStartMs: number;
  /** Messages the current burst may hold, fixed by the credit earned before it began. */
  burstAllowance: number;
  burstSent: number;
}

type PairDecision = { ok: true; next: PairState } | { ok: false; retryAfterMs: number };

// The length prefix keeps ("a:b", "c") and ("a", "b:c") apart whatever the keys contain.
function keyOf(pair: PairKey): string {
  return `${pair.numberKey.length}:${pair.numberKey}${pair.recipientKey}`;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be positive, got ${value}`);
  return value;
}

function wholePositive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
