/**
 * Up to `limit` items taken round-robin across keys: the first item of every key, then the second
 * of every key, and so on. Keys take turns in the order they first appear and each key keeps its own
 * order, so one clinic's 10,000-message broadcast delays another clinic's reply by at most one
 * message per clinic. The input is left as it is.
 */
export function interleaveByKey<T, K>(
  items: readonly T[],
  keyOf: (item: T) => K,
  limit: number = items.length,
): T[] {
  if (!(Number.isInteger(limit) || limit === Number.POSITIVE_INFINITY) || limit < 0) {
    throw new RangeError(`limit must be a whole number of items, got ${limit}`);
  }
  const wanted = Math.min(limit, items.length);
  const result: T[] = [];
  let turns: Iterator<T>[] = groupByKey(items, keyOf).map((queue) => queue[Symbol.iterator]());
  while (result.length < wanted) {
    // Keys that ran out leave the rotation, so each round costs only the keys still waiting.
    const stillWaiting: Iterator<T>[] = [];
    for (const turn of turns) {
      const next = turn.next();
      if (next.done === true) continue;
      result.push(next.value);
      if (result.length === wanted) break;
      stillWaiting.push(turn);
    }
    turns = stillWaiting;
  }
  return result;
}

function groupByKey<T, K>(items: readonly T[], keyOf: (item: T) => K): T[][] {
  const byKey = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const queue = byKey.get(key);
    if (queue === undefined) byKey.set(key, [item]);
    else queue.push(item);
  }
  return [...byKey.values()];
}
