interface Bucket {
  capacity: number;
  refillPerMs: number;
  tokens: number;
  updatedAt: number;
}

/** Token buckets by key on the simulator's clock; a changed rate starts a fresh bucket. */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();

  /** Takes a token; false when the bucket is empty. */
  take(key: string, capacity: number, refillPerMs: number, now: Date): boolean {
    return this.waitMs(key, capacity, refillPerMs, now) === 0;
  }

  /** Takes a token and answers 0, or answers how long until one is there (taking nothing). */
  waitMs(key: string, capacity: number, refillPerMs: number, now: Date): number {
    const at = now.getTime();
    let bucket = this.#buckets.get(key);
    if (!bucket || bucket.capacity !== capacity || bucket.refillPerMs !== refillPerMs) {
      bucket = { capacity, refillPerMs, tokens: capacity, updatedAt: at };
      this.#buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = at;
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / refillPerMs);
    bucket.tokens -= 1;
    return 0;
  }
}
