import type {
  Appointment,
  AuditEvent,
  Bundle,
  Communication,
  Consent,
  OperationOutcome,
  Patient,
  Slot,
} from '@medplum/fhirtypes';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations } from '../../src/db-schema.ts';
import { findFlowByKey, insertSession } from '../../src/modules/flows/flow.repository.ts';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import {
  addPatient,
  type SchedulingSetup,
  setUpSchedulingApi,
  slotsOf,
} from '../../src/modules/scheduling/scheduling.test-support.ts';
import { expectValidR4, fhirCall } from '../support/fhir-validate.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, contactOfMessage, newPhone, patientWrites } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

const WHATSAPP = 'https://careline.health/fhir/identifier/whatsapp';
const CARELINE_ID = 'https://careline.health/fhir/identifier/careline-id';
const TYPE_SYSTEM = 'https://careline.health/fhir/CodeSystem/appointment-type';
const FHIR_JSON = 'application/fhir+json';

/** A CommunicationRequest asking for a WhatsApp template in French, with its body parameters. */
function templateRequest(patientId: string, name: string, ...parameters: string[]) {
  return {
    resourceType: 'CommunicationRequest',
    status: 'active',
    subject: { reference: `Patient/${patientId}` },
    extension: [
      {
        url: 'https://careline.health/fhir/StructureDefinition/message-template',
        extension: [
          { url: 'name', valueString: name },
          { url: 'language', valueString: 'fr' },
          ...parameters.map((value) => ({ url: 'parameter', valueString: value })),
        ],
      },
    ],
  };
}

describe.each(TEST_ENGINES)('FHIR R4 API (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  let setup: SchedulingSetup;
  let phone: string;
  let patientId: string;
  const sessions = new Map<string, Record<string, string>>();

  const asKey = (key: string) => ({ authorization: `Bearer ${key}` });
  const get = (path: string, headers: Record<string, string> = asKey(clinic.apiKey)) =>
    fhirCall(env.url, path, { headers });
  const send = (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = asKey(clinic.apiKey),
  ) =>
    fhirCall(env.url, path, {
      method,
      headers: { ...headers, 'content-type': FHIR_JSON },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  function expectOutcome(
    answer: { status: number; contentType: string; resource: unknown },
    status: number,
    code: string,
  ) {
    expect(answer.status).toBe(status);
    expect(answer.contentType).toContain(FHIR_JSON);
    const outcome = answer.resource as OperationOutcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]).toMatchObject({ severity: 'error', code });
    expectValidR4(outcome);
    return outcome.issue[0];
  }

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Maison de santé des Lilas');
    other = await env.addClinic('Centre médical du Port');
    setup = await setUpSchedulingApi(env, clinic);
    phone = newPhone();
    const { wamid } = await patientWrites(env, clinic, phone, 'Bonjour, une question', 'Jeanne Moreau');
    patientId = await contactOfMessage(env, wamid);
    for (const role of ['agent', 'clinician', 'auditor'] as const) {
      const member = await addStaff(env, clinic, { name: `FHIR ${role}`, role });
      const browser = await signIn(env, member.email);
      sessions.set(role, { cookie: browser.cookie, 'x-csrf-token': browser.csrf });
    }
  });
  afterAll(async () => {
    await env?.close();
  });

  test('the CapabilityStatement is public and lists what is implemented', async () => {
    const answer = await fhirCall(env.url, '/metadata');
    expect(answer.status).toBe(200);
    expect(answer.contentType).toContain(FHIR_JSON);
    expectValidR4(answer.resource);
    const rest = (
      answer.resource as {
        rest: Array<{ resource: Array<{ type: string; interaction: Array<{ code: string }> }> }>;
      }
    ).rest[0];
    expect(rest?.resource.map((r) => r.type)).toEqual([
      'Patient',
      'Appointment',
      'Communication',
      'CommunicationRequest',
      'Practitioner',
      'Location',
      'HealthcareService',
      'Schedule',
      'Slot',
      'Consent',
      'QuestionnaireResponse',
      'MedicationRequest',
      'MedicationDispense',
      'AuditEvent',
    ]);
    expect(rest?.resource.find((r) => r.type === 'Appointment')?.interaction.map((i) => i.code)).toContain(
      'create',
    );
  });

  test('a patient who wrote on WhatsApp reads as a valid Patient, found by identifier, phone, name and id', async () => {
    const read = await get(`/Patient/${patientId}`);
    expect(read.status).toBe(200);
    expect(read.contentType).toContain(FHIR_JSON);
    expect(read.headers.get('cache-control')).toBe('no-store');
    expectValidR4(read.resource);
    const patient = read.resource as Patient;
    expect(patient.name).toEqual([{ text: 'Jeanne Moreau' }]);
    expect(patient.telecom).toEqual([{ system: 'phone', value: phone, use: 'mobile' }]);
    expect(patient.identifier).toEqual(
      expect.arrayContaining([
        { use: 'official', system: CARELINE_ID, value: patientId },
        { use: 'secondary', system: WHATSAPP, value: phone.replace('+', '') },
      ]),
    );
    for (const query of [
      `identifier=${encodeURIComponent(`${WHATSAPP}|${phone.replace('+', '')}`)}`,
      `telecom=${encodeURIComponent(phone)}`,
      'name=jeanne',
      `_id=${patientId}`,
      `identifier=${encodeURIComponent(`${CARELINE_ID}|${patientId}`)}`,
    ]) {
      const search = await get(`/Patient?${query}`);
      expect(search.status, query).toBe(200);
      expectValidR4(search.resource);
      const bundle = search.resource as Bundle<Patient>;
      expect(bundle, query).toMatchObject({ type: 'searchset', total: 1 });
      expect(bundle.entry?.[0]).toMatchObject({
        fullUrl: `${env.url}/fhir/R4/Patient/${patientId}`,
        search: { mode: 'match' },
        resource: { id: patientId },
      });
      expect(bundle.link?.[0]?.relation).toBe('self');
    }
    const nobody = await get(`/Patient?identifier=${encodeURIComponent(`${WHATSAPP}|33000000000`)}`);
    expect(nobody.resource).toMatchObject({ total: 0 });
  });

  test('another clinic’s key never sees this clinic’s patients, appointments or messages', async () => {
    const theirs = asKey(other.apiKey);
    expectOutcome(await get(`/Patient/${patientId}`, theirs), 404, 'not-found');
    expect((await get(`/Patient?telecom=${encodeURIComponent(phone)}`, theirs)).resource).toMatchObject({
      total: 0,
    });
    expect((await get('/Patient', theirs)).resource).toMatchObject({ total: 0 });
    expect((await get(`/Communication?patient=Patient/${patientId}`, theirs)).resource).toMatchObject({
      total: 0,
    });
    expect((await get(`/Appointment?patient=${patientId}`, theirs)).resource).toMatchObject({ total: 0 });
  });

  test('searches page with _count and an opaque next link until every patient was seen once', async () => {
    for (const name of ['Alice Durand', 'Bruno Petit', 'Chloé Leroy', 'Denis Roux']) {
      await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, name);
    }
    const seen: string[] = [];
    let path: string | undefined = '/Patient?_count=2';
    let total = 0;
    while (path) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expectValidR4(page.resource);
      const bundle = page.resource as Bundle<Patient>;
      total = bundle.total ?? 0;
      expect(bundle.entry?.length).toBeLessThanOrEqual(2);
      seen.push(...(bundle.entry ?? []).map((e) => e.resource?.id ?? ''));
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      path = next ? next.slice(`${env.url}/fhir/R4`.length) : undefined;
    }
    expect(total).toBe(5);
    expect(new Set(seen).size).toBe(5);
    expectOutcome(await get('/Patient?_count=101'), 400, 'invalid');
    expectOutcome(await get('/Patient?_cursor=not-ours'), 400, 'invalid');
  });

  test('a record merged into another reads as inactive, replaced by the survivor, and no search finds it', async () => {
    const survivor = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Gaston Lagaffe');
    const merged = await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, 'Gaston Lagaffe');
    const merge = await call(env, clinic, 'POST', `/contacts/${survivor}/merge`, {
      other_id: merged,
      fields: { display_name: 'survivor', phone: 'survivor' },
    });
    expect(merge.status).toBe(201);
    const read = await get(`/Patient/${merged}`);
    expectValidR4(read.resource);
    expect(read.resource).toMatchObject({
      active: false,
      link: [{ other: { reference: `Patient/${survivor}` }, type: 'replaced-by' }],
    });
    for (const query of [
      `_id=${merged}`,
      'name=lagaffe',
      `identifier=${encodeURIComponent(`${CARELINE_ID}|${merged}`)}`,
    ]) {
      const ids =
        ((await get(`/Patient?${query}`)).resource as Bundle<Patient>).entry?.map((e) => e.resource?.id) ??
        [];
      expect(ids, query).not.toContain(merged);
    }
  });

  test('an API key and an agent session read patients; an auditor is refused; nobody without credentials', async () => {
    expect((await get(`/Patient/${patientId}`, sessions.get('agent'))).status).toBe(200);
    expect((await get(`/Patient/${patientId}`)).status).toBe(200);
    const refused = expectOutcome(
      await get(`/Patient/${patientId}`, sessions.get('auditor')),
      403,
      'forbidden',
    );
    expect(refused?.diagnostics).toContain('contacts.read');
    expectOutcome(await get('/Appointment', sessions.get('auditor')), 403, 'forbidden');
    expectOutcome(
      await get(`/Communication?patient=${patientId}`, sessions.get('auditor')),
      403,
      'forbidden',
    );
    expectOutcome(await get(`/Patient/${patientId}`, {}), 401, 'login');
    expectOutcome(await get('/Patient', asKey('cl_not_a_real_key')), 401, 'login');
    // The read is in the audit log, as a REST read is.
    const audit = await signIn(env, (await addStaff(env, clinic, { name: 'Admin', role: 'admin' })).email);
    const events = await audit.call('GET', `/audit?patient=${patientId}`);
    expect(JSON.stringify(events.body)).toContain(patientId);
  });

  test('an appointment is booked through FHIR, a second booking of the slot is 409, and it can be cancelled', async () => {
    const [slot] = await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=3`);
    if (!slot) throw new Error('no slot offered');
    const appointment = {
      resourceType: 'Appointment',
      status: 'booked',
      start: slot.start,
      description: 'Contrôle tension',
      appointmentType: { coding: [{ system: TYPE_SYSTEM, code: String(setup.type.key) }] },
      participant: [
        { actor: { reference: `Patient/${patientId}` }, status: 'accepted' },
        { actor: { reference: `Practitioner/${slot.practitioner.id}` }, status: 'accepted' },
        { actor: { reference: `Location/${slot.location.id}` }, status: 'accepted' },
      ],
    };
    const created = await send('POST', '/Appointment', appointment);
    expect(created.status).toBe(201);
    expectValidR4(created.resource);
    const booked = created.resource as Appointment;
    expect(booked).toMatchObject({
      status: 'booked',
      start: new Date(slot.start).toISOString(),
      description: 'Contrôle tension',
    });
    expect(
      (await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=3`)).map((s) => s.start),
    ).not.toContain(slot.start);

    const offGrid = new Date(new Date(slot.start).getTime() + 7 * 60_000).toISOString();
    const notASlot = expectOutcome(
      await send('POST', '/Appointment', { ...appointment, start: offGrid }),
      422,
      'business-rule',
    );
    expect(notASlot?.expression).toEqual(['Appointment.start']);
    const stranger = await addPatient(env.handle.db, env.careline.keyring, other.org.id, 'Patient Ailleurs');
    const foreign = {
      ...appointment,
      participant: [{ actor: { reference: `Patient/${stranger}` } }, ...appointment.participant.slice(1)],
    };
    const notOurs = expectOutcome(await send('POST', '/Appointment', foreign), 400, 'invalid');
    expect(notOurs?.expression).toEqual(['Appointment.participant']);
    const again = await send('POST', '/Appointment', appointment);
    const conflict = expectOutcome(again, 409, 'conflict');
    expect(conflict?.expression).toEqual(['Appointment.start']);

    for (const query of [
      `patient=Patient/${patientId}`,
      `practitioner=${slot.practitioner.id}&status=booked`,
      `date=ge${slot.start.slice(0, 10)}&date=le${slot.start.slice(0, 10)}`,
    ]) {
      const search = await get(`/Appointment?${query}`);
      expect(search.status, query).toBe(200);
      expectValidR4(search.resource);
      expect(
        (search.resource as Bundle).entry?.map((e) => e.resource?.id),
        query,
      ).toContain(booked.id);
    }
    expect((await get(`/Appointment?patient=${patientId}&date=lt2000-01-01`)).resource).toMatchObject({
      total: 0,
    });

    const cancelled = await send('PUT', `/Appointment/${booked.id}`, { ...booked, status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expectValidR4(cancelled.resource);
    expect(cancelled.resource).toMatchObject({ status: 'cancelled' });
    // The time is offered again, as when the agenda cancels.
    expect(
      (await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=3`)).map((s) => s.start),
    ).toContain(slot.start);
    const agenda = await call(env, clinic, 'GET', `/appointments/${booked.id}`);
    expect(agenda.body).toMatchObject({ status: 'cancelled', cancelled_by: 'staff' });

    // A PATCH cancels too; a change to anything but cancelled is refused naming the rule.
    const rebooked = await send('POST', '/Appointment', appointment);
    expect(rebooked.status).toBe(201);
    const patched = await fhirCall(env.url, `/Appointment/${rebooked.resource.id}`, {
      method: 'PATCH',
      headers: { ...asKey(clinic.apiKey), 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'replace', path: '/status', value: 'cancelled' }]),
    });
    expect(patched.status).toBe(200);
    expect(patched.resource).toMatchObject({ status: 'cancelled' });
    const unsupported = await send('PUT', `/Appointment/${rebooked.resource.id}`, {
      resourceType: 'Appointment',
      status: 'fulfilled',
    });
    expect(expectOutcome(unsupported, 422, 'business-rule')?.expression).toEqual(['Appointment.status']);
  });

  test('a CommunicationRequest is refused without consent, then reaches the patient’s WhatsApp and reads as a Communication', async () => {
    const request = {
      resourceType: 'CommunicationRequest',
      status: 'active',
      subject: { reference: `Patient/${patientId}` },
      category: [
        {
          coding: [
            { system: 'https://careline.health/fhir/CodeSystem/message-purpose', code: 'health_information' },
          ],
        },
      ],
      payload: [{ contentString: 'Vos résultats sont disponibles au cabinet.' }],
    };
    const refused = expectOutcome(await send('POST', '/CommunicationRequest', request), 422, 'business-rule');
    expect(refused?.diagnostics).toContain('Consent');
    expect(refused?.expression).toEqual(['CommunicationRequest.category']);

    const consent = await call(env, clinic, 'POST', `/contacts/${patientId}/consents`, {
      channel: 'whatsapp',
      purpose: 'health_information',
      granted: true,
      text_shown: 'Acceptez-vous de recevoir des informations de santé sur WhatsApp ?',
    });
    expect(consent.status).toBe(201);

    const created = await send('POST', '/CommunicationRequest', request);
    expect(created.status).toBe(201);
    expectValidR4(created.resource);
    expect(created.resource).toMatchObject({
      status: 'active',
      subject: { reference: `Patient/${patientId}` },
    });
    const id = String(created.resource.id);

    const received = await eventually(async () => {
      const sim = env.simulator.simulator;
      return sim
        .sends(clinic.number.phoneNumberId)
        .map((s) => ({ to: (s.request as { to?: string }).to, text: sim.message(s.wamid ?? '')?.text }))
        .find((m) => m.to === phone.replace('+', '') && m.text === request.payload[0]?.contentString);
    }, 10_000);
    expect(received).toBeDefined();

    const communication = await eventually(async () => {
      const read = await get(`/Communication/${id}`);
      return (read.resource as Communication).status === 'completed' ? read : undefined;
    }, 10_000);
    expectValidR4(communication.resource);
    expect(communication.resource).toMatchObject({
      resourceType: 'Communication',
      basedOn: [{ reference: `CommunicationRequest/${id}` }],
      recipient: [{ reference: `Patient/${patientId}` }],
      medium: [{ coding: [{ code: 'whatsapp' }] }],
      payload: [{ contentString: request.payload[0]?.contentString }],
    });

    const search = await get(`/Communication?patient=Patient/${patientId}&_count=10`);
    expectValidR4(search.resource);
    const bundle = search.resource as Bundle<Communication>;
    // The patient's question, the booking notices of the appointments above, and this message.
    expect(bundle.total).toBeGreaterThanOrEqual(2);
    expect(bundle.entry?.map((e) => e.resource?.id)).toContain(id);
    const inbound = bundle.entry?.find(
      (e) => e.resource?.sender?.reference === `Patient/${patientId}`,
    )?.resource;
    expect(inbound).toMatchObject({
      status: 'completed',
      payload: [{ contentString: 'Bonjour, une question' }],
    });
    expect((await get(`/Communication?patient=${patientId}&status=not-done`)).resource).toMatchObject({
      total: 0,
    });
    expect((await get(`/CommunicationRequest/${id}`)).resource).toMatchObject({
      resourceType: 'CommunicationRequest',
      status: 'completed',
    });
  });

  test('the consent ledger reads as Consent; the read-audit log as AuditEvent for an auditor, never for an API key', async () => {
    await call(env, clinic, 'POST', `/contacts/${patientId}/consents`, {
      channel: 'whatsapp',
      purpose: 'marketing',
      granted: false,
      text_shown: 'STOP',
    });
    const ledger = await get(`/Consent?patient=Patient/${patientId}`);
    expect(ledger.status).toBe(200);
    expectValidR4(ledger.resource);
    const consents = (ledger.resource as Bundle<Consent>).entry?.map((e) => e.resource) ?? [];
    expect(consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          status: 'active',
          provision: expect.objectContaining({
            type: 'permit',
            purpose: [expect.objectContaining({ code: 'health_information' })],
          }),
        }),
        expect.objectContaining({
          status: 'active',
          sourceAttachment: expect.objectContaining({ title: 'STOP' }),
          provision: expect.objectContaining({
            type: 'deny',
            purpose: [expect.objectContaining({ code: 'marketing' })],
          }),
        }),
      ]),
    );
    expectOutcome(await get(`/Consent?patient=${patientId}`, sessions.get('auditor')), 403, 'forbidden');
    expect((await get(`/Consent?patient=${patientId}`, asKey(other.apiKey))).resource).toMatchObject({
      total: 0,
    });

    const forKey = expectOutcome(await get(`/AuditEvent?patient=${patientId}`), 403, 'forbidden');
    expect(forKey?.diagnostics).toContain('audit.read');
    const audit = await get(`/AuditEvent?patient=Patient/${patientId}&_count=5`, sessions.get('auditor'));
    expect(audit.status).toBe(200);
    expectValidR4(audit.resource);
    const events = audit.resource as Bundle<AuditEvent>;
    expect(events.total).toBeGreaterThan(3);
    expect(events.entry?.[0]?.resource?.entity?.map((e) => e.what?.reference)).toContain(
      `Consent/${consents[0]?.id}`,
    );
  });

  test('intake answers read as QuestionnaireResponse for medical.read only (API key, clinician), never for an agent', async () => {
    await installBuiltInFlows(env.handle.db, clinic.org.id);
    const flow = await findFlowByKey(env.handle.db, clinic.org.id, 'symptom_intake');
    const [conversation] = await env.handle.db
      .select()
      .from(conversations)
      .where(eq(conversations.contactId, patientId));
    if (!flow || !conversation) throw new Error('no intake flow or conversation');
    const at = new Date().toISOString();
    const session = await insertSession(env.handle.db, env.careline.keyring, {
      orgId: clinic.org.id,
      flowId: flow.id,
      flowVersion: flow.currentVersion,
      conversationId: conversation.id,
      contactId: patientId,
      status: 'handed_off',
      trigger: 'keyword',
      expiresAt: new Date(Date.now() + 3_600_000),
      state: {
        id: 'intake-1',
        flowKey: 'symptom_intake',
        flowVersion: flow.currentVersion,
        status: 'handed_off',
        stepId: 'done',
        attempts: 0,
        visits: 5,
        answers: { complaint: 'mal de gorge', severity: 4, age: 34 },
        vars: {},
        history: [],
        language: 'fr',
        startedAt: at,
        updatedAt: at,
      },
    });
    for (const headers of [asKey(clinic.apiKey), sessions.get('clinician')]) {
      const answers = await get(`/QuestionnaireResponse?patient=Patient/${patientId}`, headers);
      expect(answers.status).toBe(200);
      expectValidR4(answers.resource);
      expect(answers.resource).toMatchObject({
        total: 1,
        entry: [
          {
            resource: {
              id: session.id,
              status: 'completed',
              questionnaire: 'https://careline.health/fhir/Questionnaire/symptom_intake',
              item: expect.arrayContaining([
                { linkId: 'complaint', text: 'complaint', answer: [{ valueString: 'mal de gorge' }] },
                { linkId: 'severity', text: 'severity', answer: [{ valueInteger: 4 }] },
              ]),
            },
          },
        ],
      });
    }
    const agent = expectOutcome(
      await get(`/QuestionnaireResponse?patient=${patientId}`, sessions.get('agent')),
      403,
      'forbidden',
    );
    expect(agent?.diagnostics).toContain('medical.read');
    expect(
      (await get(`/QuestionnaireResponse?patient=${patientId}`, asKey(other.apiKey))).resource,
    ).toMatchObject({ total: 0 });
  });

  test('practitioners, places, appointment types, schedules and free slots read as valid R4, slots as /slots offers them', async () => {
    const practitionerId = String(setup.practitioners[0]?.id);
    const scheduleId = String(setup.schedules[0]?.id);
    const typeKey = String(setup.type.key);
    for (const [path, id] of [
      [`/Practitioner/${practitionerId}`, practitionerId],
      [`/Location/${String(setup.location.id)}`, setup.location.id],
      [`/HealthcareService/${String(setup.type.id)}`, setup.type.id],
      [`/Schedule/${scheduleId}`, scheduleId],
    ] as const) {
      const read = await get(path);
      expect(read.status, path).toBe(200);
      expectValidR4(read.resource);
      expect(read.resource.id).toBe(id);
    }
    const practitioners = await get('/Practitioner?name=martin&_format=json&_count=5');
    expectValidR4(practitioners.resource);
    expect(practitioners.resource).toMatchObject({
      total: 1,
      entry: [{ resource: { name: [{ text: 'Dr Émilie Martin' }] } }],
    });
    const schedules = await get(`/Schedule?actor=Practitioner/${practitionerId}&service-type=${typeKey}`);
    expect(schedules.resource).toMatchObject({ total: 1 });

    const expected = await slotsOf(env, clinic, `type=${typeKey}&limit=5`);
    const slots = await get(`/Slot?schedule=Schedule/${scheduleId}&service-type=${typeKey}&_count=5`);
    expect(slots.status).toBe(200);
    expectValidR4(slots.resource);
    const bundle = slots.resource as Bundle<Slot>;
    expect(bundle.entry?.map((e) => e.resource?.start)).toEqual(expected.map((s) => s.start));
    expect(bundle.entry?.[0]?.resource).toMatchObject({
      status: 'free',
      schedule: { reference: `Schedule/${scheduleId}` },
    });
    const later = expected[2]?.start ?? '';
    const fromLater = await get(
      `/Slot?schedule=${scheduleId}&service-type=${typeKey}&start=ge${encodeURIComponent(later)}&_count=1`,
    );
    expect((fromLater.resource as Bundle<Slot>).entry?.[0]?.resource?.start).toBe(later);
    expectOutcome(await get('/Slot?service-type=x'), 400, 'invalid');
    // Another clinic's key sees none of it.
    expectOutcome(await get(`/Practitioner/${practitionerId}`, asKey(other.apiKey)), 404, 'not-found');
    expect((await get(`/Slot?schedule=${scheduleId}`, asKey(other.apiKey))).resource).toMatchObject({
      total: 0,
    });
  });

  test('a CommunicationRequest outside WhatsApp’s 24-hour window is refused naming the window, and stored as refused; an approved template goes', async () => {
    const quiet = newPhone();
    const { wamid } = await patientWrites(env, clinic, quiet, 'Bonjour', 'Paul Verlaine');
    const quietId = await contactOfMessage(env, wamid);
    await call(env, clinic, 'POST', `/contacts/${quietId}/consents`, {
      channel: 'whatsapp',
      purpose: 'health_information',
      granted: true,
      text_shown: 'Acceptez-vous de recevoir des informations de santé sur WhatsApp ?',
    });
    await env.handle.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(conversations.contactId, quietId));
    const refused = expectOutcome(
      await send('POST', '/CommunicationRequest', {
        resourceType: 'CommunicationRequest',
        status: 'active',
        subject: { reference: `Patient/${quietId}` },
        payload: [{ contentString: 'Votre ordonnance est prête.' }],
      }),
      422,
      'business-rule',
    );
    expect(refused?.diagnostics).toContain('window');
    const search = await get(`/Communication?patient=${quietId}&status=not-done`);
    // (The built-in FAQ flow, installed above, may have answered the patient's hello: only ours is checked.)
    const stored = (search.resource as Bundle<Communication>).entry?.find(
      (e) => e.resource?.payload?.[0]?.contentString === 'Votre ordonnance est prête.',
    )?.resource;
    expect(stored?.statusReason?.text).toContain('24-hour window');
    // A template that is not approved is refused too, naming the template.
    const template = expectOutcome(
      await send('POST', '/CommunicationRequest', templateRequest(quietId, 'never_approved')),
      422,
      'business-rule',
    );
    expect(template?.diagnostics).toContain('Template');

    // An approved template still goes after the window, to the patient's WhatsApp.
    env.simulator.simulator.upsertTemplate({
      wabaId: clinic.number.wabaId,
      name: 'resultats_disponibles',
      language: 'fr',
      category: 'UTILITY',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Bonjour, {{1}} : vos résultats sont disponibles.' }],
    });
    expect((await call(env, clinic, 'POST', '/templates/sync')).status).toBe(202);
    await env.settle();
    const approved = await send(
      'POST',
      '/CommunicationRequest',
      templateRequest(quietId, 'resultats_disponibles', 'Paul'),
    );
    expect(approved.status).toBe(201);
    expectValidR4(approved.resource);
    const sent = await eventually(async () =>
      env.simulator.simulator
        .sends(clinic.number.phoneNumberId)
        .map((s) => s.request as { to?: string; type?: string; template?: { name?: string } })
        .find((r) => r.to === quiet.replace('+', '') && r.template?.name === 'resultats_disponibles'),
    );
    expect(sent?.type).toBe('template');
  });

  test('hostile input gets a 4xx OperationOutcome naming the field, never a 5xx', async () => {
    expectOutcome(await get('/Patient?name=a%00b'), 400, 'invalid');
    expectOutcome(await get(`/Patient?name=${'x'.repeat(5000)}`), 400, 'invalid');
    const unknown = expectOutcome(await get('/Patient?birthdate=2000-01-01'), 400, 'not-supported');
    expect(unknown?.expression).toEqual(['Patient?birthdate']);
    expectOutcome(await get('/Appointment?date=yesterday'), 400, 'invalid');
    expect((await get(`/Patient?_id=${patientId}&_format=json`)).resource).toMatchObject({ total: 1 });
    expectOutcome(await get('/Patient?_format=xml'), 406, 'not-supported');
    expectOutcome(await get('/Appointment?date=2027-02-30'), 400, 'invalid');
    expectOutcome(await get('/Appointment?patient=Practitioner/1'), 400, 'invalid');
    expectOutcome(await get('/Communication'), 400, 'invalid');
    expectOutcome(await get('/Patient/not-a-uuid'), 404, 'not-found');
    expectOutcome(await get('/Observation'), 404, 'not-supported');
    expectOutcome(await send('POST', '/Appointment', '{"resourceType": "Appointment",'), 400, 'invalid');
    const wrongType = expectOutcome(
      await send('POST', '/Appointment', { resourceType: 'Patient' }),
      400,
      'invalid',
    );
    expect(wrongType?.expression).toEqual(['Appointment.resourceType']);
    const huge = expectOutcome(
      await send('POST', '/CommunicationRequest', {
        resourceType: 'CommunicationRequest',
        status: 'active',
        subject: { reference: `Patient/${patientId}` },
        payload: [{ contentString: 'x'.repeat(100_000) }],
      }),
      400,
      'invalid',
    );
    expect(huge?.expression).toEqual(['CommunicationRequest.payload[0].contentString']);
    expectOutcome(
      await send('POST', '/CommunicationRequest', {
        resourceType: 'CommunicationRequest',
        status: 'active',
        subject: { reference: 'Patient/\u0000' },
      }),
      400,
      'invalid',
    );
    expectOutcome(await send('POST', '/Appointment', [1, 2, 3]), 400, 'invalid');
    expectOutcome(
      await fhirCall(env.url, '/Appointment', {
        method: 'POST',
        headers: { ...asKey(clinic.apiKey), 'content-type': 'text/plain' },
        body: 'hi',
      }),
      415,
      'not-supported',
    );
  });
});
