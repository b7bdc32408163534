import type { Browser, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { findOrgByRef } from '../../src/modules/orgs/org.repository.ts';
import { insertAppointment } from '../../src/modules/scheduling/appointment.repository.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, remoteRequestsOf, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

// A bound, not a speed target (that is `npm run bench -- live`): a busy 2-core CI machine once took over 10 s.
const LIVE = { timeout: 20_000 };
const PARIS = 'Europe/Paris';
const LUCIE = { name: 'Lucie Moreau', phone: '+33622334455' };
const MARC = { name: 'Marc Petit', phone: '+33677889900' };
const MARTIN = 'Dr Sophie Martin';
const BENALI = 'Dr Karim Benali';

interface Json {
  [key: string]: unknown;
}

interface SlotJson {
  start: string;
  end: string;
  practitioner: { id: string; name: string };
  location: { id: string; name: string };
}

/** 08:30, as the screens show a time in the clinic's zone (en-GB). */
function clock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: PARIS }).format(
    new Date(iso),
  );
}

/** Slots and appointments write instants differently (with or without milliseconds). */
function instant(iso: string): string {
  return new Date(iso).toISOString();
}

/** The first weekday at least two days ahead in Paris: Dr Martin works, and it is past any notice. */
function bookingDay(): Temporal.PlainDate {
  let day = Temporal.Now.plainDateISO(PARIS).add({ days: 2 });
  while (day.dayOfWeek > 5) day = day.add({ days: 1 });
  return day;
}

/** How many times to press "Next week" from this week to the one holding `day`. */
function weeksAhead(day: Temporal.PlainDate): number {
  const monday = (d: Temporal.PlainDate) => d.subtract({ days: d.dayOfWeek - 1 });
  return monday(Temporal.Now.plainDateISO(PARIS)).until(monday(day), { largestUnit: 'days' }).days / 7;
}

describe.each(TEST_ENGINES)('the agenda in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let agent: Page;
  const day = bookingDay();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    agent = await newPage(browser, careline.url, 'en-GB');
    // A step that cannot happen fails with its locator, well before the test's own time-out.
    agent.setDefaultTimeout(LIVE.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  /** Calls the API as the demo clinic's integration would, to set the scene and check the screens. */
  async function api<T = Json>(path: string, body?: Json): Promise<{ status: number; json: T }> {
    const response = await fetch(`${careline.url}/api/v1${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        authorization: `Bearer ${careline.demo.apiKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as T };
  }

  async function get<T = Json>(path: string): Promise<T> {
    const { status, json } = await api<T>(path);
    expect(status).toBe(200);
    return json;
  }

  async function patientWrites(patient: { name: string; phone: string }, text: string): Promise<string> {
    const sent = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: patient.phone,
      name: patient.name,
      text,
    });
    expect(sent.httpStatus).toBe(200);
    return eventually(async () => {
      const { data } = await get<{ data: Json[] }>('/conversations?view=all');
      const conversation = data.find((c) => (c.contact as Json).display_name === patient.name);
      if (!conversation) return undefined;
      ids[`${patient.name} conversation`] = String(conversation.id);
      return String((conversation.contact as Json).id);
    });
  }

  async function martinsSlots(): Promise<SlotJson[]> {
    const from = day.toZonedDateTime({ timeZone: PARIS }).toInstant().toString();
    const practitioners = await get<{ data: Json[] }>('/practitioners');
    const martin = practitioners.data.find((p) => p.name === MARTIN);
    ids.martin = String(martin?.id);
    const { data } = await get<{ data: SlotJson[] }>(
      `/slots?type=consultation&practitioner=${ids.martin}&from=${encodeURIComponent(from)}&limit=40`,
    );
    return data.filter((slot) => slot.start.startsWith(day.toString().slice(0, 7)));
  }

  function panel() {
    return agent.getByRole('complementary');
  }

  async function openConversationOf(name: string): Promise<void> {
    await agent.goto('/inbox?view=all');
    await agent.getByRole('option', { name: new RegExp(name) }).click();
    await panel().getByRole('heading', { name }).waitFor();
  }

  test('a patient writes; the agent books them a time from the patient panel, past a colleague’s booking', async () => {
    await agent.goto('/login');
    await agent.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await agent.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.waitForURL(/\/inbox/);

    ids.lucie = await patientWrites(LUCIE, 'Bonjour, j’ai une question pour le docteur Martin.');
    ids.marc = await patientWrites(MARC, 'Bonjour !');
    await openConversationOf(LUCIE.name);
    const appointments = panel().getByRole('region', { name: 'Appointments' });
    await appointments.getByText('No upcoming appointment.').waitFor();
    await panel().getByRole('region', { name: 'Consent' }).getByText('Not asked').waitFor();

    await appointments.getByRole('button', { name: 'Book' }).click();
    const dialog = agent.getByRole('dialog', { name: `Book an appointment for ${LUCIE.name}` });
    await dialog.getByRole('textbox', { name: 'Practitioner' }).click();
    await agent.getByRole('option', { name: MARTIN }).click();
    await dialog.getByLabel('Day', { exact: true }).fill(day.toString());
    const [first, second] = await martinsSlots();
    if (!first || !second) throw new Error(`Dr Martin has no free time on ${day}`);
    await dialog.getByRole('button', { name: `${clock(first.start)} with ${MARTIN}` }).click();
    await dialog.getByText(`with ${MARTIN}`).first().waitFor();

    // A colleague books that very time for another patient before the agent confirms.
    const taken = await api('/appointments', {
      contact_id: ids.marc,
      practitioner_id: first.practitioner.id,
      location_id: first.location.id,
      appointment_type_id: (await get<{ data: Json[] }>('/appointment-types')).data[0]?.id as string,
      start: first.start,
    });
    expect(taken.status).toBe(201);
    ids.marcFirst = String(taken.json.id);

    // The agenda follows bookings live: the taken time may vanish (and the choice with it) before the
    // agent confirms; if not, confirming is refused. Either way the agent is told and picks again.
    const confirm = dialog.getByRole('button', { name: 'Book', exact: true });
    if (await confirm.isEnabled()) await confirm.click({ timeout: 2000 }).catch(() => undefined);
    await dialog.getByRole('alert').getByText('Someone has just booked').waitFor();
    // The free times are read again: the one taken is gone.
    await dialog
      .getByRole('button', { name: `${clock(first.start)} with ${MARTIN}` })
      .waitFor({ state: 'detached' });
    await screenshot(agent, `${engine}-agenda-01-slot-taken`);

    await dialog.getByRole('button', { name: `${clock(second.start)} with ${MARTIN}` }).click();
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await agent.getByText(`with ${MARTIN}.`).first().waitFor();
    await appointments.getByTestId('contact-appointment').filter({ hasText: MARTIN }).waitFor();
    await screenshot(agent, `${engine}-agenda-02-booked-in-panel`);

    const booked = await get<{ data: Json[] }>(`/appointments?contact_id=${ids.lucie}`);
    expect(booked.data).toEqual([
      expect.objectContaining({
        status: 'booked',
        start: instant(second.start),
        source: 'staff',
        conversation_id: ids[`${LUCIE.name} conversation`],
      }),
    ]);
    ids.lucieFirst = String(booked.data[0]?.id);
  });

  test('the appointment is in the agenda’s week; the agent moves it to the afternoon', async () => {
    await agent.getByRole('link', { name: 'Agenda', exact: true }).click();
    await agent.waitForURL(/\/agenda/);
    await agent.getByRole('tab', { name: 'Appointments', selected: true }).waitFor();
    await agent.getByRole('textbox', { name: 'Practitioner' }).click();
    await agent.getByRole('option', { name: MARTIN }).click();
    // Each click must land: one made while the agenda reloads for the practitioner could be lost.
    const weekTitle = agent.getByRole('heading', { level: 1 }).first();
    for (let i = 0; i < weeksAhead(day); i++) {
      const before = await weekTitle.textContent();
      await agent.getByRole('button', { name: 'Next week' }).click();
      await expect.poll(() => weekTitle.textContent(), LIVE).not.toBe(before);
    }
    const block = agent.getByRole('button', { name: new RegExp(`${LUCIE.name}, Consultation, Booked`) });
    await block.waitFor();
    await agent.getByRole('button', { name: new RegExp(`${MARC.name}, Consultation, Booked`) }).waitFor();
    await screenshot(agent, `${engine}-agenda-03-week`);

    await block.click();
    const drawer = agent.getByRole('dialog', { name: LUCIE.name });
    await drawer.getByRole('link', { name: 'Open the conversation' }).waitFor();
    // Its reminders: the 2-hour one is planned whatever the day (whether she agreed is decided when it is due).
    await drawer.getByRole('heading', { name: 'Reminders', level: 3 }).waitFor();
    await drawer
      .getByTestId('appointment-reminders')
      .getByText(/^2 h before · for /)
      .waitFor();
    await agent.waitForTimeout(300); // the drawer's opening transition, for the picture
    await screenshot(agent, `${engine}-agenda-04-side-panel`);
    await drawer.getByRole('button', { name: 'Move' }).click();

    const move = agent.getByRole('dialog', { name: `Move the appointment of ${LUCIE.name}` });
    const afternoon = (await martinsSlots()).find((slot) => clock(slot.start) >= '14:00');
    if (!afternoon) throw new Error('Dr Martin has no free afternoon time');
    await move.getByRole('button', { name: `${clock(afternoon.start)} with ${MARTIN}` }).click();
    await screenshot(agent, `${engine}-agenda-05-move`);
    await move.getByRole('button', { name: 'Move here' }).click();
    await move.waitFor({ state: 'hidden' });
    await agent.getByText(`Moved to`).first().waitFor();
    await agent
      .getByRole('button', { name: new RegExp(`^${clock(afternoon.start)}–.*${LUCIE.name}`) })
      .waitFor();

    const { data } = await get<{ data: Json[] }>(`/appointments?contact_id=${ids.lucie}`);
    const moved = data.find((a) => a.status === 'booked');
    expect(moved).toMatchObject({ start: instant(afternoon.start), rescheduled_from_id: ids.lucieFirst });
    expect(data.find((a) => a.id === ids.lucieFirst)).toMatchObject({ status: 'cancelled' });
    await agent.keyboard.press('Escape');
  });

  test('a patient still not marked arrived is flagged late; the agent marks them arrived', async () => {
    // Booked earlier for a time that has passed: nobody has marked the patient arrived yet.
    const [practitioners, locations, types] = await Promise.all([
      get<{ data: Json[] }>('/practitioners'),
      get<{ data: Json[] }>('/locations'),
      get<{ data: Json[] }>('/appointment-types'),
    ]);
    const org = await findOrgByRef(careline.handle.db, careline.demo.orgSlug);
    const start = new Date(Date.now() - 40 * 60_000);
    const late = await insertAppointment(careline.handle.db, careline.careline.keyring, {
      orgId: org?.id ?? '',
      contactId: ids.marc ?? '',
      practitionerId: String(practitioners.data.find((p) => p.name === BENALI)?.id),
      locationId: String(locations.data[0]?.id),
      appointmentTypeId: String(types.data[0]?.id),
      status: 'booked',
      start,
      end: new Date(start.getTime() + 20 * 60_000),
      source: 'staff',
      conversationId: ids[`${MARC.name} conversation`] ?? null,
    });

    const date = Temporal.Instant.fromEpochMilliseconds(start.getTime())
      .toZonedDateTimeISO(PARIS)
      .toPlainDate();
    await agent.goto(`/agenda?view=day&date=${date}&practitioner=all`);
    await agent.getByRole('region', { name: new RegExp(`^${BENALI}`) }).waitFor();
    const block = agent.getByRole('button', { name: new RegExp(`${MARC.name}.*Booked.*Late`) });
    await block.waitFor();
    await screenshot(agent, `${engine}-agenda-06-day-late`);

    await block.click();
    const drawer = agent.getByRole('dialog', { name: MARC.name });
    await drawer.getByRole('button', { name: 'Arrived' }).click();
    await agent.getByText(`${MARC.name} has arrived.`).waitFor();
    await drawer.getByRole('button', { name: 'Arrived', pressed: true }).waitFor();
    // Arrived: no longer late, and no longer to be marked missed.
    await drawer.getByRole('button', { name: 'No-show' }).and(agent.locator('[disabled]')).waitFor();
    const after = await get<Json>(`/appointments/${late.id}`);
    expect(after).toMatchObject({ status: 'arrived', late: false });
    await agent.keyboard.press('Escape');
    await agent.getByRole('button', { name: new RegExp(`${MARC.name}.*Arrived`) }).waitFor();
  });

  test('the agent cancels an appointment from the patient panel, at the patient’s request', async () => {
    await openConversationOf(MARC.name);
    const appointments = panel().getByRole('region', { name: 'Appointments' });
    const cancel = appointments.getByRole('button', { name: /^Cancel the appointment of/ });
    // The one booked by a colleague, for the day Lucie wanted.
    await appointments.getByTestId('contact-appointment').filter({ hasText: MARTIN }).waitFor();
    await cancel.last().click();
    const dialog = agent.getByRole('dialog', { name: `Cancel the appointment of ${MARC.name}?` });
    await dialog.getByRole('radio', { name: 'The patient' }).check();
    await agent.waitForTimeout(300); // the dialog's opening transition, for the picture
    await screenshot(agent, `${engine}-agenda-07-cancel`);
    await dialog.getByRole('button', { name: 'Cancel the appointment' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await agent.getByText(`The appointment of ${MARC.name} is cancelled.`).waitFor();
    const cancelled = await get<Json>(`/appointments/${ids.marcFirst}`);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelled_by: 'patient' });
    await appointments
      .getByTestId('contact-appointment')
      .filter({ hasText: MARTIN })
      .waitFor({ state: 'detached' });
  });

  test('the agent records a consent given by phone; the panel shows the new state', async () => {
    await openConversationOf(LUCIE.name);
    const consent = panel().getByRole('region', { name: 'Consent' });
    await consent.getByTestId('consent-state').filter({ hasText: 'Not asked' }).waitFor();
    await consent.getByRole('button', { name: 'Record an answer' }).click();
    const dialog = agent.getByRole('dialog', { name: `Record an answer of ${LUCIE.name}` });
    await dialog.getByRole('button', { name: 'Record', exact: true }).click();
    await dialog.getByText('Write the words the patient agreed to or refused.').waitFor();
    await dialog.getByRole('button', { name: 'Use the usual question' }).click();
    const words = dialog.getByRole('textbox', { name: 'What exactly was asked or said' });
    await expect(words.inputValue()).resolves.toBe('Do you agree to receive reminders on WhatsApp?');
    await words.fill('Acceptez-vous de recevoir des rappels par WhatsApp ? (au téléphone)');
    await dialog.getByRole('radio', { name: 'agreed' }).check();
    await screenshot(agent, `${engine}-agenda-08-consent-dialog`);
    await dialog.getByRole('button', { name: 'Record', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await consent.getByTestId('consent-state').filter({ hasText: 'Agreed' }).waitFor();
    await consent.getByText('recorded by Admin démo').waitFor();
    await consent.getByRole('button', { name: /^History/ }).click();
    const history = consent.getByRole('list', { name: /Consent history/ });
    await history.getByText('Appointment reminders').waitFor();
    await history.evaluate((list) => list.scrollIntoView({ block: 'center' }));
    await screenshot(agent, `${engine}-agenda-09-consent-panel`);

    const consents = await get<{ current: Json[] }>(`/contacts/${ids.lucie}/consents`);
    expect(
      consents.current.find((c) => c.channel === 'whatsapp' && c.purpose === 'appointment_reminders'),
    ).toMatchObject({
      state: 'granted',
      record: {
        method: 'staff',
        text_shown: 'Acceptez-vous de recevoir des rappels par WhatsApp ? (au téléphone)',
      },
    });
  });

  test('the reminders report shows no-shows per practitioner', async () => {
    await agent.getByRole('link', { name: 'Agenda', exact: true }).click();
    await agent.getByRole('tab', { name: 'Reminders report' }).click();
    await agent.waitForURL(/\/agenda\/report/);
    await agent.getByRole('heading', { name: 'Reminders report', level: 1 }).waitFor();
    const benali = agent.getByTestId('no-show-table').getByRole('row', { name: new RegExp(BENALI) });
    // Marc came (arrived): one appointment whose time has come, no no-show.
    await benali.getByRole('cell', { name: '0%' }).first().waitFor();
    await expect(benali.getByRole('cell').nth(1).textContent()).resolves.toBe('1');
    await agent
      .getByRole('radiogroup', { name: 'Period' })
      .locator('label')
      .filter({ hasText: '7 days' })
      .click();
    const sevenDaysAgo = Temporal.Now.plainDateISO(PARIS).subtract({ days: 6 }).toString();
    await eventually(async () =>
      (await agent.getByLabel('From', { exact: true }).inputValue()) === sevenDaysAgo ? true : undefined,
    );
    await screenshot(agent, `${engine}-agenda-10-report`);
  });

  test('the agenda and the patient panel speak French', async () => {
    await agent.goto(`/agenda?view=week&date=${day}`);
    await agent
      .getByRole('radiogroup', { name: 'Language' })
      .locator('label')
      .filter({ hasText: 'FR' })
      .click();
    await agent.getByRole('tab', { name: 'Rendez-vous' }).waitFor();
    await agent.getByRole('button', { name: 'Semaine suivante' }).waitFor();
    await agent.getByRole('button', { name: new RegExp(`${LUCIE.name}, Consultation, .*Réservé`) }).waitFor();
    await screenshot(agent, `${engine}-agenda-11-french-week`);
    await agent.getByRole('tab', { name: 'Bilan des rappels' }).click();
    await agent.getByRole('heading', { name: 'Bilan des rappels', level: 1 }).waitFor();
    await agent.getByRole('columnheader', { name: 'Taux d’absence' }).waitFor();

    await openConversationOf(LUCIE.name);
    await panel()
      .getByRole('region', { name: 'Rendez-vous' })
      .getByRole('button', { name: 'Réserver' })
      .waitFor();
    await panel()
      .getByRole('region', { name: 'Consentement' })
      .getByText('Accepté', { exact: true })
      .waitFor();
    await screenshot(agent, `${engine}-agenda-12-french-panel`);
    await agent
      .getByRole('radiogroup', { name: 'Langue' })
      .locator('label')
      .filter({ hasText: 'EN' })
      .click();
    await panel().getByRole('region', { name: 'Appointments' }).waitFor();
  });

  test('nothing the page did left this machine', () => {
    expect(remoteRequestsOf(agent)).toEqual([]);
  });
});
