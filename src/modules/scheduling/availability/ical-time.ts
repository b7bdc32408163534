import type ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { isTimeZone } from './weekly-schedule.ts';

/**
 * The instant an iCalendar DATE-TIME stands for. UTC times are read as such; a TZID the file defines in
 * a VTIMEZONE is read with that definition (ical.js), as RFC 5545 requires; a TZID the file does not
 * define but that names an IANA zone (some exporters leave the VTIMEZONE out) is read in that zone. A
 * floating time, or a TZID nobody knows, is the practitioner's wall-clock time: `floatingTimeZone`.
 * Local times resolve as RFC 5545 says: a skipped time moves forward by the gap, a repeated time is the
 * first one (Temporal's `disambiguation: 'compatible'`).
 */
export function icalTimeInstant(
  time: ICAL.Time,
  tzid: string | undefined,
  floatingTimeZone: string,
): Temporal.Instant {
  const zoneId = time.zone?.tzid;
  if (zoneId === 'UTC') return wallClock(time).toZonedDateTime('UTC').toInstant();
  if (zoneId !== undefined && zoneId !== 'floating') {
    return Temporal.Instant.fromEpochMilliseconds(time.toUnixTime() * 1000);
  }
  const timeZone = tzid !== undefined && isTimeZone(tzid) ? tzid : floatingTimeZone;
  return wallClock(time).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant();
}

/** The calendar date of an iCalendar DATE (all-day) value. */
export function icalDate(time: ICAL.Time): Temporal.PlainDate {
  return Temporal.PlainDate.from(
    { year: time.year, month: time.month, day: time.day },
    { overflow: 'reject' },
  );
}

/** The TZID parameter of a property, when it has exactly one. */
export function tzidOf(property: ICAL.Property): string | undefined {
  const tzid = property.getParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : undefined;
}

function wallClock(time: ICAL.Time): Temporal.PlainDateTime {
  const { year, month, day, hour, minute } = time;
  // A leap second (…T235960Z) is legal iCalendar; Temporal has no 60th second, so it clamps to 59.
  const second = Math.min(time.second, 59);
  return Temporal.PlainDateTime.from({ year, month, day, hour, minute, second }, { overflow: 'reject' });
}
