import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { busyCalendarCopies, jobs } from '../../db-schema.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { createOrg } from '../orgs/org.service.ts';
import { CalendarParseError } from './availability/ical-busy-times.ts';
import { runBusyCalendarJob } from './busy-calendar.job.ts';
import { uploadBusyCalendar } from './busy-calendar.service.ts';
import { CalendarFetchError } from './busy-calendar-fetch.ts';
import { busyCalendarQueue } from './busy-calendar-queue.ts';
import { changePractitioner, createPractitioner, getPractitioner } from './practitioner.service.ts';
import { BusyCalendarUrlSetError } from './scheduling-errors.ts';

const NOW = new Date('2027-06-14T08:07:00Z');

const ics = (start: string, end: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'BEGIN:VEVENT',
    `UID:${start}@test`,
    'DTSTAMP:20270601T000000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

describe.each(TEST_ENGINES)('busy calendars (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: `Cabinet calendrier ${engine}` })).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const copyOf = async (practitionerId: string) =>
    (
      await handle.db
        .select()
        .from(busyCalendarCopies)
        .where(eq(busyCalendarCopies.practitionerId, practitionerId))
    )[0];
  const queued = async (practitionerId: string) =>
    (
      await handle.db
        .select({ runAt: jobs.runAt, payload: jobs.payload })
        .from(jobs)
        .where(and(eq(jobs.queue, busyCalendarQueue.name), eq(jobs.status, 'queued')))
        .orderBy(asc(jobs.runAt))
    ).filter((j) => j.payload.practitionerId === practitionerId);

  test('a refresh caches the busy time; a failure keeps it and says why; the chain runs every 15 minutes', async () => {
    const practitioner = await createPractitioner(handle.db, orgId, {
      name: 'Dr Lien',
      specialty: 'general_practice',
      busyCalendarUrl: 'https://calendar.example/private-abc/basic.ics',
    });
    // Setting the URL queued a refresh at once.
    expect((await queued(practitioner.id)).map((j) => j.runAt.getTime() <= Date.now())).toEqual([true]);
    await handle.db.delete(jobs);

    const job = { orgId, practitionerId: practitioner.id };
    const fetched: string[] = [];
    const serve = (text: string) => async (url: string) => {
      fetched.push(url);
      return text;
    };
    const outcome = await runBusyCalendarJob(
      handle.db,
      job,
      NOW,
      serve(ics('20270615T090000Z', '20270615T100000Z')),
    );
    expect(outcome).toBe('refreshed');
    expect(fetched).toEqual(['https://calendar.example/private-abc/basic.ics']);
    expect((await copyOf(practitioner.id))?.busy).toEqual([
      { start: '2027-06-15T09:00:00Z', end: '2027-06-15T10:00:00Z' },
    ]);
    expect(await getPractitioner(handle.db, orgId, practitioner.id)).toMatchObject({
      busyCalendarRefreshedAt: NOW,
      busyCalendarError: null,
      busyCalendar: { source: 'url' },
    });
    // The next refresh is at the first quarter-hour at least 15 minutes on.
    expect((await queued(practitioner.id)).map((j) => j.runAt.toISOString())).toEqual([
      '2027-06-14T08:30:00.000Z',
    ]);

    const down = async () => {
      throw new CalendarFetchError('the calendar server answered HTTP 503');
    };
    expect(await runBusyCalendarJob(handle.db, job, new Date('2027-06-14T08:12:00Z'), down)).toBe('failed');
    expect((await copyOf(practitioner.id))?.busy).toEqual([
      { start: '2027-06-15T09:00:00Z', end: '2027-06-15T10:00:00Z' },
    ]);
    expect(await getPractitioner(handle.db, orgId, practitioner.id)).toMatchObject({
      busyCalendarRefreshedAt: NOW,
      busyCalendarError: 'the calendar server answered HTTP 503',
    });
    const garbled = async () =>
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:soon\r\nEND:VEVENT\r\nEND:VCALENDAR';
    expect(await runBusyCalendarJob(handle.db, job, new Date('2027-06-14T08:13:00Z'), garbled)).toBe(
      'failed',
    );
    expect((await copyOf(practitioner.id))?.busy).toHaveLength(1);
    // However many refreshes ran in the quarter, one next refresh is queued.
    expect((await queued(practitioner.id)).map((j) => j.runAt.toISOString())).toEqual([
      '2027-06-14T08:30:00.000Z',
    ]);

    await changePractitioner(handle.db, orgId, practitioner.id, { busyCalendarUrl: null });
    expect(await copyOf(practitioner.id)).toBeUndefined();
    expect(await runBusyCalendarJob(handle.db, job, new Date('2027-06-14T08:30:00Z'), serve(''))).toBe(
      'nothing',
    );
    expect(await queued(practitioner.id)).toHaveLength(1);
    await handle.db.delete(jobs);
  });

  test('an uploaded file is kept, refused when unreadable, and expanded again every day', async () => {
    const practitioner = await createPractitioner(handle.db, orgId, {
      name: 'Dr Fichier',
      specialty: 'paediatrics',
    });
    const weekly = ics('20270607T090000Z', '20270607T100000Z').replace(
      'END:VEVENT',
      'RRULE:FREQ=WEEKLY\r\nEND:VEVENT',
    );
    const view = await uploadBusyCalendar(handle.db, orgId, practitioner.id, weekly, NOW);
    expect(view.busyCalendar?.source).toBe('upload');
    const first = await copyOf(practitioner.id);
    expect(first?.busy[0]).toEqual({ start: '2027-06-14T09:00:00Z', end: '2027-06-14T10:00:00Z' });
    expect((await queued(practitioner.id)).map((j) => j.runAt.toISOString())).toEqual([
      '2027-06-15T08:15:00.000Z',
    ]);

    await expect(
      uploadBusyCalendar(handle.db, orgId, practitioner.id, 'not a calendar', NOW),
    ).rejects.toBeInstanceOf(CalendarParseError);
    expect((await copyOf(practitioner.id))?.icsText).toBe(weekly);

    const aMonthLater = new Date('2027-07-14T08:00:00Z');
    expect(await runBusyCalendarJob(handle.db, { orgId, practitionerId: practitioner.id }, aMonthLater)).toBe(
      'expanded',
    );
    const later = await copyOf(practitioner.id);
    expect(later?.coversTo.getTime()).toBeGreaterThan(first?.coversTo.getTime() ?? 0);
    expect(later?.busy[0]).toEqual({ start: '2027-07-19T09:00:00Z', end: '2027-07-19T10:00:00Z' });

    await changePractitioner(handle.db, orgId, practitioner.id, {
      busyCalendarUrl: 'https://calendar.example/x.ics',
    });
    await expect(uploadBusyCalendar(handle.db, orgId, practitioner.id, weekly, NOW)).rejects.toBeInstanceOf(
      BusyCalendarUrlSetError,
    );
    await handle.db.delete(jobs);
  });
});
