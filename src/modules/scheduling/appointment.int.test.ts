import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { reminderPolicies } from '../../db-schema.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { createOrg } from '../orgs/org.service.ts';
import { schedulingReminders } from '../reminders/scheduling-reminders.ts';
import { cancelAppointment, confirmAppointment, setAppointmentStatus } from './appointment.service.ts';
import {
  appointmentsBetween,
  getAppointment,
  lateAppointments,
  upcomingAppointmentsOf,
} from './appointment-agenda.service.ts';
import { bookAppointment } from './booking.service.ts';
import { addPatient, seedScheduling } from './scheduling.test-support.ts';
import { AppointmentStatusConflictError, SchedulingNotFoundError } from './scheduling-errors.ts';

// Tuesday 22 June 2027, 09:00 in Paris.
const BOOKED_AT = new Date('2027-06-22T07:00:00Z');
const at = (iso: string) => new Date(iso);

describe.each(TEST_ENGINES)('appointment services (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;
  let book: (start: string, contactId: string) => Promise<string>;
  let practitionerId: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: `Centre médical ${engine}` })).id;
    const clinic = await seedScheduling(handle.db, orgId, { type: { minimumNoticeMinutes: 0 } });
    practitionerId = clinic.practitioners[0]?.id ?? '';
    book = async (start, contactId) =>
      (
        await bookAppointment(handle.db, testKeyring, schedulingReminders, orgId, {
          contactId,
          practitionerId,
          locationId: clinic.location.id,
          appointmentTypeId: clinic.type.id,
          start,
          source: 'chat',
          now: BOOKED_AT,
        })
      ).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  test('cancelling frees the time once; what took place cannot be cancelled', async () => {
    const patient = await addPatient(handle.db, testKeyring, orgId, 'Marie Curie');
    const id = await book('2027-06-23T08:00:00Z', patient);
    const cancelled = await cancelAppointment(handle.db, schedulingReminders, orgId, id, {
      by: 'patient',
      now: at('2027-06-22T12:00:00Z'),
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'patient',
      cancelledAt: at('2027-06-22T12:00:00Z'),
    });
    const again = await cancelAppointment(handle.db, schedulingReminders, orgId, id, {
      by: 'staff',
      now: at('2027-06-22T13:00:00Z'),
    });
    expect(again).toMatchObject({ cancelledBy: 'patient', cancelledAt: at('2027-06-22T12:00:00Z') });
    // The same time can be booked again by someone else.
    const other = await addPatient(handle.db, testKeyring, orgId, 'Louis Pasteur');
    await expect(book('2027-06-23T08:00:00Z', other)).resolves.toEqual(expect.any(String));

    const seen = await book('2027-06-23T10:00:00Z', patient);
    await setAppointmentStatus(
      handle.db,
      schedulingReminders,
      orgId,
      seen,
      'fulfilled',
      at('2027-06-23T11:00:00Z'),
    );
    await expect(
      cancelAppointment(handle.db, schedulingReminders, orgId, seen, {
        by: 'staff',
        now: at('2027-06-23T11:05:00Z'),
      }),
    ).rejects.toBeInstanceOf(AppointmentStatusConflictError);
    await expect(
      cancelAppointment(handle.db, schedulingReminders, orgId, crypto.randomUUID(), {
        by: 'staff',
        now: BOOKED_AT,
      }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
  });

  test('the patient’s confirmation is kept once, and refused for a cancelled appointment', async () => {
    const patient = await addPatient(handle.db, testKeyring, orgId, 'Irène Joliot-Curie');
    const id = await book('2027-06-24T08:00:00Z', patient);
    const confirmed = await confirmAppointment(handle.db, orgId, id, at('2027-06-22T18:00:00Z'));
    expect(confirmed.confirmedAt).toEqual(at('2027-06-22T18:00:00Z'));
    const twice = await confirmAppointment(handle.db, orgId, id, at('2027-06-23T18:00:00Z'));
    expect(twice.confirmedAt).toEqual(at('2027-06-22T18:00:00Z'));
    await cancelAppointment(handle.db, schedulingReminders, orgId, id, {
      by: 'patient',
      now: at('2027-06-23T19:00:00Z'),
    });
    await expect(confirmAppointment(handle.db, orgId, id, at('2027-06-23T20:00:00Z'))).rejects.toBeInstanceOf(
      AppointmentStatusConflictError,
    );
  });

  test('a patient’s upcoming appointments are those still to come and still booked', async () => {
    const patient = await addPatient(handle.db, testKeyring, orgId, 'Pierre Curie');
    const past = await book('2027-06-22T08:00:00Z', patient);
    const soon = await book('2027-06-25T09:00:00Z', patient);
    const later = await book('2027-06-28T09:00:00Z', patient);
    const dropped = await book('2027-06-29T09:00:00Z', patient);
    await cancelAppointment(handle.db, schedulingReminders, orgId, dropped, {
      by: 'patient',
      now: BOOKED_AT,
    });
    const someoneElse = await addPatient(handle.db, testKeyring, orgId, 'Paul Langevin');
    await book('2027-06-26T09:00:00Z', someoneElse);

    const upcoming = await upcomingAppointmentsOf(
      handle.db,
      testKeyring,
      schedulingReminders,
      orgId,
      patient,
      at('2027-06-23T00:00:00Z'),
    );
    expect(upcoming.map((u) => u.appointment.id)).toEqual([soon, later]);
    expect(upcoming[0]).toMatchObject({
      contactName: 'Pierre Curie',
      practitionerName: 'Dr Émilie Martin',
      location: { name: 'Cabinet Voltaire', timeZone: 'Europe/Paris' },
      type: { name: { fr: 'Consultation', en: 'Consultation' } },
    });
    expect(upcoming.map((u) => u.appointment.id)).not.toContain(past);
  });

  test('the agenda flags patients not marked arrived after the clinic’s delay', async () => {
    const patient = await addPatient(handle.db, testKeyring, orgId, 'Lise Meitner');
    const nine = await book('2027-06-30T07:00:00Z', patient);
    const half = await book('2027-06-30T07:30:00Z', patient);
    const ten = await book('2027-06-30T08:00:00Z', patient);
    await setAppointmentStatus(
      handle.db,
      schedulingReminders,
      orgId,
      half,
      'arrived',
      at('2027-06-30T07:35:00Z'),
    );

    const now = at('2027-06-30T08:10:00Z');
    expect(
      (await lateAppointments(handle.db, testKeyring, orgId, now, 15)).map((l) => l.appointment.id),
    ).toEqual([nine]);
    expect(
      (await lateAppointments(handle.db, testKeyring, orgId, now, 5)).map((l) => l.appointment.id),
    ).toEqual([nine, ten]);

    const day = await appointmentsBetween(
      handle.db,
      testKeyring,
      schedulingReminders,
      orgId,
      { practitionerId, from: at('2027-06-30T00:00:00Z'), to: at('2027-07-01T00:00:00Z') },
      now,
    );
    expect(day.map((d) => [d.appointment.id, d.late])).toEqual([
      [nine, true],
      [half, false],
      [ten, false],
    ]);
    // The clinic's reminder policy sets the delay the appointment JSON uses.
    await handle.db.insert(reminderPolicies).values({ orgId, lateAfterMinutes: 5 });
    expect((await getAppointment(handle.db, testKeyring, schedulingReminders, orgId, ten, now)).late).toBe(
      true,
    );
    await handle.db.delete(reminderPolicies);
  });
});
