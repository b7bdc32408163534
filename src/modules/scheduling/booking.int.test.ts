import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { appointments } from '../../db-schema.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { createOrg } from '../orgs/org.service.ts';
import { schedulingReminders } from '../reminders/scheduling-reminders.ts';
import { type BookAppointmentInput, bookAppointment } from './booking.service.ts';
import { addPatient, seedScheduling } from './scheduling.test-support.ts';
import { SlotTakenError, SlotUnavailableError, UnknownReferenceError } from './scheduling-errors.ts';
import { findSlots } from './slot-search.service.ts';

// Saturday 20 March 2027, 11:00 in Paris; the clocks go forward on Sunday 28 March.
const NOW = new Date('2027-03-20T10:00:00Z');

describe.each(TEST_ENGINES)('bookAppointment (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: `Cabinet Booking ${engine}` })).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function seeded(type: Parameters<typeof seedScheduling>[2] = {}) {
    const clinic = await seedScheduling(handle.db, orgId, type);
    const [practitioner] = clinic.practitioners;
    if (!practitioner) throw new Error('no practitioner');
    const input = (start: string, contactId: string): BookAppointmentInput => ({
      contactId,
      practitionerId: practitioner.id,
      locationId: clinic.location.id,
      appointmentTypeId: clinic.type.id,
      start,
      source: 'chat',
      now: NOW,
    });
    const starts = async (from: string, limit = 6) =>
      (
        await findSlots(handle.db, orgId, {
          appointmentTypeId: clinic.type.id,
          practitionerId: practitioner.id,
          from,
          limit,
          now: NOW,
        })
      ).slots.map((s) => s.start);
    return { ...clinic, practitioner, input, starts };
  }

  test('09:00 in Paris on the Monday after the clocks go forward is 07:00 UTC', async () => {
    const { input, starts } = await seeded();
    expect(await starts('2027-03-26T00:00:00Z', 1)).toEqual(['2027-03-26T07:00:00Z']);
    expect(await starts('2027-03-28T00:00:00Z', 1)).toEqual(['2027-03-28T06:00:00Z']);
    expect(await starts('2027-03-29T00:00:00Z', 3)).toEqual([
      '2027-03-29T06:00:00Z',
      '2027-03-29T06:30:00Z',
      '2027-03-29T07:00:00Z',
    ]);
    const patient = await addPatient(handle.db, testKeyring, orgId, 'Blaise Pascal');
    const booked = await bookAppointment(
      handle.db,
      testKeyring,
      schedulingReminders,
      orgId,
      input('2027-03-29T09:00:00+02:00', patient),
    );
    expect(booked.start.toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(booked.end.toISOString()).toBe('2027-03-29T07:30:00.000Z');
    expect(booked).toMatchObject({ status: 'booked', source: 'chat', rescheduledFromId: null });
    // The booked 09:00 is no longer offered; the rest of the morning is.
    expect(await starts('2027-03-29T06:00:00Z', 4)).toEqual([
      '2027-03-29T06:00:00Z',
      '2027-03-29T06:30:00Z',
      '2027-03-29T07:30:00Z',
      '2027-03-29T08:00:00Z',
    ]);
  });

  test('of eight concurrent bookings of overlapping times, exactly one wins', async () => {
    const { input, practitioner } = await seeded({ type: { slotStepMinutes: 15 } });
    const patients = await Promise.all(
      [...Array(8).keys()].map((n) => addPatient(handle.db, testKeyring, orgId, `Patient ${n}`)),
    );
    // 30-minute appointments starting 15 minutes apart: each overlaps the next.
    const startsAt = ['2027-03-23T09:00:00Z', '2027-03-23T09:15:00Z'];
    const outcomes = await Promise.allSettled(
      patients.map((patient, n) =>
        bookAppointment(
          handle.db,
          testKeyring,
          schedulingReminders,
          orgId,
          input(startsAt[n % 2] ?? '', patient),
        ),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    for (const reason of lost) expect(reason).toBeInstanceOf(SlotTakenError);
    const rows = await handle.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.practitionerId, practitioner.id), eq(appointments.status, 'booked')));
    expect(rows).toHaveLength(1);
  });

  test('buffers hold time around every appointment, whichever type asks for the new slot', async () => {
    const { input, starts, location, practitioner } = await seeded({
      type: { bufferAfterMinutes: 15, slotStepMinutes: 15 },
    });
    const patient = await addPatient(handle.db, testKeyring, orgId, 'Ada Lovelace');
    await bookAppointment(
      handle.db,
      testKeyring,
      schedulingReminders,
      orgId,
      input('2027-03-24T09:00:00Z', patient),
    );
    // 09:00–09:30 plus 15 minutes to clean: the next 30-minute slot starts 09:45 (10:45 local).
    expect(await starts('2027-03-24T08:30:00Z', 2)).toEqual(['2027-03-24T09:45:00Z', '2027-03-24T10:00:00Z']);
    // Before it, a slot whose own cleaning would run into it (08:30–09:15) is not offered either.
    expect(await starts('2027-03-24T08:15:00Z', 2)).toEqual(['2027-03-24T08:15:00Z', '2027-03-24T09:45:00Z']);
    const other = await seedScheduling(handle.db, orgId, { type: { slotStepMinutes: 15 } });
    const quick = await findSlots(handle.db, orgId, {
      appointmentTypeId: other.type.id,
      practitionerId: practitioner.id,
      from: '2027-03-24T08:45:00Z',
      limit: 1,
      now: NOW,
    });
    expect(quick.slots.map((s) => [s.start, s.locationId])).toEqual([['2027-03-24T09:45:00Z', location.id]]);
    await expect(
      bookAppointment(
        handle.db,
        testKeyring,
        schedulingReminders,
        orgId,
        input('2027-03-24T09:30:00Z', patient),
      ),
    ).rejects.toBeInstanceOf(SlotTakenError);
  });

  test('times outside availability are not slots at all', async () => {
    const { input } = await seeded();
    const patient = await addPatient(handle.db, testKeyring, orgId, 'Paul Dirac');
    for (const start of [
      '2027-03-23T03:00:00Z', // 04:00 local, before opening
      '2027-03-23T09:10:00Z', // off the 30-minute grid
      '2027-03-20T10:30:00Z', // inside the hour of notice
      '2027-06-01T09:00:00Z', // past the 30-day horizon
    ]) {
      await expect(
        bookAppointment(handle.db, testKeyring, schedulingReminders, orgId, input(start, patient)),
      ).rejects.toBeInstanceOf(SlotUnavailableError);
    }
    const stranger = bookAppointment(
      handle.db,
      testKeyring,
      schedulingReminders,
      orgId,
      input('2027-03-23T09:00:00Z', crypto.randomUUID()),
    );
    await expect(stranger).rejects.toMatchObject({ field: 'contactId' });
  });

  test('rescheduling books the new time and cancels the old one together', async () => {
    const { input, starts } = await seeded({ type: { slotStepMinutes: 15 } });
    const patient = await addPatient(handle.db, testKeyring, orgId, 'Émilie du Châtelet');
    const first = await bookAppointment(
      handle.db,
      testKeyring,
      schedulingReminders,
      orgId,
      input('2027-03-25T09:00:00Z', patient),
    );
    // Fifteen minutes later overlaps the appointment being moved: its own time does not block it.
    const moved = await bookAppointment(handle.db, testKeyring, schedulingReminders, orgId, {
      ...input('2027-03-25T09:15:00Z', patient),
      rescheduleOf: first.id,
    });
    expect(moved).toMatchObject({ status: 'booked', rescheduledFromId: first.id });
    const [old] = await handle.db.select().from(appointments).where(eq(appointments.id, first.id));
    expect(old).toMatchObject({ status: 'cancelled', cancelledBy: 'patient', cancelledAt: NOW });
    expect(await starts('2027-03-25T09:00:00Z', 1)).toEqual(['2027-03-25T09:45:00Z']);

    const again = bookAppointment(handle.db, testKeyring, schedulingReminders, orgId, {
      ...input('2027-03-25T12:00:00Z', patient),
      rescheduleOf: first.id,
    });
    await expect(again).rejects.toMatchObject({ name: 'AppointmentStatusConflictError' });
    const someoneElse = await addPatient(handle.db, testKeyring, orgId, 'Sophie Germain');
    const notTheirs = bookAppointment(handle.db, testKeyring, schedulingReminders, orgId, {
      ...input('2027-03-25T12:00:00Z', someoneElse),
      rescheduleOf: moved.id,
    });
    await expect(notTheirs).rejects.toBeInstanceOf(UnknownReferenceError);
    // Nothing was booked nor cancelled by the refusals.
    const [stillBooked] = await handle.db.select().from(appointments).where(eq(appointments.id, moved.id));
    expect(stillBooked?.status).toBe('booked');
    expect(await starts('2027-03-25T12:00:00Z', 1)).toEqual(['2027-03-25T12:00:00Z']);
  });
});
