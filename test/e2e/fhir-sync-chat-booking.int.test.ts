import type { Appointment, Communication, Patient } from '@medplum/fhirtypes';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appointments } from '../../src/db-schema.ts';
import { startTestFhirServer, type TestFhirServer } from '../support/fhir-server.ts';
import { eventually, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { startChatClinic } from './chat-clinic-support.ts';
import { call, type Json, newPhone } from './inbox-support.ts';

/**
 * The proof: a patient books by chat on the simulated phone, and the clinic's EHR (Medplum's
 * FHIR router, started here) gets the appointment, with a Patient that names Careline's record; when the
 * patient cancels in the agenda, the EHR's appointment is cancelled too.
 */
describe.each(TEST_ENGINES)('a booking by chat reaches the clinic’s EHR (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let ehr: TestFhirServer;

  function received(phone: string): Array<{ wamid: string; request: Json }> {
    return env.simulator.simulator
      .sends(clinic.number.phoneNumberId)
      .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''))
      .map((s) => ({ wamid: s.wamid ?? '', request: s.request as Json }));
  }

  async function dialogue(phone: string, text: string): Promise<{ wamid: string; request: Json }> {
    const count = received(phone).length;
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      text,
      name: 'Chloé Martin',
    });
    expect(sent.httpStatus).toBe(200);
    return eventually(async () => received(phone)[count], 10_000);
  }

  beforeAll(async () => {
    ehr = await startTestFhirServer({ kind: 'bearer', token: 'parc-ehr-token' });
    ({ env, clinic } = await startChatClinic(engine, 'Clinique du Parc', {
      outboundAllowedHosts: ['127.0.0.1'],
    }));
    const saved = await call(env, clinic, 'PUT', '/fhir-sync/connection', {
      base_url: ehr.baseUrl,
      auth_kind: 'bearer',
      bearer_token: 'parc-ehr-token',
      enabled: true,
      import_interval_minutes: 60,
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await env?.close();
    await ehr?.close();
  });

  test('the appointment booked by chat is written to the EHR, then its cancellation', async () => {
    const phone = newPhone();
    await dialogue(phone, 'Bonjour, je voudrais prendre rendez-vous');
    await dialogue(phone, 'Renouvellement d’ordonnance');
    await dialogue(phone, 'peu importe');
    const slots = await dialogue(phone, 'dès que possible');
    const interactive = slots.request.interactive as {
      type: string;
      action: {
        sections?: Array<{ rows: Array<{ id: string; title: string }> }>;
        buttons?: Array<{ reply: { id: string; title: string } }>;
      };
    };
    const offered = [
      ...(interactive.action.sections ?? []).flatMap((s) => s.rows),
      ...(interactive.action.buttons ?? []).map((b) => b.reply),
    ].filter((row) => row.id.includes('|'));
    const first = offered[0];
    if (!first) throw new Error('no slot offered');
    const count = received(phone).length;
    const picked = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      type: interactive.type === 'list' ? 'list_reply' : 'button_reply',
      replyTo: slots.wamid,
      id: first.id,
      title: first.title,
    });
    expect(picked.httpStatus).toBe(200);
    await eventually(async () => received(phone)[count], 10_000);

    const booked = await eventually(async () => {
      const rows = await env.handle.db
        .select()
        .from(appointments)
        .where(eq(appointments.orgId, clinic.org.id));
      return rows.length === 1 ? rows[0] : undefined;
    }, 15_000);
    expect(booked).toMatchObject({ status: 'booked', source: 'chat' });

    const written = await eventually(async () => {
      const found = await ehr.repo.searchResources<Appointment>({ resourceType: 'Appointment' });
      return found.length === 1 ? found[0] : undefined;
    }, 15_000);
    expect(written).toMatchObject({ status: 'booked', start: booked.start.toISOString() });
    const patientReference = written.participant
      .map((p) => p.actor?.reference ?? '')
      .find((r) => r.startsWith('Patient/'));
    const patient = await ehr.repo.readResource<Patient>('Patient', String(patientReference?.slice(8)));
    // The EHR's new patient names Careline's record and carries the number the patient wrote from.
    expect(patient.identifier).toContainEqual({
      system: 'https://careline.health/fhir/identifier/careline-id',
      value: booked.contactId,
    });
    expect(patient.telecom).toContainEqual(expect.objectContaining({ system: 'phone', value: phone }));
    // The conversation that led to the booking is filed beside it, the patient's words as they wrote them.
    const filed = await eventually(async () => {
      const found = (await ehr.repo.searchResources<Communication>({ resourceType: 'Communication' })).filter(
        (c) => c.subject?.reference === patientReference,
      );
      return found.some((c) => c.payload?.[0]?.contentString === 'Renouvellement d’ordonnance')
        ? found
        : undefined;
    }, 15_000);
    expect(
      filed.find((c) => c.payload?.[0]?.contentString === 'Bonjour, je voudrais prendre rendez-vous'),
    ).toMatchObject({
      sender: { reference: patientReference },
    });

    const cancelled = await call(env, clinic, 'POST', `/appointments/${booked.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    await eventually(async () => {
      const read = await ehr.repo.readResource<Appointment>('Appointment', String(written.id));
      return read.status === 'cancelled' ? read : undefined;
    }, 15_000);
    // Still one appointment in the EHR: the cancellation updated it.
    expect(await ehr.repo.searchResources({ resourceType: 'Appointment' })).toHaveLength(1);
  });
});
