import { createHash, randomBytes } from 'node:crypto';

/** Where the simulator's ids come from: the OS, or a seeded stream so two runs give the same ids. */
export interface RandomSource {
  bytes(count: number): Buffer;
  /** A whole number in [0, bound). */
  below(bound: number): number;
}

/**
 * A seeded source hashes `seed:counter` with SHA-256 block after block: not a fast PRNG, but the
 * simulator draws a few ids per message and this needs no dependency and no state beyond a counter.
 */
export function randomSource(seed?: string | number): RandomSource {
  if (seed === undefined) {
    return { bytes: (count) => randomBytes(count), below: (bound) => randomBytes(4).readUInt32BE(0) % bound };
  }
  let counter = 0;
  let pool = Buffer.alloc(0);
  const bytes = (count: number): Buffer => {
    while (pool.length < count) {
      const block = createHash('sha256').update(`${seed}:${counter}`).digest();
      counter += 1;
      pool = Buffer.concat([pool, block]);
    }
    const taken = pool.subarray(0, count);
    pool = pool.subarray(count);
    return Buffer.from(taken);
  };
  return { bytes, below: (bound) => bytes(4).readUInt32BE(0) % bound };
}

/** `length` decimal digits, the first one not zero, like Graph object ids. */
export function randomDigits(random: RandomSource, length: number): string {
  let digits = String(1 + random.below(9));
  while (digits.length < length) digits += String(random.below(10));
  return digits;
}
