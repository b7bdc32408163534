import { Temporal } from 'temporal-polyfill';
import {
  type AvailabilityQuery,
  type BusyInterval,
  type ParsedAvailabilityQuery,
  parseAvailabilityQuery,
  type Slot,
} from './availability-query.ts';
import { BusyTimeline } from './busy-timeline.ts';
import { rangeBoundaryInstant, slotStartInstant } from './wall-clock.ts';
import type { WeeklySchedule } from './weekly-schedule.ts';
import { workingRangesOn } from './working-ranges.ts';

/**
 * The bookable slots of the query's schedules, earliest first. Availability is computed, never stored:
 * working hours (wall-clock time in each schedule's zone, breaks and exceptions applied) minus busy time.
 *
 * A slot [start, end) is offered when:
 * - it lies inside one working stretch; stretches are what is left of the hours once breaks are taken
 *   out, and slots start every `slotStepMinutes` from the start of each stretch, in local time
 *   (09:10–12:00 with a 15-minute step: 09:10, 09:25, …; after a break ending 13:05: 13:05, 13:20, …);
 * - [start − bufferBefore, end + bufferAfter) overlaps no busy interval of its practitioner. Buffers may
 *   run outside working hours (preparing before the first appointment of the day is fine) but never into
 *   busy time;
 * - it starts at least `minimumNoticeMinutes` after `now`, before `now` + `horizonDays` calendar days in
 *   the schedule's zone, and inside [`from`, `to`) when given.
 * On the nights the clocks change, see `slotStartInstant` and `rangeBoundaryInstant`: a skipped local
 * time is never offered, a repeated one is offered once.
 *
 * Throws `AvailabilityQueryError` when the query is invalid.
 */
export function availableSlots(query: AvailabilityQuery): Slot[] {
  const parsed = parseAvailabilityQuery(query);
  const timelines = new Map<string, BusyTimeline>();
  const timelineOf = (practitionerId: string) => {
    let timeline = timelines.get(practitionerId);
    if (timeline === undefined) {
      timeline = new BusyTimeline(parsed.busy.filter((busy) => blocks(busy, practitionerId)));
      timelines.set(practitionerId, timeline);
    }
    return timeline;
  };
  const perSchedule = parsed.schedules.map((schedule) =>
    slotsOfSchedule(schedule, parsed, timelineOf(schedule.practitionerId)),
  );
  const seen = new Set<string>();
  const slots = perSchedule
    .flat()
    .sort(compareSlots)
    .filter((slot) => {
      // Two schedules of the same practitioner and place (summer and winter hours) may overlap.
      const key = `${slot.practitionerId}\u0000${slot.locationId}\u0000${slot.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return parsed.limit === undefined ? slots : slots.slice(0, parsed.limit);
}

function blocks(busy: BusyInterval, practitionerId: string): boolean {
  return busy.practitionerId === undefined || busy.practitionerId === practitionerId;
}

function slotsOfSchedule(
  schedule: WeeklySchedule,
  query: ParsedAvailabilityQuery,
  busy: BusyTimeline,
): Slot[] {
  const { timeZone } = schedule;
  const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes } = query.appointmentType;
  const now = Temporal.Instant.from(query.now);
  const earliest = laterOf(now.add({ minutes: query.minimumNoticeMinutes }), query.from);
  const horizon = now.toZonedDateTimeISO(timeZone).add({ days: query.horizonDays }).toInstant();
  const before = earlierOf(horizon, query.to);
  if (Temporal.Instant.compare(earliest, before) >= 0) return [];

  const slots: Slot[] = [];
  const lastDate = before.toZonedDateTimeISO(timeZone).toPlainDate();
  for (
    let date = earliest.toZonedDateTimeISO(timeZone).toPlainDate();
    Temporal.PlainDate.compare(date, lastDate) <= 0;
    date = date.add({ days: 1 })
  ) {
    for (const range of workingRangesOn(schedule, date)) {
      const rangeStart = rangeBoundaryInstant(date, range.start, timeZone);
      const rangeEnd = rangeBoundaryInstant(date, range.end, timeZone);
      for (let minute = range.start; minute < range.end; minute += query.slotStepMinutes) {
        const start = slotStartInstant(date, minute, timeZone);
        if (start === null) continue;
        const end = start.add({ minutes: durationMinutes });
        if (Temporal.Instant.compare(start, rangeStart) < 0) continue;
        if (Temporal.Instant.compare(end, rangeEnd) > 0) continue;
        if (Temporal.Instant.compare(start, earliest) < 0) continue;
        if (Temporal.Instant.compare(start, before) >= 0) continue;
        const guardStart = start.subtract({ minutes: bufferBeforeMinutes });
        const guardEnd = end.add({ minutes: bufferAfterMinutes });
        if (busy.overlaps(guardStart, guardEnd)) continue;
        slots.push({
          start: start.toString(),
          end: end.toString(),
          practitionerId: schedule.practitionerId,
          locationId: schedule.locationId,
          timeZone,
        });
        // Each schedule yields its slots in time order, so its first `limit` are all that can make it.
        if (query.limit !== undefined && slots.length >= query.limit) return slots;
      }
    }
  }
  return slots;
}

function laterOf(instant: Temporal.Instant, other: string | undefined): Temporal.Instant {
  if (other === undefined) return instant;
  const candidate = Temporal.Instant.from(other);
  return Temporal.Instant.compare(candidate, instant) > 0 ? candidate : instant;
}

function earlierOf(instant: Temporal.Instant, other: string | undefined): Temporal.Instant {
  if (other === undefined) return instant;
  const candidate = Temporal.Instant.from(other);
  return Temporal.Instant.compare(candidate, instant) < 0 ? candidate : instant;
}

function compareSlots(a: Slot, b: Slot): number {
  return (
    Temporal.Instant.compare(a.start, b.start) ||
    compareText(a.practitionerId, b.practitionerId) ||
    compareText(a.locationId, b.locationId)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
