import { Temporal } from 'temporal-polyfill';

/** An appointment placed in a day's column: wall-clock minutes, and its lane among those it overlaps. */
export interface PlacedBlock<T> {
  item: T;
  /** Wall-clock minute of the day it starts at (0 when it began the day before). */
  top: number;
  /** How many minutes it lasts within the day. */
  length: number;
  /** 0-based lane; `lanes` lanes share the width where it overlaps others. */
  lane: number;
  lanes: number;
}

interface Timed {
  start: string;
  end: string;
}

/**
 * The items that fall on a local date, placed side by side where they overlap (like a paper diary:
 * each cluster of overlapping items splits the column into as many lanes as it needs at most).
 */
export function placeOnDay<T extends Timed>(
  items: readonly T[],
  date: string,
  timeZone: string,
): PlacedBlock<T>[] {
  const dayStart = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone });
  const dayEnd = dayStart.add({ days: 1 });
  const startMs = dayStart.epochMilliseconds;
  const endMs = dayEnd.epochMilliseconds;

  const onDay = items
    .map((item) => ({ item, from: Date.parse(item.start), until: Date.parse(item.end) }))
    .filter(({ from, until }) => from < endMs && until > startMs)
    .sort((a, b) => a.from - b.from || b.until - a.until);

  const placed: PlacedBlock<T>[] = [];
  let cluster: PlacedBlock<T>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const closeCluster = () => {
    for (const block of cluster) block.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };

  for (const { item, from, until } of onDay) {
    if (from >= clusterEnd) closeCluster();
    const clippedFrom = Math.max(from, startMs);
    const clippedUntil = Math.min(until, endMs);
    const zoned = Temporal.Instant.fromEpochMilliseconds(clippedFrom).toZonedDateTimeISO(timeZone);
    const top = from < startMs ? 0 : zoned.hour * 60 + zoned.minute;
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= from);
    if (lane === -1) lane = laneEnds.push(until) - 1;
    else laneEnds[lane] = until;
    const block: PlacedBlock<T> = {
      item,
      top,
      length: Math.max(1, Math.round((clippedUntil - clippedFrom) / 60_000)),
      lane,
      lanes: 1,
    };
    cluster.push(block);
    placed.push(block);
    clusterEnd = Math.max(clusterEnd, until);
  }
  closeCluster();
  return placed;
}
