/** The batch cut into sequences: jobs sharing a key together, in order; each other job alone. */
export function inSequences<T>(
  batch: readonly T[],
  keyOf: ((item: T) => string | undefined) | undefined,
): T[][] {
  const sequences: T[][] = [];
  const byKey = new Map<string, T[]>();
  for (const job of batch) {
    const key = keyOf?.(job);
    const sequence = key === undefined ? undefined : byKey.get(key);
    if (sequence) {
      sequence.push(job);
      continue;
    }
    const started = [job];
    sequences.push(started);
    if (key !== undefined) byKey.set(key, started);
  }
  return sequences;
}
