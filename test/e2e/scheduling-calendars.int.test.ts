import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addPatient,
  EVERY_DAY,
  type SchedulingSetup,
  setUpSchedulingApi,
  slotsOf,
} from '../../src/modules/scheduling/scheduling.test-support.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json } from './inbox-support.ts';

/** A day two days ahead (YYYY-MM-DD): after the notice, inside the horizon. */
const DAY = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const DAY_DIGITS = DAY.replaceAll('-', '');

function busyCalendar(from: string, to: string, extra = ''): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Busy//EN',
    'BEGIN:VEVENT',
    `UID:busy-${from}@test`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=Europe/Paris:${DAY_DIGITS}T${from}00`,
    `DTEND;TZID=Europe/Paris:${DAY_DIGITS}T${to}00`,
    'SUMMARY:Bloc opératoire',
    'END:VEVENT',
    extra,
    'END:VCALENDAR',
    '',
  ]
    .filter((line) => line !== '')
    .join('\r\n');
}

/** A local calendar server standing in for Google Calendar: its answer can be changed or cut. */
async function startCalendarServer(): Promise<{
  url: string;
  state: { status: number; body: string };
  server: Server;
}> {
  const state = { status: 200, body: busyCalendar('1000', '1200') };
  const server = createServer((_request, response) => {
    response.writeHead(state.status, { 'content-type': 'text/calendar' });
    response.end(state.status === 200 ? state.body : 'oops');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/private/basic.ics`, state, server };
}

const parisTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});

describe.each(TEST_ENGINES)('scheduling: busy calendars and iCalendar feeds (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let setup: SchedulingSetup;

  beforeAll(async () => {
    // The calendar servers below stand on loopback: allowed as an operator allows an internal host.
    env = await startTestCareline(engine, { outboundAllowedHosts: ['127.0.0.1'] });
    clinic = await env.addClinic('Clinique des Lilas');
    setup = await setUpSchedulingApi(env, clinic);
  });
  afterAll(async () => {
    await env?.close();
  });

  /** The local times (Paris) of the practitioner's slots on DAY. */
  async function localStartsOn(practitionerId: unknown): Promise<string[]> {
    const slots = await slotsOf(
      env,
      clinic,
      `type=${setup.type.key}&practitioner=${practitionerId}&from=${DAY}T00:00:00Z&limit=100`,
    );
    return slots.filter((s) => s.start.startsWith(DAY)).map((s) => parisTime.format(new Date(s.start)));
  }

  async function practitionerWithHours(body: Json): Promise<Json> {
    const created = await call(env, clinic, 'POST', '/practitioners', {
      specialty: 'general_practice',
      ...body,
    });
    expect(created.status).toBe(201);
    const schedule = await call(env, clinic, 'POST', '/schedules', {
      practitioner_id: created.body.id,
      location_id: setup.location.id,
      hours: EVERY_DAY,
    });
    expect(schedule.status).toBe(201);
    return created.body;
  }

  async function practitioner(id: unknown): Promise<Json> {
    return (await call(env, clinic, 'GET', `/practitioners/${id}`)).body;
  }

  test('a busy calendar URL blocks its times; when it fails, the last copy stays and the error shows', async () => {
    const calendar = await startCalendarServer();
    try {
      const surgeon = await practitionerWithHours({ name: 'Dr Bloc', busy_calendar_url: calendar.url });
      await env.settle();
      const refreshed = await eventually(async () => {
        const p = await practitioner(surgeon.id);
        return (p.busy_calendar as Json).cached === 'url' ? p : undefined;
      });
      expect(refreshed).toMatchObject({
        busy_calendar_url: calendar.url,
        busy_calendar: { url_set: true, cached: 'url', refreshed_at: expect.any(String), error: null },
      });
      const blocked = await localStartsOn(surgeon.id);
      expect(blocked).toContain('09:30');
      expect(blocked).toContain('12:00');
      for (const time of ['10:00', '10:30', '11:00', '11:30']) expect(blocked).not.toContain(time);

      calendar.state.status = 500;
      expect(
        (await call(env, clinic, 'POST', `/practitioners/${surgeon.id}/busy-calendar/refresh`)).status,
      ).toBe(202);
      await env.settle();
      const failed = await eventually(async () => {
        const p = await practitioner(surgeon.id);
        return (p.busy_calendar as Json).error ? p : undefined;
      });
      expect(failed.busy_calendar).toMatchObject({
        cached: 'url',
        error: 'the calendar server answered HTTP 500',
      });
      expect(await localStartsOn(surgeon.id)).toEqual(blocked);

      await new Promise((resolve) => calendar.server.close(resolve));
      await call(env, clinic, 'POST', `/practitioners/${surgeon.id}/busy-calendar/refresh`);
      await env.settle();
      const unreachable = await eventually(async () => {
        const p = await practitioner(surgeon.id);
        return String((p.busy_calendar as Json).error).includes('could not be reached') ? p : undefined;
      });
      expect(unreachable.busy_calendar).toMatchObject({ cached: 'url' });
      expect(String((unreachable.busy_calendar as Json).error)).not.toContain('127.0.0.1');
      expect(await localStartsOn(surgeon.id)).toEqual(blocked);

      // Removing the URL removes what it blocked.
      const removed = await call(env, clinic, 'PATCH', `/practitioners/${surgeon.id}`, {
        busy_calendar_url: null,
      });
      expect(removed.body.busy_calendar).toEqual({
        url_set: false,
        cached: null,
        refreshed_at: null,
        error: null,
      });
      expect(await localStartsOn(surgeon.id)).toContain('10:30');
    } finally {
      calendar.server.close();
    }
  });

  test('a busy-calendar URL pointing inside is refused without saying what is there', async () => {
    // Another loopback address: internal, and not among the hosts this operator allowed.
    let asked = 0;
    const inside = createServer((_request, response) => {
      asked += 1;
      response.writeHead(200, { 'content-type': 'text/calendar' }).end(busyCalendar('1000', '1200'));
    });
    await new Promise<void>((resolve) => inside.listen(0, '127.0.0.2', resolve));
    try {
      const { port } = inside.address() as AddressInfo;
      const doctor = await practitionerWithHours({
        name: 'Dr Dedans',
        busy_calendar_url: `http://127.0.0.2:${port}/private/basic.ics`,
      });
      await env.settle();
      const failed = await eventually(async () => {
        const p = await practitioner(doctor.id);
        return (p.busy_calendar as Json).error ? p : undefined;
      });
      expect(failed.busy_calendar).toMatchObject({
        cached: null,
        error: 'the calendar server could not be reached, or its address is not one Careline may call',
      });
      expect(asked).toBe(0);
    } finally {
      inside.close();
    }
  });

  test('clinics without a URL upload an .ics file instead', async () => {
    const doctor = await practitionerWithHours({ name: 'Dr Fichier' });
    const put = (id: unknown, body: string, contentType = 'text/calendar') =>
      fetch(`${env.url}/api/v1/practitioners/${id}/busy-calendar`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${clinic.apiKey}`, 'content-type': contentType },
        body,
      });
    const uploaded = await put(doctor.id, busyCalendar('1400', '1500'));
    expect(uploaded.status).toBe(200);
    expect(((await uploaded.json()) as Json).busy_calendar).toMatchObject({
      url_set: false,
      cached: 'upload',
    });
    const starts = await localStartsOn(doctor.id);
    expect(starts).toContain('13:30');
    expect(starts).not.toContain('14:00');
    expect(starts).not.toContain('14:30');
    expect(starts).toContain('15:00');

    const broken = await put(doctor.id, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:yesterday\r\n');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as Json).errors).toEqual([expect.objectContaining({ field: 'body' })]);
    expect(await localStartsOn(doctor.id)).not.toContain('14:00');

    const withUrl = await practitionerWithHours({
      name: 'Dr Lien',
      busy_calendar_url: 'http://127.0.0.1:9/x.ics',
    });
    expect((await put(withUrl.id, busyCalendar('1400', '1500'))).status).toBe(409);

    const forgotten = await call(env, clinic, 'DELETE', `/practitioners/${doctor.id}/busy-calendar`);
    expect(forgotten.status).toBe(200);
    expect(await localStartsOn(doctor.id)).toContain('14:00');
  });

  test('the iCalendar feed opens with its token only and tells nothing about the patient', async () => {
    const doctor = setup.practitioners[0] ?? {};
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Marie Curie');
    const [slot, next] = await slotsOf(
      env,
      clinic,
      `type=${setup.type.key}&practitioner=${doctor.id}&limit=2`,
    );
    if (!slot || !next) throw new Error('no slot');
    const bookSlot = (start: string) =>
      call(env, clinic, 'POST', '/appointments', {
        contact_id: patient,
        practitioner_id: doctor.id,
        location_id: setup.location.id,
        appointment_type_id: setup.type.id,
        start,
        reason: 'Douleurs thoraciques',
      });
    const booked = (await bookSlot(slot.start)).body;
    const cancelled = (await bookSlot(next.start)).body;
    await call(env, clinic, 'POST', `/appointments/${cancelled.id}/cancel`);

    const made = await call(env, clinic, 'POST', `/practitioners/${doctor.id}/calendar-feed`);
    expect(made.status).toBe(201);
    const feedUrl = String(made.body.url);
    expect(feedUrl).toBe(`${env.url}/api/v1/calendar/${doctor.id}.ics?token=${made.body.token}`);
    expect(made.body.webcal_url).toBe(feedUrl.replace('http:', 'webcal:'));
    expect((await practitioner(doctor.id)).calendar_feed).toBe(true);

    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const text = await feed.text();
    expect(text).not.toContain('Marie');
    expect(text).not.toContain('Curie');
    expect(text).not.toContain('thoraciques');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => ({
      uid: component.getFirstPropertyValue('uid'),
      summary: component.getFirstPropertyValue('summary'),
      status: component.getFirstPropertyValue('status'),
      start: new ICAL.Event(component).startDate.toJSDate().toISOString(),
    }));
    expect(events).toEqual(
      expect.arrayContaining([
        {
          uid: `${booked.id}@careline`,
          summary: 'Rendez-vous · Consultation',
          status: 'CONFIRMED',
          start: booked.start,
        },
        {
          uid: `${cancelled.id}@careline`,
          summary: 'Rendez-vous · Consultation',
          status: 'CANCELLED',
          start: cancelled.start,
        },
      ]),
    );

    const status = async (url: string) => (await fetch(url)).status;
    expect(await status(feedUrl.replace(/token=.*/, 'token=wrong'))).toBe(404);
    expect(await status(feedUrl.replace(/\?token=.*/, ''))).toBe(404);
    expect(await status(feedUrl.replace(String(doctor.id), crypto.randomUUID()))).toBe(404);
    expect(await status(feedUrl.replace(String(doctor.id), 'not-an-id'))).toBe(404);
    const other = await practitionerWithHours({ name: 'Dr Autre' });
    expect(await status(feedUrl.replace(String(doctor.id), String(other.id)))).toBe(404);

    const remade = await call(env, clinic, 'POST', `/practitioners/${doctor.id}/calendar-feed`);
    expect(await status(feedUrl)).toBe(404);
    expect(await status(String(remade.body.url))).toBe(200);
  });

  test('the patient’s .ics invite is in their language', async () => {
    const patient = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Ada Lovelace');
    const [slot] = await slotsOf(env, clinic, `type=${setup.type.key}&limit=1`);
    if (!slot) throw new Error('no slot');
    const booked = await call(env, clinic, 'POST', '/appointments', {
      contact_id: patient,
      practitioner_id: slot.practitioner.id,
      location_id: slot.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
    });
    const invite = async (query: string) => {
      const response = await env.api(clinic.apiKey, `/api/v1/appointments/${booked.body.id}.ics${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      const component = new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent('vevent');
      if (!component) throw new Error('no event in the invite');
      const event = new ICAL.Event(component);
      return {
        summary: event.summary,
        start: event.startDate.toJSDate().toISOString(),
        location: event.location,
      };
    };
    expect(await invite('')).toEqual({
      summary: `Rendez-vous : Consultation avec ${slot.practitioner.name}`,
      start: new Date(slot.start).toISOString(),
      location: 'Cabinet Voltaire\n12 boulevard Voltaire, 75011 Paris',
    });
    expect((await invite('?language=en')).summary).toBe(
      `Appointment: Consultation with ${slot.practitioner.name}`,
    );
  });
});
