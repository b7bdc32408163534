import { Temporal } from 'temporal-polyfill';
import { type LocalRange, type Schedule, WEEKDAYS } from '../api/scheduling-types.ts';

/** Minutes since local midnight, end exclusive: [540, 720) is 09:00–12:00. */
export interface MinuteSpan {
  start: number;
  end: number;
}

/**
 * When the practitioners are at work on a local date, as sorted, disjoint wall-clock spans: the agenda
 * shades the rest. Same rule as the server's slots (working-ranges.ts): a schedule counts between its
 * valid dates; a dated exception replaces the whole day, breaks included; otherwise the weekday's
 * hours minus its breaks. Several practitioners: the union of their hours.
 */
export function workingSpans(
  schedules: readonly Schedule[],
  date: string,
  practitionerIds: ReadonlySet<string> | null,
): MinuteSpan[] {
  const day = Temporal.PlainDate.from(date);
  const weekday = WEEKDAYS[day.dayOfWeek - 1];
  const spans = schedules
    .filter((schedule) => practitionerIds === null || practitionerIds.has(schedule.practitioner_id))
    .flatMap((schedule) => scheduleSpans(schedule, date, weekday));
  return merge(spans);
}

/** The earliest start and latest end over spans, rounded out to whole hours; null without spans. */
export function hoursAround(spans: readonly MinuteSpan[]): MinuteSpan | null {
  if (spans.length === 0) return null;
  const start = Math.min(...spans.map((span) => span.start));
  const end = Math.max(...spans.map((span) => span.end));
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) };
}

function scheduleSpans(schedule: Schedule, date: string, weekday: string | undefined): MinuteSpan[] {
  if (schedule.valid_from !== null && date < schedule.valid_from) return [];
  if (schedule.valid_to !== null && date > schedule.valid_to) return [];
  const exception = schedule.exceptions.find((candidate) => candidate.date === date);
  if (exception) {
    switch (exception.kind) {
      case 'closed':
        return [];
      case 'hours':
        return merge(exception.hours.map(spanOf));
    }
  }
  const hours = merge(schedule.hours.filter((range) => range.day === weekday).map(spanOf));
  const breaks = schedule.breaks.filter((range) => range.day === weekday).map(spanOf);
  return subtract(hours, breaks);
}

function spanOf(range: LocalRange): MinuteSpan {
  return { start: minutesOf(range.start), end: minutesOf(range.end) };
}

function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function merge(spans: readonly MinuteSpan[]): MinuteSpan[] {
  const merged: MinuteSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function subtract(spans: readonly MinuteSpan[], holes: readonly MinuteSpan[]): MinuteSpan[] {
  let left = [...spans];
  for (const hole of holes) {
    left = left.flatMap((span) => {
      if (hole.end <= span.start || hole.start >= span.end) return [span];
      const pieces: MinuteSpan[] = [];
      if (hole.start > span.start) pieces.push({ start: span.start, end: hole.start });
      if (hole.end < span.end) pieces.push({ start: hole.end, end: span.end });
      return pieces;
    });
  }
  return left;
}
