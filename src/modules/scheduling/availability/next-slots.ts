import { Temporal } from 'temporal-polyfill';
import { type AvailabilityQuery, AvailabilityQueryError, type Slot } from './availability-query.ts';
import { availableSlots } from './available-slots.ts';
import type { LocalTimeBand, TimePreference } from './time-preference.ts';
import { minutesOfDay } from './weekly-schedule.ts';

export interface NextSlots {
  slots: Slot[];
  /** False when nothing fitted the preference and the slots are the nearest ones after it. */
  matchedPreference: boolean;
}

/**
 * The first `count` slots that fit a patient's preference, to offer them on WhatsApp. `asap` gives the
 * soonest slots. A window gives the slots starting inside it, at its time of day in each slot's own zone
 * when it has one; when none fits, the first slots from the start of the window on (tomorrow afternoon
 * when tomorrow morning is full), with `matchedPreference: false` so the reply can say so.
 */
export function nextSlots(query: AvailabilityQuery, preference: TimePreference, count: number): NextSlots {
  if (!Number.isInteger(count) || count < 1) {
    throw new AvailabilityQueryError(['count: count must be a whole number, at least 1']);
  }
  switch (preference.kind) {
    case 'asap':
      return { slots: availableSlots({ ...query, limit: count }), matchedPreference: true };
    case 'window': {
      const from = laterOf(query.from, preference.from);
      const to = earlierOf(query.to, preference.to);
      const { timeOfDay } = preference;
      const inWindow = availableSlots({ ...query, from, to, limit: undefined })
        .filter((slot) => timeOfDay === undefined || startsWithin(slot, timeOfDay))
        .slice(0, count);
      if (inWindow.length > 0) return { slots: inWindow, matchedPreference: true };
      return { slots: availableSlots({ ...query, from, limit: count }), matchedPreference: false };
    }
  }
}

function startsWithin(slot: Slot, band: LocalTimeBand): boolean {
  const local = Temporal.Instant.from(slot.start).toZonedDateTimeISO(slot.timeZone);
  const minute = local.hour * 60 + local.minute;
  return minute >= minutesOfDay(band.start) && minute < minutesOfDay(band.end);
}

function laterOf(a: string | undefined, b: string): string {
  return a !== undefined && Temporal.Instant.compare(a, b) > 0 ? a : b;
}

function earlierOf(a: string | undefined, b: string): string {
  return a !== undefined && Temporal.Instant.compare(a, b) < 0 ? a : b;
}
