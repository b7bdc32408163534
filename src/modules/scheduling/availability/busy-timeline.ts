import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

/** An ISO 8601 instant with a `Z` or an offset: `2027-03-28T07:00:00Z`. */
export const instantSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 instant with Z or an offset, e.g. 2027-03-28T07:00:00Z',
});

/** A stretch of time between two instants, end exclusive, as ISO 8601 strings. */
export interface Interval {
  start: string;
  end: string;
}

/**
 * Busy time as a sorted list of disjoint stretches, asked "is anything busy between these two instants?"
 * in logarithmic time, since a calendar year of slots asks it hundreds of thousands of times.
 * Stretches are half-open: an appointment ending at 10:00 leaves a slot at 10:00 free.
 */
export class BusyTimeline {
  private readonly starts: bigint[] = [];
  private readonly ends: bigint[] = [];

  constructor(intervals: readonly Interval[]) {
    const sorted = intervals
      .map((interval) => ({
        start: Temporal.Instant.from(interval.start).epochNanoseconds,
        end: Temporal.Instant.from(interval.end).epochNanoseconds,
      }))
      .filter((interval) => interval.end > interval.start)
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const interval of sorted) {
      const last = this.ends.length - 1;
      const lastEnd = this.ends[last];
      if (lastEnd !== undefined && interval.start <= lastEnd) {
        if (interval.end > lastEnd) this.ends[last] = interval.end;
      } else {
        this.starts.push(interval.start);
        this.ends.push(interval.end);
      }
    }
  }

  overlaps(start: Temporal.Instant, end: Temporal.Instant): boolean {
    const from = start.epochNanoseconds;
    const to = end.epochNanoseconds;
    // The first busy stretch ending after `from` is the only one that can overlap [from, to).
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const middleEnd = this.ends[middle];
      if (middleEnd !== undefined && middleEnd <= from) low = middle + 1;
      else high = middle;
    }
    const candidateStart = this.starts[low];
    return candidateStart !== undefined && candidateStart < to;
  }
}
