/** The p-th percentile (0..100) of the values, nearest-rank; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Counts per whole second since `startMs`, for events at the given times (ms since the epoch). */
export function perSecond(timesMs: readonly number[], startMs: number): number[] {
  const buckets: number[] = [];
  for (const t of timesMs) {
    const i = Math.floor((t - startMs) / 1000);
    if (i < 0) continue;
    while (buckets.length <= i) buckets.push(0);
    buckets[i] = (buckets[i] ?? 0) + 1;
  }
  return buckets;
}

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function verdict(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL';
}

export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}
