import { type PairKey, PairLimiter } from './pair-limiter.ts';
import { TokenBucket } from './token-bucket.ts';

/** `reply`: an answer to a patient's message. `bulk`: reminders, broadcasts, anything we start. */
export type SendKind = 'reply' | 'bulk';

export interface SendRequest extends PairKey {
  kind: SendKind;
}

export type PaceDecision =
  | { ok: true }
  | { ok: false; retryAfterMs: number; reason: 'number_rate' | 'pair_rate' };

export interface SendPacerOptions {
  /** Messages per second a number may send until told otherwise; Meta's default is 80. */
  defaultRatePerSecond?: number;
  /** Most messages one number may burst to one recipient; default 45. */
  pairBurst?: number;
  /** Sustained spacing between two messages of a pair; default 6,000 ms. */
  pairIntervalMs?: number;
  /** Share of each number's burst that bulk may not touch, kept for replies; default 0.2. */
  replyShare?: number;
  /** How long a number stays at half rate after Meta's 130429, once its pause ends; default 60,000 ms. */
  numberPenaltyMs?: number;
  /**
   * The most a number may send at once, as a share of a second: 250 ms (20 messages at 80 mps). Meta
   * counts its own bucket from the moment requests arrive, and many calls in flight arrive bunched; a
   * burst smaller than Meta's keeps the difference in Meta's bucket, so bunching is not a 130429.
   */
  burstMs?: number;
  /** Most pairs remembered (see PairLimiter); default 250,000. */
  maxPairs?: number;
  /** Milliseconds since the epoch; injected so tests and replays control time. Default `Date.now`. */
  now?: () => number;
}

// Meta's documented range: 80 mps by default, 20 for coexistence numbers, up to 1,000 after upgrade.
const MIN_NUMBER_RATE = 1;
const MAX_NUMBER_RATE = 1000;
// Halving stops here; further 130429s still pause the number.
const MAX_HALVINGS = 10;

/**
 * Decides, before each WhatsApp send, whether it may go now or when to try again. Holds one token
 * bucket per business number (one second of burst) and one pair limiter across all numbers.
 *
 * Replies versus bulk: bulk may only take a token while, after taking it, a standing reserve of
 * `replyShare` of the burst (16 of 80 tokens by default) remains; replies may drain the bucket to
 * zero. With a bulk backlog the bucket therefore hovers at the reserve, so a reply finds tokens at
 * once, and whenever replies dip into the reserve the refill goes to them before bulk may go again.
 * Without replies bulk still gets the full sustained rate (only its first burst is 80 % as large);
 * with them bulk gets what replies leave. No queue of waiting replies is needed to decide this.
 */
export class SendPacer {
  private readonly defaultRate: number;
  private readonly replyShare: number;
  private readonly numberPenaltyMs: number;
  private readonly burstMs: number;
  private readonly now: () => number;
  private readonly numbers = new Map<string, NumberState>();
  private readonly pairs: PairLimiter;

  constructor(options: SendPacerOptions = {}) {
    this.defaultRate = numberRate(options.defaultRatePerSecond ?? 80);
    this.replyShare = options.replyShare ?? 0.2;
    if (!(this.replyShare >= 0 && this.replyShare < 1)) {
      throw new RangeError(`replyShare must be at least 0 and below 1, got ${this.replyShare}`);
    }
    this.numberPenaltyMs = nonNegative('numberPenaltyMs', options.numberPenaltyMs ?? 60_000);
    this.burstMs = options.burstMs ?? 250;
    if (!(this.burstMs > 0 && this.burstMs <= 1000))
      throw new RangeError(`burstMs must be above 0 and at most 1000, got ${this.burstMs}`);
    this.now = options.now ?? Date.now;
    const pairIntervalMs = options.pairIntervalMs ?? 6000;
    this.pairs = new PairLimiter({
      intervalMs: pairIntervalMs,
      burst: options.pairBurst ?? 45,
      burstWindowMs: pairIntervalMs,
      ...(options.maxPairs === undefined ? {} : { maxPairs: options.maxPairs }),
    });
  }

  /**
   * Reserves one send from `numberKey` to `recipientKey` now, or says how long to wait and which
   * limit is in the way. A refusal reserves nothing, so asking again costs nothing.
   */
  reserve(request: SendRequest): PaceDecision {
    const nowMs = this.now();
    const bucket = this.numberState(request.numberKey, nowMs).bucket;
    const keep = request.kind === 'bulk' ? replyReserve(bucket.burst, this.replyShare) : 0;
    const numberWaitMs = bucket.waitMs(nowMs, 1, { keep });
    const pairWaitMs = this.pairs.waitMs(request, nowMs);
    if (numberWaitMs > 0 || pairWaitMs > 0) {
      // Report the longer wait: retrying before it would be refused again.
      return pairWaitMs >= numberWaitMs
        ? { ok: false, retryAfterMs: pairWaitMs, reason: 'pair_rate' }
        : { ok: false, retryAfterMs: numberWaitMs, reason: 'number_rate' };
    }
    bucket.take(nowMs, 1, { keep });
    this.pairs.take(request, nowMs);
    return { ok: true };
  }

  /** Sets a number's rate, e.g. 1,000 after Meta's upgrade or 20 for a coexistence number. */
  setNumberRate(numberKey: string, ratePerSecond: number): void {
    const rate = numberRate(ratePerSecond);
    const nowMs = this.now();
    // A number configured before its first send starts with a full bucket at its own rate.
    if (!this.numbers.has(numberKey)) {
      this.numbers.set(numberKey, newNumberState(rate, nowMs, this.burstMs));
      return;
    }
    const state = this.numberState(numberKey, nowMs);
    state.configuredRate = rate;
    applyRate(state, nowMs, this.burstMs);
  }

  /**
   * Meta refused a send anyway. For a number (130429) nothing goes for `retryAfterMs`, then the
   * number runs at half rate for `numberPenaltyMs` (halving again on each repeat). For a pair
   * (131056) nothing goes to that recipient for `retryAfterMs` and its burst credit starts over.
   */
  penalise(target: string | PairKey, retryAfterMs: number): void {
    nonNegative('retryAfterMs', retryAfterMs);
    const nowMs = this.now();
    if (typeof target !== 'string') {
      this.pairs.block(target, nowMs, nowMs + retryAfterMs);
      return;
    }
    const state = this.numberState(target, nowMs);
    // Calls in flight together meet the same full bucket at Meta: their 130429s are one refusal.
    if (nowMs < state.pausedUntilMs) return;
    state.halvings = Math.min(MAX_HALVINGS, state.halvings + 1);
    state.slowUntilMs = nowMs + retryAfterMs + this.numberPenaltyMs;
    state.pausedUntilMs = nowMs + retryAfterMs;
    applyRate(state, nowMs, this.burstMs);
    state.bucket.pause(nowMs, nowMs + retryAfterMs);
  }

  /** The rate a number is paced at now, penalties included. */
  rateOf(numberKey: string): number {
    return this.numberState(numberKey, this.now()).bucket.ratePerSecond;
  }

  /** Pairs remembered now; idle ones are swept out, so this stays bounded. */
  get trackedPairs(): number {
    return this.pairs.size;
  }

  private numberState(numberKey: string, nowMs: number): NumberState {
    let state = this.numbers.get(numberKey);
    if (state === undefined) {
      state = newNumberState(this.defaultRate, nowMs, this.burstMs);
      this.numbers.set(numberKey, state);
    }
    if (state.halvings > 0 && nowMs >= state.slowUntilMs) {
      state.halvings = 0;
      // Credit the slow spell at the slow rate up to its end, the full rate after it.
      applyRate(state, state.slowUntilMs, this.burstMs);
    }
    return state;
  }
}

interface NumberState {
  configuredRate: number;
  /** How many times the rate is currently halved after 130429s. */
  halvings: number;
  slowUntilMs: number;
  /** Until when the last 130429 stopped the number. */
  pausedUntilMs: number;
  bucket: TokenBucket;
}

function newNumberState(rate: number, nowMs: number, burstMs: number): NumberState {
  return {
    configuredRate: rate,
    halvings: 0,
    slowUntilMs: nowMs,
    pausedUntilMs: nowMs,
    bucket: new TokenBucket({ ratePerSecond: rate, burst: burstFor(rate, burstMs), nowMs }),
  };
}

function applyRate(state: NumberState, atMs: number, burstMs: number): void {
  const rate = Math.max(MIN_NUMBER_RATE, state.configuredRate / 2 ** state.halvings);
  state.bucket.setRate(atMs, rate, burstFor(rate, burstMs));
}

function burstFor(ratePerSecond: number, burstMs: number): number {
  return Math.max(1, Math.ceil((ratePerSecond * burstMs) / 1000));
}

// Never the whole bucket, or bulk could not send at all on a 1-mps number.
function replyReserve(burst: number, share: number): number {
  return Math.min(burst - 1, Math.round(burst * share));
}

function numberRate(ratePerSecond: number): number {
  if (!Number.isFinite(ratePerSecond) || ratePerSecond < MIN_NUMBER_RATE || ratePerSecond > MAX_NUMBER_RATE) {
    throw new RangeError(
      `a WhatsApp number sends between ${MIN_NUMBER_RATE} and ${MAX_NUMBER_RATE} messages per second, got ${ratePerSecond}`,
    );
  }
  return ratePerSecond;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be zero or more, got ${value}`);
  return value;
}
