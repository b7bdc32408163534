import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appointments } from '../../src/db-schema.ts';
import { schedulingReminders } from '../../src/modules/reminders/scheduling-reminders.ts';
import { bookAppointment } from '../../src/modules/scheduling/booking.service.ts';
import {
  addPatient,
  type SchedulingSetup,
  type SlotJson,
  setUpSchedulingApi,
  slotsOf,
} from '../../src/modules/scheduling/scheduling.test-support.ts';
import { findSlots } from '../../src/modules/scheduling/slot-search.service.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, type Json } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

const iso = (instant: string) => new Date(instant).toISOString();

describe.each(TEST_ENGINES)('scheduling: booking, moving and cancelling appointments (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let setup: SchedulingSetup;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    setup = await setUpSchedulingApi(env, clinic);
  });
  afterAll(async () => {
    await env?.close();
  });

  const typeKey = () => String(setup.type.key);

  async function book(slot: SlotJson, patientId: string, extra: Json = {}) {
    return call(env, clinic, 'POST', '/appointments', {
      contact_id: patientId,
      practitioner_id: slot.practitioner.id,
      location_id: slot.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
      ...extra,
    });
  }

  async function startsOffered(): Promise<string[]> {
    return (await slotsOf(env, clinic, `type=${typeKey()}&limit=40`)).map((s) => s.start);
  }

  test('a booked slot is gone from /slots, cannot be booked twice, and comes back when cancelled', async () => {
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Marie Curie');
    const [slot] = await slotsOf(env, clinic, `type=${typeKey()}&limit=3`);
    if (!slot) throw new Error('no slot offered');
    expect(slot).toMatchObject({
      practitioner: { id: setup.practitioners[0]?.id, name: 'Dr Émilie Martin' },
      location: { id: setup.location.id, name: 'Cabinet Voltaire' },
      time_zone: 'Europe/Paris',
    });

    const booked = await book(slot, patient, { reason: 'Renouvellement d’ordonnance' });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      status: 'booked',
      start: iso(slot.start),
      end: iso(slot.end),
      late: false,
      confirmed_at: null,
      source: 'api',
      reason: 'Renouvellement d’ordonnance',
      contact: { id: patient, name: 'Marie Curie' },
      practitioner: { id: slot.practitioner.id, name: 'Dr Émilie Martin' },
      location: { id: slot.location.id, name: 'Cabinet Voltaire', time_zone: 'Europe/Paris' },
      type: { id: setup.type.id, key: typeKey(), name: { fr: 'Consultation', en: 'Consultation' } },
    });
    expect(await startsOffered()).not.toContain(slot.start);

    const other = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Louis Pasteur');
    const again = await book(slot, other);
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.body).toMatchObject({ code: 'slot_taken', errors: [{ field: 'body.start' }] });

    const cancelled = await call(env, clinic, 'POST', `/appointments/${booked.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelled_by: 'staff' });
    expect(cancelled.body.cancelled_at).toEqual(expect.any(String));
    expect(await startsOffered()).toContain(slot.start);
    expect((await book(slot, other)).status).toBe(201);
  });

  test('a time that is not a slot is refused naming the field, and so is a stranger', async () => {
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Irène Joliot');
    const [slot] = await slotsOf(env, clinic, `type=${typeKey()}&limit=1`);
    if (!slot) throw new Error('no slot offered');
    const offGrid = await book(
      { ...slot, start: new Date(Date.parse(slot.start) + 10 * 60_000).toISOString() },
      patient,
    );
    expect(offGrid.status).toBe(422);
    expect(offGrid.body.errors).toEqual([expect.objectContaining({ field: 'body.start' })]);
    const night = new Date(Date.parse(slot.start));
    night.setUTCHours(1, 0, 0, 0);
    night.setUTCDate(night.getUTCDate() + 1);
    expect((await book({ ...slot, start: night.toISOString() }, patient)).status).toBe(422);
    const noContact = await book(slot, crypto.randomUUID());
    expect(noContact.status).toBe(400);
    expect(noContact.body.errors).toEqual([expect.objectContaining({ field: 'body.contact_id' })]);
    const badStart = await book({ ...slot, start: 'tomorrow at nine' }, patient);
    expect(badStart.status).toBe(400);
    expect(badStart.body.errors).toEqual([expect.objectContaining({ field: 'body.start' })]);
  });

  test('moving books the new time and frees the old one at once', async () => {
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Pierre Curie');
    const [first, , third] = await slotsOf(env, clinic, `type=${typeKey()}&limit=3`);
    if (!first || !third) throw new Error('not enough slots');
    const booked = await book(first, patient);
    expect(booked.status).toBe(201);

    const moved = await call(env, clinic, 'POST', `/appointments/${booked.body.id}/move`, {
      start: third.start,
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      status: 'booked',
      start: iso(third.start),
      rescheduled_from_id: booked.body.id,
    });
    expect(moved.body.id).not.toBe(booked.body.id);
    const old = await call(env, clinic, 'GET', `/appointments/${booked.body.id}`);
    expect(old.body).toMatchObject({ status: 'cancelled', cancelled_by: 'staff' });
    const offered = await startsOffered();
    expect(offered).toContain(first.start);
    expect(offered).not.toContain(third.start);

    // Moving a cancelled appointment, or onto a taken time, is refused.
    expect(
      (await call(env, clinic, 'POST', `/appointments/${booked.body.id}/move`, { start: first.start }))
        .status,
    ).toBe(409);
    const someoneElse = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Ève Curie');
    const [free] = await slotsOf(env, clinic, `type=${typeKey()}&limit=1`);
    if (!free) throw new Error('no slot');
    expect((await book(free, someoneElse)).status).toBe(201);
    const onto = await call(env, clinic, 'POST', `/appointments/${moved.body.id}/move`, {
      start: free.start,
    });
    expect(onto.status).toBe(409);
    expect(onto.body.code).toBe('slot_taken');
    expect((await call(env, clinic, 'GET', `/appointments/${moved.body.id}`)).body.status).toBe('booked');
  });

  test('attendance is recorded in order, and what took place cannot be cancelled', async () => {
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Rosalind Franklin');
    const [a, b] = await slotsOf(env, clinic, `type=${typeKey()}&limit=2`);
    if (!a || !b) throw new Error('not enough slots');
    const first = (await book(a, patient)).body;
    const second = (await book(b, patient)).body;
    const status = (id: unknown, value: string) =>
      call(env, clinic, 'POST', `/appointments/${id}/status`, { status: value });

    expect((await status(first.id, 'arrived')).body.status).toBe('arrived');
    expect((await status(first.id, 'fulfilled')).body.status).toBe('fulfilled');
    const cancel = await call(env, clinic, 'POST', `/appointments/${first.id}/cancel`);
    expect(cancel.status).toBe(409);
    expect((await status(first.id, 'noshow')).status).toBe(409);
    expect((await status(second.id, 'noshow')).body.status).toBe('noshow');
    expect((await status(second.id, 'arrived')).status).toBe(409);
    const wrong = await status(second.id, 'cancelled');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'body.status' })]);
    // A missed appointment no longer holds its time.
    expect(await startsOffered()).toContain(b.start);
  });

  test('a patient not marked arrived some minutes after the start is flagged late', async () => {
    const roundTheClock = await setUpSchedulingApi(env, clinic, {
      practitioners: [{ name: 'Dr Garde' }],
      hours: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
        day,
        start: '00:00',
        end: '24:00',
      })),
      type: { minimum_notice_minutes: 0, slot_step_minutes: 5 },
    });
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Paul Langevin');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const practitionerId = String(roundTheClock.practitioners[0]?.id);
    const { slots } = await findSlots(env.handle.db, clinic.org.id, {
      appointmentTypeId: String(roundTheClock.type.id),
      practitionerId,
      limit: 1,
      now: twoHoursAgo,
    });
    const [slot] = slots;
    if (!slot) throw new Error('no slot');
    const booked = await bookAppointment(
      env.handle.db,
      env.careline.keyring,
      schedulingReminders,
      clinic.org.id,
      {
        contactId: patient,
        practitionerId,
        locationId: slot.locationId,
        appointmentTypeId: String(roundTheClock.type.id),
        start: slot.start,
        source: 'staff',
        now: twoHoursAgo,
      },
    );

    const shown = await call(env, clinic, 'GET', `/appointments/${booked.id}`);
    expect(shown.body).toMatchObject({ status: 'booked', late: true });
    const agenda = await call(
      env,
      clinic,
      'GET',
      `/appointments?practitioner_id=${practitionerId}&from=${twoHoursAgo.toISOString()}`,
    );
    expect(agenda.body.data).toEqual([expect.objectContaining({ id: booked.id, late: true })]);
    const arrived = await call(env, clinic, 'POST', `/appointments/${booked.id}/status`, {
      status: 'arrived',
    });
    expect(arrived.body).toMatchObject({ status: 'arrived', late: false });
  });

  test('five patients racing for one slot: exactly one gets it', async () => {
    const [slot] = await slotsOf(env, clinic, `type=${typeKey()}&limit=1`);
    if (!slot) throw new Error('no slot');
    const patients = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        addPatient(env.handle.db, env.careline.keyring, clinic.org.id, `Patient ${n}`),
      ),
    );
    const answers = await Promise.all(patients.map((patient) => book(slot, patient)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'slot_taken')).toBe(true);
    const rows = await env.handle.db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.practitionerId, slot.practitioner.id),
          eq(appointments.start, new Date(slot.start)),
        ),
      );
    expect(rows).toHaveLength(1);
  });

  test('the appointment lists filter by patient, practitioner, status and time', async () => {
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Marthe Gautier');
    const [a, b] = await slotsOf(env, clinic, `type=${typeKey()}&limit=2`);
    if (!a || !b) throw new Error('not enough slots');
    const first = (await book(a, patient)).body;
    const second = (await book(b, patient)).body;
    await call(env, clinic, 'POST', `/appointments/${second.id}/cancel`, { by: 'patient' });

    const mine = await call(env, clinic, 'GET', `/appointments?contact_id=${patient}`);
    expect((mine.body.data as Json[]).map((x) => [x.id, x.status, x.cancelled_by])).toEqual([
      [first.id, 'booked', null],
      [second.id, 'cancelled', 'patient'],
    ]);
    const booked = await call(env, clinic, 'GET', `/appointments?contact_id=${patient}&status=booked`);
    expect((booked.body.data as Json[]).map((x) => x.id)).toEqual([first.id]);
    const window = await call(
      env,
      clinic,
      'GET',
      `/appointments?contact_id=${patient}&from=${a.end}&to=${b.end}`,
    );
    expect((window.body.data as Json[]).map((x) => x.id)).toEqual([second.id]);
    const badQuery = await call(env, clinic, 'GET', '/appointments?from=yesterday');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors).toEqual([expect.objectContaining({ field: 'query.from' })]);
  });

  test('a booking on the Monday after the clocks go forward lands at the right UTC instant', async () => {
    const dst = await setUpSchedulingApi(env, clinic, {
      practitioners: [{ name: 'Dr Heure d’Été' }],
      type: { horizon_days: 366 },
    });
    const monday = mondayAfterNextSpringForward();
    const weekBefore = new Date(Date.parse(`${monday}T12:00:00Z`) - 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const practitionerId = String(dst.practitioners[0]?.id);
    const query = (from: string) =>
      `type=${dst.type.key}&practitioner=${practitionerId}&from=${from}&limit=1`;
    // The day opens at 08:00 in Paris: UTC+1 in winter, UTC+2 from the last Sunday of March.
    const [winter] = await slotsOf(env, clinic, query(`${weekBefore}T00:00:00Z`));
    const [summer] = await slotsOf(env, clinic, query(`${monday}T00:00:00Z`));
    expect(winter?.start).toBe(`${weekBefore}T07:00:00Z`);
    expect(summer?.start).toBe(`${monday}T06:00:00Z`);
    if (!summer) throw new Error('no slot');
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Blaise Pascal');
    const booked = await call(env, clinic, 'POST', '/appointments', {
      contact_id: patient,
      practitioner_id: practitionerId,
      location_id: dst.location.id,
      appointment_type_id: dst.type.id,
      start: `${monday}T09:00:00+02:00`,
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ start: `${monday}T07:00:00.000Z`, end: `${monday}T07:30:00.000Z` });
  });

  test('agents book and cancel; only administrators configure', async () => {
    const agent = await addStaff(env, clinic, { name: 'Agnès Accueil', role: 'agent' });
    const browser = await signIn(env, agent.email);
    expect((await browser.call('POST', '/locations', { name: 'Annexe' })).status).toBe(403);
    expect(
      (await browser.call('PATCH', `/practitioners/${setup.practitioners[0]?.id}`, { active: false })).status,
    ).toBe(403);
    expect(
      (await browser.call('POST', `/practitioners/${setup.practitioners[0]?.id}/calendar-feed`)).status,
    ).toBe(403);
    const [slot] = await slotsOf(env, clinic, `type=${typeKey()}&limit=1`);
    if (!slot) throw new Error('no slot');
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Lise Meitner');
    const booked = await browser.call('POST', '/appointments', {
      contact_id: patient,
      practitioner_id: slot.practitioner.id,
      location_id: slot.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ source: 'staff', created_by_user_id: agent.id });
    expect((await browser.call('POST', `/appointments/${booked.body.id}/cancel`)).status).toBe(200);
  });

  test('configuration mistakes are refused naming the field', async () => {
    const hours = await call(env, clinic, 'POST', '/schedules', {
      practitioner_id: setup.practitioners[0]?.id,
      location_id: setup.location.id,
      hours: [{ day: 'mon', start: '12:00', end: '09:00' }],
    });
    expect(hours.status).toBe(400);
    expect(hours.body.errors).toEqual([expect.objectContaining({ field: 'body.hours.0.end' })]);
    const order = await call(env, clinic, 'POST', '/schedules', {
      practitioner_id: setup.practitioners[0]?.id,
      location_id: setup.location.id,
      hours: [{ day: 'mon', start: '09:00', end: '12:00' }],
      valid_from: '2027-06-01',
      valid_to: '2027-05-01',
    });
    expect(order.status).toBe(400);
    expect(order.body.errors).toEqual([expect.objectContaining({ field: 'body.valid_to' })]);
    const stranger = await call(env, clinic, 'POST', '/schedules', {
      practitioner_id: crypto.randomUUID(),
      location_id: setup.location.id,
      hours: [],
    });
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'body.practitioner_id' })]);
    const duplicate = await call(env, clinic, 'POST', '/appointment-types', {
      key: setup.type.key,
      name: { fr: 'Autre', en: 'Other' },
      duration_minutes: 20,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'body.key' })]);
    const offeredBy = await call(env, clinic, 'PATCH', `/appointment-types/${setup.type.id}`, {
      practitioner_ids: [setup.practitioners[0]?.id, crypto.randomUUID()],
    });
    expect(offeredBy.body.errors).toEqual([expect.objectContaining({ field: 'body.practitioner_ids.1' })]);
    const zone = await call(env, clinic, 'PATCH', `/locations/${setup.location.id}`, { time_zone: 'Paris' });
    expect(zone.body.errors).toEqual([expect.objectContaining({ field: 'body.time_zone' })]);
    const language = await call(env, clinic, 'PATCH', `/practitioners/${setup.practitioners[0]?.id}`, {
      languages: ['fr', '??'],
    });
    expect(language.body.errors).toEqual([expect.objectContaining({ field: 'body.languages.1' })]);
  });
});

/**
 * The Monday after the next last Sunday of March (Europe's spring-forward), YYYY-MM-DD, such that the
 * Monday a week before is bookable too; at most 366 days ahead, the longest horizon.
 */
function mondayAfterNextSpringForward(): string {
  const today = new Date();
  for (let year = today.getUTCFullYear(); ; year += 1) {
    const lastOfMarch = new Date(Date.UTC(year, 2, 31));
    const sunday = new Date(lastOfMarch.getTime() - lastOfMarch.getUTCDay() * 86_400_000);
    const monday = new Date(sunday.getTime() + 86_400_000);
    if (monday.getTime() - 7 * 86_400_000 > today.getTime() + 86_400_000)
      return monday.toISOString().slice(0, 10);
  }
}
