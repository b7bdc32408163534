import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import type { Interval } from './busy-timeline.ts';
import { icalDate, icalTimeInstant, tzidOf } from './ical-time.ts';

export interface BusyTimesWindow {
  /** Only busy time overlapping [from, to) is returned, and recurrences are expanded only that far. */
  from: string;
  to: string;
  /** The practitioner's zone: floating times and all-day events are read in it. */
  timeZone: string;
}

/** An .ics file that cannot be read, said so that whoever exported it can find the fault. */
export class CalendarParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CalendarParseError';
  }
}

// Counted from the start of the series: ten years of an hourly rule is under 100,000; more is a runaway.
const MAX_OCCURRENCES = 100_000;

interface Range {
  start: Temporal.Instant;
  end: Temporal.Instant;
}

type EventLength = { kind: 'days'; days: number } | { kind: 'exact'; seconds: number };

/**
 * The busy time in an iCalendar export (Google Calendar, Outlook, Calendly…), sorted by start: VEVENTs
 * (UTC, TZID with its VTIMEZONE, floating, all-day blocking whole local days; RRULE/RDATE with EXDATE
 * and RECURRENCE-ID overrides, moved or cancelled) and VFREEBUSY busy periods. Events marked
 * TRANSP:TRANSPARENT ("show as free") or STATUS:CANCELLED block nothing. RANGE=THISANDFUTURE on an
 * override is read as an override of that one occurrence.
 *
 * Throws `CalendarParseError` when the file, or one of its events, cannot be read: a missing block is
 * a double booking, so a half-read calendar is not returned.
 */
export function parseBusyTimes(icsText: string, window: BusyTimesWindow): Interval[] {
  const bounds: Range = { start: Temporal.Instant.from(window.from), end: Temporal.Instant.from(window.to) };
  const busy: Range[] = [];
  for (const calendar of parseCalendars(icsText)) {
    const events = calendar.getAllSubcomponents('vevent');
    const overridden = overriddenOccurrences(events, window.timeZone);
    for (const event of events) {
      busy.push(
        ...describingFailures(event, () => eventBusyTime(event, bounds, window.timeZone, overridden)),
      );
    }
    for (const freeBusy of calendar.getAllSubcomponents('vfreebusy')) {
      busy.push(...describingFailures(freeBusy, () => freeBusyTime(freeBusy, window.timeZone)));
    }
  }
  return busy
    .filter((range) => overlaps(range, bounds))
    .sort((a, b) => Temporal.Instant.compare(a.start, b.start) || Temporal.Instant.compare(a.end, b.end))
    .map((range) => ({ start: range.start.toString(), end: range.end.toString() }));
}

function parseCalendars(icsText: string): ICAL.Component[] {
  let jCal: unknown;
  try {
    jCal = ICAL.parse(icsText);
  } catch (error) {
    throw new CalendarParseError(`not a readable iCalendar file: ${messageOf(error)}`, { cause: error });
  }
  // One calendar parses to ['vcalendar', …]; several concatenated ones to a list of those.
  const roots = Array.isArray(jCal) && Array.isArray(jCal[0]) ? jCal : [jCal];
  const calendars = roots.flatMap((root) => (Array.isArray(root) ? [new ICAL.Component(root)] : []));
  if (calendars.length === 0 || calendars.some((calendar) => calendar.name !== 'vcalendar')) {
    throw new CalendarParseError('not an iCalendar file: it must start with BEGIN:VCALENDAR');
  }
  return calendars;
}

function describingFailures(component: ICAL.Component, read: () => Range[]): Range[] {
  try {
    return read();
  } catch (error) {
    if (error instanceof CalendarParseError) throw error;
    const uid = component.getFirstPropertyValue('uid');
    const name = `${component.name.toUpperCase()}${typeof uid === 'string' ? ` ${uid}` : ' without UID'}`;
    throw new CalendarParseError(`${name} cannot be read: ${messageOf(error)}`, { cause: error });
  }
}

/** The occurrences replaced by RECURRENCE-ID overrides, by UID and instant, whatever became of them. */
function overriddenOccurrences(
  events: readonly ICAL.Component[],
  timeZone: string,
): Map<string, Set<bigint>> {
  const overridden = new Map<string, Set<bigint>>();
  for (const event of events) {
    const property = event.getFirstProperty('recurrence-id');
    const uid = event.getFirstPropertyValue('uid');
    if (property === null || typeof uid !== 'string') continue;
    const recurrenceId = describingFailures(event, () => [
      occurrenceRange(property, { kind: 'exact', seconds: 0 }, timeZone),
    ]);
    const instants = overridden.get(uid) ?? new Set<bigint>();
    for (const range of recurrenceId) instants.add(range.start.epochNanoseconds);
    overridden.set(uid, instants);
  }
  return overridden;
}

function eventBusyTime(
  event: ICAL.Component,
  bounds: Range,
  timeZone: string,
  overridden: Map<string, Set<bigint>>,
): Range[] {
  if (!blocksTime(event)) return [];
  const start = event.getFirstProperty('dtstart');
  if (start === null) throw new Error('it has no DTSTART');
  const dtstart = timeOf(start, 'DTSTART');
  const length = eventLength(event, dtstart, tzidOf(start), timeZone);
  const isRecurring = event.hasProperty('rrule') || event.hasProperty('rdate');
  if (event.hasProperty('recurrence-id') || !isRecurring) {
    return [occurrenceRange(start, length, timeZone)];
  }
  const uid = event.getFirstPropertyValue('uid');
  const skipped = (typeof uid === 'string' ? overridden.get(uid) : undefined) ?? new Set<bigint>();
  const expansion = new ICAL.RecurExpansion({ component: event, dtstart });
  const ranges: Range[] = [];
  for (let count = 0; ; count++) {
    if (count >= MAX_OCCURRENCES) {
      throw new Error(
        `its recurrence rule gives more than ${MAX_OCCURRENCES} occurrences before the window ends`,
      );
    }
    const occurrence = expansion.next();
    if (!occurrence) break;
    if (endsWellBefore(occurrence, length, bounds.start)) continue;
    const range = rangeOf(occurrence, tzidOf(start), length, timeZone);
    if (Temporal.Instant.compare(range.start, bounds.end) >= 0) break;
    if (!skipped.has(range.start.epochNanoseconds)) ranges.push(range);
  }
  return ranges;
}

/**
 * A cheap test that skips the exact conversion of the years of occurrences before the window: ical.js
 * reads floating times as UTC, which is at most 26 hours off, well inside two days.
 */
function endsWellBefore(occurrence: ICAL.Time, length: EventLength, windowStart: Temporal.Instant): boolean {
  const seconds = length.kind === 'exact' ? length.seconds : length.days * 86_400;
  return (occurrence.toUnixTime() + seconds + 2 * 86_400) * 1000 < windowStart.epochMilliseconds;
}

/** "Show as free" and cancelled events leave the time free; Outlook also says free in its own property. */
function blocksTime(event: ICAL.Component): boolean {
  const transparency = event.getFirstPropertyValue('transp');
  const status = event.getFirstPropertyValue('status');
  const outlookStatus = event.getFirstPropertyValue('x-microsoft-cdo-busystatus');
  return !(
    (typeof transparency === 'string' && transparency.toUpperCase() === 'TRANSPARENT') ||
    (typeof status === 'string' && status.toUpperCase() === 'CANCELLED') ||
    (typeof outlookStatus === 'string' && outlookStatus.toUpperCase() === 'FREE')
  );
}

function eventLength(
  event: ICAL.Component,
  dtstart: ICAL.Time,
  tzid: string | undefined,
  timeZone: string,
): EventLength {
  const end = event.getFirstProperty('dtend');
  const duration = event.getFirstPropertyValue('duration');
  if (end !== null) {
    const dtend = timeOf(end, 'DTEND');
    if (dtstart.isDate) return { kind: 'days', days: icalDate(dtstart).until(icalDate(dtend)).days };
    const from = icalTimeInstant(dtstart, tzid, timeZone);
    const to = icalTimeInstant(dtend, tzidOf(end), timeZone);
    return { kind: 'exact', seconds: Number(to.epochNanoseconds - from.epochNanoseconds) / 1e9 };
  }
  if (duration instanceof ICAL.Duration) {
    if (dtstart.isDate) return { kind: 'days', days: duration.weeks * 7 + duration.days };
    return { kind: 'exact', seconds: duration.toSeconds() };
  }
  // RFC 5545: without an end, an all-day event lasts the day and a timed one is an instant.
  return dtstart.isDate ? { kind: 'days', days: 1 } : { kind: 'exact', seconds: 0 };
}

function occurrenceRange(property: ICAL.Property, length: EventLength, timeZone: string): Range {
  return rangeOf(timeOf(property, property.name.toUpperCase()), tzidOf(property), length, timeZone);
}

function rangeOf(start: ICAL.Time, tzid: string | undefined, length: EventLength, timeZone: string): Range {
  if (start.isDate) {
    const day = icalDate(start);
    const days = length.kind === 'days' ? length.days : 1;
    return {
      start: day.toZonedDateTime(timeZone).toInstant(),
      end: day
        .add({ days: Math.max(days, 0) })
        .toZonedDateTime(timeZone)
        .toInstant(),
    };
  }
  const instant = icalTimeInstant(start, tzid, timeZone);
  const seconds = length.kind === 'exact' ? length.seconds : length.days * 86_400;
  return { start: instant, end: instant.add({ milliseconds: Math.max(Math.round(seconds * 1000), 0) }) };
}

function freeBusyTime(freeBusy: ICAL.Component, timeZone: string): Range[] {
  return freeBusy.getAllProperties('freebusy').flatMap((property) => {
    const type = property.getParameter('fbtype');
    if (typeof type === 'string' && type.toUpperCase() === 'FREE') return [];
    return property.getValues().flatMap((period: unknown) => {
      if (!(period instanceof ICAL.Period))
        throw new Error('FREEBUSY must hold periods start/end or start/duration');
      return [
        {
          start: icalTimeInstant(period.start, tzidOf(property), timeZone),
          end: icalTimeInstant(period.getEnd(), tzidOf(property), timeZone),
        },
      ];
    });
  });
}

function timeOf(property: ICAL.Property, name: string): ICAL.Time {
  const value = property.getFirstValue();
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} must be a date or a date-time`);
  return value;
}

function overlaps(range: Range, bounds: Range): boolean {
  return (
    Temporal.Instant.compare(range.start, bounds.end) < 0 &&
    Temporal.Instant.compare(range.end, bounds.start) > 0 &&
    Temporal.Instant.compare(range.end, range.start) > 0
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
