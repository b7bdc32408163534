import type { ParsedBehaviour } from './simulator-behaviour.ts';
import { TokenBuckets } from './token-buckets.ts';

/**
 * Meta's two send limits as token buckets on the simulator's clock: per business number (throughput,
 * 80 msg/s by default) and per (number, recipient) pair (one per 6 s sustained, bursts up to 45 that
 * are paid back later: the "borrowing" Meta describes). Each is off unless its knob is set.
 */
export class SendRateLimiter {
  readonly #buckets = new TokenBuckets();

  /** Takes a token from the number's throughput bucket; false when the number is over its limit. */
  allowSend(phoneNumberId: string, behaviour: ParsedBehaviour, now: Date): boolean {
    const limit = behaviour.throughputLimit;
    if (!limit) return true;
    return this.#take(
      `number:${phoneNumberId}`,
      limit.messagesPerSecond,
      limit.messagesPerSecond / 1000,
      now,
    );
  }

  /** Takes a token from the pair's bucket; false when the pair is over its limit. */
  allowPair(phoneNumberId: string, recipient: string, behaviour: ParsedBehaviour, now: Date): boolean {
    const limit = behaviour.pairRateLimit;
    if (!limit) return true;
    return this.#take(`pair:${phoneNumberId}:${recipient}`, limit.burst, 1 / limit.intervalMs, now);
  }

  #take(key: string, capacity: number, refillPerMs: number, now: Date): boolean {
    return this.#buckets.take(key, capacity, refillPerMs, now);
  }
}
