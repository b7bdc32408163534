import type { DbOrTx } from '../../platform/db/db.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import type { Interval } from './availability/busy-timeline.ts';
import { CalendarParseError, parseBusyTimes } from './availability/ical-busy-times.ts';
import {
  deleteBusyCalendarCopy,
  findBusyCalendarCopy,
  saveBusyCalendarCopy,
} from './busy-calendar.repository.ts';
import { CalendarFetchError, fetchCalendarText } from './busy-calendar-fetch.ts';
import { scheduleNextBusyCalendarRefresh, UPLOADED_CALENDAR_REEXPAND_MS } from './busy-calendar-queue.ts';
import { findPractitioner, lockPractitioner, updatePractitioner } from './practitioner.repository.ts';
import { getPractitioner, type PractitionerView } from './practitioner.service.ts';
import { schedulesWithLocations } from './schedule.repository.ts';
import { BusyCalendarUrlSetError, SchedulingNotFoundError } from './scheduling-errors.ts';

/** How far back and ahead a calendar's busy time is kept: past the longest horizon a type may have. */
const KEPT_BEFORE_MS = 24 * 60 * 60_000;
const KEPT_AFTER_MS = 400 * 24 * 60 * 60_000;

export type BusyCalendarRefresh =
  /** Fetched from its URL and cached. */
  | 'refreshed'
  /** The URL failed; the last good copy stays and the error is recorded on the practitioner. */
  | 'failed'
  /** An uploaded calendar's recurring events expanded again. */
  | 'expanded'
  /** No calendar to refresh (any more). */
  | 'nothing';

/**
 * Takes an uploaded `.ics` file as the practitioner's busy calendar, for clinics whose calendar has no
 * URL. Throws `CalendarParseError` when the file cannot be read (nothing is kept then), and
 * `BusyCalendarUrlSetError` when the calendar comes from a URL, which would replace the file.
 */
export async function uploadBusyCalendar(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
  icsText: string,
  now: Date,
): Promise<PractitionerView> {
  await db.transaction(async (tx) => {
    const practitioner = await lockPractitioner(tx, orgId, practitionerId);
    if (!practitioner) throw new SchedulingNotFoundError('Practitioner');
    if (practitioner.busyCalendarUrl !== null) throw new BusyCalendarUrlSetError();
    const expanded = expand(icsText, now, await calendarTimeZone(tx, orgId, practitionerId));
    await saveBusyCalendarCopy(tx, { practitionerId, orgId, source: 'upload', icsText, ...expanded });
    await updatePractitioner(tx, orgId, practitionerId, {
      busyCalendarRefreshedAt: now,
      busyCalendarError: null,
    });
    // Recurring events reach further as time passes: the file is expanded again every day.
    await scheduleNextBusyCalendarRefresh(tx, { orgId, practitionerId }, now, UPLOADED_CALENDAR_REEXPAND_MS);
  });
  return getPractitioner(db, orgId, practitionerId);
}

/** Forgets an uploaded busy calendar: its times stop blocking. A URL is removed by changing the practitioner. */
export async function removeBusyCalendar(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
): Promise<PractitionerView> {
  await db.transaction(async (tx) => {
    const practitioner = await lockPractitioner(tx, orgId, practitionerId);
    if (!practitioner) throw new SchedulingNotFoundError('Practitioner');
    if (practitioner.busyCalendarUrl !== null) throw new BusyCalendarUrlSetError();
    await deleteBusyCalendarCopy(tx, orgId, practitionerId);
    await updatePractitioner(tx, orgId, practitionerId, {
      busyCalendarRefreshedAt: null,
      busyCalendarError: null,
    });
  });
  return getPractitioner(db, orgId, practitionerId);
}

/**
 * Fetches the practitioner's busy calendar URL (outside any transaction: a slow server must not hold
 * locks) and caches its busy time; on failure keeps the last good copy and records why on the
 * practitioner. Without a URL, expands an uploaded calendar again.
 */
export async function refreshBusyCalendar(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
  now: Date,
  fetchText: (url: string) => Promise<string> = fetchCalendarText,
): Promise<BusyCalendarRefresh> {
  const practitioner = await findPractitioner(db, orgId, practitionerId);
  if (!practitioner) return 'nothing';
  const url = practitioner.busyCalendarUrl;
  if (url === null) return reexpandUpload(db, orgId, practitionerId, now);

  let copy: { icsText: string } & ReturnType<typeof expand>;
  try {
    const icsText = await fetchText(url);
    copy = { icsText, ...expand(icsText, now, await calendarTimeZone(db, orgId, practitionerId)) };
  } catch (error) {
    if (!(error instanceof CalendarFetchError || error instanceof CalendarParseError)) throw error;
    await updatePractitioner(db, orgId, practitionerId, { busyCalendarError: error.message });
    return 'failed';
  }
  return db.transaction(async (tx) => {
    // The URL may have changed while it was fetched: that copy is of a calendar no longer wanted.
    const current = await lockPractitioner(tx, orgId, practitionerId);
    if (current?.busyCalendarUrl !== url) return 'nothing';
    await saveBusyCalendarCopy(tx, { practitionerId, orgId, source: 'url', ...copy, receivedAt: now });
    await updatePractitioner(tx, orgId, practitionerId, {
      busyCalendarRefreshedAt: now,
      busyCalendarError: null,
    });
    return 'refreshed';
  });
}

async function reexpandUpload(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
  now: Date,
): Promise<BusyCalendarRefresh> {
  const copy = await findBusyCalendarCopy(db, orgId, practitionerId);
  if (copy?.source !== 'upload') return 'nothing';
  const expanded = expand(copy.icsText, now, await calendarTimeZone(db, orgId, practitionerId));
  await saveBusyCalendarCopy(db, { ...copy, ...expanded });
  return 'expanded';
}

function expand(
  icsText: string,
  now: Date,
  timeZone: string,
): { busy: Interval[]; coversFrom: Date; coversTo: Date } {
  const coversFrom = new Date(now.getTime() - KEPT_BEFORE_MS);
  const coversTo = new Date(now.getTime() + KEPT_AFTER_MS);
  const busy = parseBusyTimes(icsText, {
    from: coversFrom.toISOString(),
    to: coversTo.toISOString(),
    timeZone,
  });
  return { busy, coversFrom, coversTo };
}

/** Floating times and all-day events are the practitioner's wall clock: where they work, else the clinic's. */
async function calendarTimeZone(db: DbOrTx, orgId: string, practitionerId: string): Promise<string> {
  const [first] = await schedulesWithLocations(db, orgId, [practitionerId]);
  if (first) return first.location.timeZone;
  return (await findOrgByRef(db, orgId))?.timeZone ?? 'Europe/Paris';
}
