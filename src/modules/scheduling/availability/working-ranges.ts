import type { Temporal } from 'temporal-polyfill';
import { type LocalRange, minutesOfDay, WEEKDAYS, type WeeklySchedule } from './weekly-schedule.ts';

/** Minutes since local midnight, end exclusive: [540, 720) is 09:00–12:00. */
export interface MinuteRange {
  start: number;
  end: number;
}

/**
 * The stretches a schedule is open on one local date, in wall-clock minutes, sorted and disjoint.
 * Overlapping or touching ranges merge (09:00–12:00 and 12:00–18:00 is one stretch). A dated exception
 * replaces the whole day, breaks included: special hours are given exactly as they are worked.
 */
export function workingRangesOn(schedule: WeeklySchedule, date: Temporal.PlainDate): MinuteRange[] {
  const day = date.toString();
  if (schedule.validFrom !== undefined && day < schedule.validFrom) return [];
  if (schedule.validTo !== undefined && day > schedule.validTo) return [];
  const exception = schedule.exceptions.find((candidate) => candidate.date === day);
  if (exception !== undefined) {
    switch (exception.kind) {
      case 'closed':
        return [];
      case 'hours':
        return mergeRanges(exception.hours.map(toMinuteRange));
    }
  }
  const weekday = WEEKDAYS[date.dayOfWeek - 1];
  const hours = mergeRanges(schedule.hours.filter((range) => range.day === weekday).map(toMinuteRange));
  const breaks = schedule.breaks.filter((range) => range.day === weekday).map(toMinuteRange);
  return subtractRanges(hours, breaks);
}

function toMinuteRange(range: LocalRange): MinuteRange {
  return { start: minutesOfDay(range.start), end: minutesOfDay(range.end) };
}

function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: MinuteRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function subtractRanges(ranges: readonly MinuteRange[], holes: readonly MinuteRange[]): MinuteRange[] {
  let remaining = [...ranges];
  for (const hole of holes) {
    remaining = remaining.flatMap((range) => {
      if (hole.end <= range.start || hole.start >= range.end) return [range];
      const pieces: MinuteRange[] = [];
      if (hole.start > range.start) pieces.push({ start: range.start, end: hole.start });
      if (hole.end < range.end) pieces.push({ start: hole.end, end: range.end });
      return pieces;
    });
  }
  return remaining;
}
