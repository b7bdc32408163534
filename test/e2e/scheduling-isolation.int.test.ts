import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addPatient,
  setUpSchedulingApi,
  slotsOf,
} from '../../src/modules/scheduling/scheduling.test-support.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json } from './inbox-support.ts';

describe.each(TEST_ENGINES)('scheduling: one clinic never reaches another’s (%s)', (engine) => {
  let env: TestCareline;
  let lilas: TestClinic;
  let pasteur: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    lilas = await env.addClinic('Clinique des Lilas');
    pasteur = await env.addClinic('Cabinet Pasteur');
  });
  afterAll(async () => {
    await env?.close();
  });

  test('every scheduling route answers 404 for another clinic’s ids, and lists leave them out', async () => {
    const setup = await setUpSchedulingApi(env, lilas);
    await setUpSchedulingApi(env, pasteur, { practitioners: [{ name: 'Dr Pasteur' }] });
    const practitioner = setup.practitioners[0] ?? {};
    const schedule = setup.schedules[0] ?? {};
    const patient = await addPatient(env.handle.db, env.careline.keyring, lilas.org.id, 'Marie Curie');
    const [slot] = await slotsOf(env, lilas, `type=${setup.type.key}&limit=1`);
    if (!slot) throw new Error('no slot');
    const booked = await call(env, lilas, 'POST', '/appointments', {
      contact_id: patient,
      practitioner_id: practitioner.id,
      location_id: setup.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
    });
    expect(booked.status).toBe(201);
    const appointment = booked.body.id;

    const routes: Array<[string, string, Json?]> = [
      ['GET', `/practitioners/${practitioner.id}`],
      ['PATCH', `/practitioners/${practitioner.id}`, { name: 'Dr Volé' }],
      ['DELETE', `/practitioners/${practitioner.id}/busy-calendar`],
      ['POST', `/practitioners/${practitioner.id}/busy-calendar/refresh`],
      ['POST', `/practitioners/${practitioner.id}/calendar-feed`],
      ['GET', `/locations/${setup.location.id}`],
      ['PATCH', `/locations/${setup.location.id}`, { name: 'Volé' }],
      ['GET', `/appointment-types/${setup.type.id}`],
      ['PATCH', `/appointment-types/${setup.type.id}`, { duration_minutes: 5 }],
      ['GET', `/schedules/${schedule.id}`],
      ['PATCH', `/schedules/${schedule.id}`, { hours: [] }],
      ['GET', `/slots?type=${setup.type.id}`],
      ['GET', `/slots?type=${setup.type.key}`],
      ['GET', `/appointments/${appointment}`],
      ['GET', `/appointments/${appointment}.ics`],
      ['GET', `/appointments/${appointment}/reminders`],
      ['POST', `/appointments/${appointment}/cancel`],
      ['POST', `/appointments/${appointment}/move`, { start: slot.start }],
      ['POST', `/appointments/${appointment}/status`, { status: 'noshow' }],
    ];
    for (const [method, path, body] of routes) {
      const answer = await call(env, pasteur, method, path, body);
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
    }
    const upload = await fetch(`${env.url}/api/v1/practitioners/${practitioner.id}/busy-calendar`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${pasteur.apiKey}`, 'content-type': 'text/calendar' },
      body: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
    });
    expect(upload.status).toBe(404);

    // Another clinic's people and places cannot be used in a booking either.
    const pasteurPatient = await addPatient(
      env.handle.db,
      env.careline.keyring,
      pasteur.org.id,
      'Louis Pasteur',
    );
    const crossBooking = await call(env, pasteur, 'POST', '/appointments', {
      contact_id: pasteurPatient,
      practitioner_id: practitioner.id,
      location_id: setup.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
    });
    expect(crossBooking.status).toBe(400);
    expect(crossBooking.body.errors).toEqual([expect.objectContaining({ field: 'body.practitioner_id' })]);
    const foreignPatient = await call(env, lilas, 'POST', '/appointments', {
      contact_id: pasteurPatient,
      practitioner_id: practitioner.id,
      location_id: setup.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
    });
    expect(foreignPatient.body.errors).toEqual([expect.objectContaining({ field: 'body.contact_id' })]);

    for (const list of [
      '/practitioners',
      '/locations',
      '/appointment-types',
      '/schedules',
      '/appointments',
    ]) {
      const { body } = await call(env, pasteur, 'GET', list);
      const ids = (body.data as Json[]).map((item) => item.id);
      // Pasteur's own set-up is listed: the lists are not merely empty.
      if (list !== '/appointments') expect(ids.length).toBeGreaterThan(0);
      for (const id of [practitioner.id, setup.location.id, setup.type.id, schedule.id, appointment]) {
        expect(ids).not.toContain(id);
      }
    }
    const byContact = await call(env, pasteur, 'GET', `/appointments?contact_id=${patient}`);
    expect(byContact.body.data).toEqual([]);

    // Nothing of the first clinic changed.
    expect((await call(env, lilas, 'GET', `/appointments/${appointment}`)).body.status).toBe('booked');
    expect((await call(env, lilas, 'GET', `/practitioners/${practitioner.id}`)).body.name).toBe(
      'Dr Émilie Martin',
    );
  });

  test('the scheduling API is in the OpenAPI document; the calendar feed needs no API key', async () => {
    const doc = (await (await fetch(`${env.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Json>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/practitioners/{id}/busy-calendar',
        '/api/v1/slots',
        '/api/v1/appointments',
        '/api/v1/appointments/{id}/move',
        '/api/v1/calendar/{practitionerId}.ics',
      ]),
    );
    expect(doc.paths['/api/v1/calendar/{practitionerId}.ics']?.get?.security).toEqual([]);
    expect(JSON.stringify(doc.paths['/api/v1/appointments']?.post)).toContain(
      '#/components/schemas/Appointment',
    );
    const feed = await fetch(`${env.url}/api/v1/calendar/${crypto.randomUUID()}.ics?token=x`);
    expect(feed.status).toBe(404);
  });
});
