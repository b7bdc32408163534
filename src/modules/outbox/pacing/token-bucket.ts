/** Answer of `TokenBucket.take`: either the tokens were taken, or how long to wait before asking again. */
export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export interface TokenBucketOptions {
  /** Sustained refill rate; rounded to 0.001 token/s. */
  ratePerSecond: number;
  /** Capacity: how many tokens may be taken at once after an idle spell. */
  burst: number;
  /** Time of creation; the bucket starts full. Defaults to 0 (any later `nowMs` finds it full). */
  nowMs?: number;
}

/** Tokens that must stay in the bucket after a take; lets a caller keep a share back for others. */
export interface TakeOptions {
  keep?: number;
}

// One token is a million micro-tokens and rates are held in milli-tokens per second, so one
// millisecond refills exactly `rateMilli` micro-tokens. With whole-millisecond timestamps every
// step is integer arithmetic, so a bucket that runs for weeks neither drifts nor rounds away tokens.
const MICRO_PER_TOKEN = 1_000_000;
const MAX_RATE_PER_SECOND = 1_000_000;
const MAX_BURST = 1_000_000;

/**
 * A token bucket on an injected clock: `ratePerSecond` tokens a second, at most `burst` held.
 * It never reads the time itself; every call says what time it is, in milliseconds. Time that runs
 * backwards (a wall clock stepped back) refills nothing rather than taking tokens away.
 */
export class TokenBucket {
  private rateMilli: number;
  private capacityMicro: number;
  private levelMicro: number;
  /** Tokens accrue from here on; may lie in the future while the bucket is paused. */
  private refilledAtMs: number;

  constructor(options: TokenBucketOptions) {
    this.rateMilli = rateMilliOf(options.ratePerSecond);
    this.capacityMicro = capacityMicroOf(options.burst);
    this.levelMicro = this.capacityMicro;
    this.refilledAtMs = wholeMs(options.nowMs ?? 0);
  }

  get ratePerSecond(): number {
    return this.rateMilli / 1000;
  }

  get burst(): number {
    return this.capacityMicro / MICRO_PER_TOKEN;
  }

  /** Tokens held at `nowMs` (fractional), without changing anything. */
  tokensAt(nowMs: number): number {
    return this.levelAt(wholeMs(nowMs)) / MICRO_PER_TOKEN;
  }

  /** Milliseconds until `n` tokens could be taken (0 = now), without taking them. */
  waitMs(nowMs: number, n = 1, options: TakeOptions = {}): number {
    const now = wholeMs(nowMs);
    const needMicro = this.neededMicro(n, options.keep ?? 0);
    const level = this.levelAt(now);
    if (level >= needMicro) return 0;
    const pausedForMs = Math.max(0, this.refilledAtMs - now);
    return pausedForMs + Math.ceil((needMicro - level) / this.rateMilli);
  }

  /** Takes `n` tokens if they are there (leaving at least `keep`); a refusal takes nothing. */
  take(nowMs: number, n = 1, options: TakeOptions = {}): TakeResult {
    const retryAfterMs = this.waitMs(nowMs, n, options);
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    this.settle(wholeMs(nowMs));
    this.levelMicro -= n * MICRO_PER_TOKEN;
    return { ok: true };
  }

  /**
   * Changes the rate (and optionally the capacity) from `nowMs` on. Tokens earned before `nowMs`
   * are credited at the old rate first, so an upgrade from 80 to 1,000 mps is not back-dated.
   */
  setRate(nowMs: number, ratePerSecond: number, burst: number = this.burst): void {
    const rateMilli = rateMilliOf(ratePerSecond);
    const capacityMicro = capacityMicroOf(burst);
    this.settle(wholeMs(nowMs));
    this.rateMilli = rateMilli;
    this.capacityMicro = capacityMicro;
    this.levelMicro = Math.min(this.levelMicro, capacityMicro);
  }

  /** Empties the bucket and refills nothing before `untilMs`: the provider told us to stop. */
  pause(nowMs: number, untilMs: number): void {
    const now = wholeMs(nowMs);
    this.settle(now);
    this.levelMicro = 0;
    this.refilledAtMs = Math.max(this.refilledAtMs, now, Math.ceil(untilMs));
  }

  private neededMicro(n: number, keep: number): number {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`tokens to take must be a positive integer, got ${n}`);
    if (!Number.isInteger(keep) || keep < 0)
      throw new RangeError(`tokens to keep must be a whole number, got ${keep}`);
    const needMicro = (n + keep) * MICRO_PER_TOKEN;
    if (needMicro > this.capacityMicro) {
      throw new RangeError(`${n} token(s) plus ${keep} kept can never fit a bucket of ${this.burst}`);
    }
    return needMicro;
  }

  private levelAt(now: number): number {
    const elapsedMs = now - this.refilledAtMs;
    if (elapsedMs <= 0) return this.levelMicro;
    const missingMicro = this.capacityMicro - this.levelMicro;
    // Compare in time rather than multiplying a long idle spell by the rate, which could pass 2^53.
    if (elapsedMs >= Math.ceil(missingMicro / this.rateMilli)) return this.capacityMicro;
    return this.levelMicro + elapsedMs * this.rateMilli;
  }

  private settle(now: number): void {
    if (now <= this.refilledAtMs) return;
    this.levelMicro = this.levelAt(now);
    this.refilledAtMs = now;
  }
}

function rateMilliOf(ratePerSecond: number): number {
  const rateMilli = Math.round(ratePerSecond * 1000);
  if (!Number.isFinite(ratePerSecond) || rateMilli < 1 || ratePerSecond > MAX_RATE_PER_SECOND) {
    throw new RangeError(
      `rate must be between 0.001 and ${MAX_RATE_PER_SECOND} per second, got ${ratePerSecond}`,
    );
  }
  return rateMilli;
}

function capacityMicroOf(burst: number): number {
  if (!Number.isInteger(burst) || burst < 1 || burst > MAX_BURST) {
    throw new RangeError(`burst must be a whole number between 1 and ${MAX_BURST}, got ${burst}`);
  }
  return burst * MICRO_PER_TOKEN;
}

function wholeMs(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`time must be a finite number of milliseconds, got ${ms}`);
  return Math.floor(ms);
}
