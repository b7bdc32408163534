import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { createOrg } from '../orgs/org.service.ts';
import { changeAppointmentType } from './appointment-type.service.ts';
import { parseTimePreference } from './availability/time-preference.ts';
import { uploadBusyCalendar } from './busy-calendar.service.ts';
import { changePractitioner } from './practitioner.service.ts';
import { seedScheduling } from './scheduling.test-support.ts';
import { SchedulingNotFoundError } from './scheduling-errors.ts';
import { type FindSlotsInput, findSlots } from './slot-search.service.ts';

// Monday 14 June 2027, 10:00 in Paris (UTC+2).
const NOW = new Date('2027-06-14T08:00:00Z');

describe.each(TEST_ENGINES)('findSlots (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;
  let clinic: Awaited<ReturnType<typeof seedScheduling>>;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: `Maison de santé ${engine}` })).id;
    clinic = await seedScheduling(handle.db, orgId, {
      practitioners: [
        { name: 'Dr Alice Martin', specialty: 'general_practice', languages: ['fr', 'en-GB'] },
        { name: 'Dr Bruno Petit', specialty: 'paediatrics', languages: ['fr-BE'] },
      ],
      type: { slotStepMinutes: 60, durationMinutes: 60, minimumNoticeMinutes: 0 },
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const find = (input: Partial<FindSlotsInput> = {}) =>
    findSlots(handle.db, orgId, { appointmentTypeKey: clinic.type.key, limit: 4, now: NOW, ...input });
  // Slots starting together come in no promised order: sorted, start first, then the name.
  const summary = (found: Awaited<ReturnType<typeof find>>) =>
    found.slots.map((s) => `${s.start} ${s.practitionerName}`).sort();

  test('several practitioners’ slots come interleaved by start, with their names and place', async () => {
    const found = await find();
    // From now on (no notice), on the hour: 10:00 and 11:00 in Paris.
    expect(summary(found)).toEqual([
      '2027-06-14T08:00:00Z Dr Alice Martin',
      '2027-06-14T08:00:00Z Dr Bruno Petit',
      '2027-06-14T09:00:00Z Dr Alice Martin',
      '2027-06-14T09:00:00Z Dr Bruno Petit',
    ]);
    expect(found.slots.map((s) => s.start)).toEqual([...found.slots.map((s) => s.start)].sort());
    expect(found.slots[0]).toMatchObject({
      end: '2027-06-14T09:00:00Z',
      locationId: clinic.location.id,
      locationName: 'Cabinet Voltaire',
      timeZone: 'Europe/Paris',
    });
    expect(found.matchedPreference).toBe(true);
  });

  test('specialty, language and practitioner narrow who is offered', async () => {
    expect(summary(await find({ specialty: 'paediatrics', limit: 2 }))).toEqual([
      '2027-06-14T08:00:00Z Dr Bruno Petit',
      '2027-06-14T09:00:00Z Dr Bruno Petit',
    ]);
    // fr-BE speaks French; en asks for English, which only Dr Martin lists (as en-GB).
    expect(summary(await find({ language: 'fr', limit: 2 }))).toHaveLength(2);
    expect(summary(await find({ language: 'en', limit: 2 }))).toEqual([
      '2027-06-14T08:00:00Z Dr Alice Martin',
      '2027-06-14T09:00:00Z Dr Alice Martin',
    ]);
    expect((await find({ language: 'de' })).slots).toEqual([]);
    const [alice] = clinic.practitioners;
    expect(summary(await find({ practitionerId: alice?.id, limit: 1 }))).toEqual([
      '2027-06-14T08:00:00Z Dr Alice Martin',
    ]);
  });

  test('times turned down are not offered again, however they are written', async () => {
    const found = await find({
      specialty: 'paediatrics',
      limit: 2,
      excludeStarts: ['2027-06-14T11:00:00.000+02:00'],
    });
    expect(summary(found)).toEqual([
      '2027-06-14T08:00:00Z Dr Bruno Petit',
      '2027-06-14T10:00:00Z Dr Bruno Petit',
    ]);
  });

  test('a patient’s preference picks the window, or the nearest slots after it', async () => {
    const preference = (text: string) => {
      const parsed = parseTimePreference(text, { now: NOW.toISOString(), timeZone: 'Europe/Paris' });
      if (!parsed) throw new Error(text);
      return parsed;
    };
    const afternoon = await find({
      specialty: 'paediatrics',
      preference: preference('demain après-midi'),
      limit: 2,
    });
    expect(afternoon.matchedPreference).toBe(true);
    // 12:00 and 13:00 in Paris on Tuesday 15 June.
    expect(afternoon.slots.map((s) => s.start)).toEqual(['2027-06-15T10:00:00Z', '2027-06-15T11:00:00Z']);
    const night = await find({ specialty: 'paediatrics', preference: preference('demain à 22h'), limit: 1 });
    expect(night.matchedPreference).toBe(false);
    expect(night.slots.map((s) => s.start)).toEqual(['2027-06-16T06:00:00Z']);
  });

  test('only active practitioners offering the type are offered; an inactive type is not found', async () => {
    const [alice, bruno] = clinic.practitioners;
    if (!alice || !bruno) throw new Error('seed');
    await changeAppointmentType(handle.db, orgId, clinic.type.id, { practitionerIds: [bruno.id] });
    expect(new Set((await find()).slots.map((s) => s.practitionerName))).toEqual(new Set(['Dr Bruno Petit']));
    await changePractitioner(handle.db, orgId, bruno.id, { active: false });
    expect((await find()).slots).toEqual([]);
    await changePractitioner(handle.db, orgId, bruno.id, { active: true });
    await changeAppointmentType(handle.db, orgId, clinic.type.id, { practitionerIds: [] });

    const other = await seedScheduling(handle.db, orgId, { practitioners: [], type: { active: false } });
    await expect(find({ appointmentTypeKey: other.type.key })).rejects.toBeInstanceOf(
      SchedulingNotFoundError,
    );
    await expect(find({ appointmentTypeKey: 'no-such-type' })).rejects.toBeInstanceOf(
      SchedulingNotFoundError,
    );
  });

  test('an external busy calendar blocks its practitioner only', async () => {
    const [alice] = clinic.practitioners;
    if (!alice) throw new Error('seed');
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VEVENT',
      'UID:meeting@test',
      'DTSTAMP:20270601T000000Z',
      // Every Thursday 09:00–11:00 in Paris: a weekly staff meeting.
      'DTSTART;TZID=Europe/Paris:20270603T090000',
      'DTEND;TZID=Europe/Paris:20270603T110000',
      'RRULE:FREQ=WEEKLY;BYDAY=TH',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await uploadBusyCalendar(handle.db, orgId, alice.id, ics, NOW);
    const thursday = await find({ from: '2027-06-17T06:00:00Z', limit: 6 });
    expect(summary(thursday)).toEqual([
      '2027-06-17T06:00:00Z Dr Alice Martin',
      '2027-06-17T06:00:00Z Dr Bruno Petit',
      '2027-06-17T07:00:00Z Dr Bruno Petit',
      '2027-06-17T08:00:00Z Dr Bruno Petit',
      '2027-06-17T09:00:00Z Dr Alice Martin',
      '2027-06-17T09:00:00Z Dr Bruno Petit',
    ]);
  });
});
