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
  type Sent = { wamid: string; request: Json };

  function received(phone: string): Sent[] {
    return env.simulator.simulator
      .sends(clinic.number.phoneNumberId)
      .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''))
      .map((s) => ({ wamid: s.wamid ?? '', request: s.request as Json }));
  }

  /** The choices an interactive message offers: a list's rows or reply buttons. */
  function choicesOf(message: Sent): Array<{ id: string; title: string }> {
    const interactive = message.request.interactive as
      | {
          action?: {
            sections?: Array<{ rows: Array<{ id: string; title: string }> }>;
            buttons?: Array<{ reply: { id: string; title: string } }>;
          };
        }
      | undefined;
    return [
      ...(interactive?.action?.sections ?? []).flatMap((s) => s.rows),
      ...(interactive?.action?.buttons ?? []).map((b) => b.reply),
    ];
  }

  function textOf(message: Sent): string {
    return env.simulator.simulator.message(message.wamid)?.text ?? '';
  }

  /**
   * The patient writes, then waits for the clinic's message that answers this step (an answer may come in
   * several messages: waiting for the one that moves the conversation on keeps the next step in order).
   */
  async function dialogue(phone: string, text: string, answers: (message: Sent) => boolean): Promise<Sent> {
    const count = received(phone).length;
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      text,
      name: 'Chloé Martin',
    });
    expect(sent.httpStatus).toBe(200);
    return eventually(async () => received(phone).slice(count).find(answers), 15_000);
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
    await dialogue(phone, 'Bonjour, je voudrais prendre rendez-vous', (m) => /motif/.test(textOf(m)));
    await dialogue(phone, 'Renouvellement d’ordonnance', (m) =>
      choicesOf(m).some((c) => c.title === 'Peu importe'),
    );
    await dialogue(phone, 'peu importe', (m) => /Quand souhaitez-vous venir/.test(textOf(m)));
    const slots = await dialogue(phone, 'dès que possible', (m) =>
      choicesOf(m).some((c) => c.id.includes('|')),
    );
    const offered = choicesOf(slots).filter((row) => row.id.includes('|'));
    const first = offered[0];
    if (!first) throw new Error('no slot offered');
    const picked = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      type: (slots.request.interactive as { type?: string }).type === 'list' ? 'list_reply' : 'button_reply',
      replyTo: slots.wamid,
      id: first.id,
      title: first.title,
    });
    expect(picked.httpStatus).toBe(200);

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
    // The conversation that led to the booking is filed beside it, the patient's words as they wrote them
    // (one job per message, in no set order: wait for each of them).
    const patientWords = ['Bonjour, je voudrais prendre rendez-vous', 'Renouvellement d’ordonnance'];
    const filed = await eventually(async () => {
      const found = (await ehr.repo.searchResources<Communication>({ resourceType: 'Communication' })).filter(
        (c) => c.subject?.reference === patientReference,
      );
      const texts = found.map((c) => c.payload?.[0]?.contentString);
      return patientWords.every((words) => texts.includes(words)) ? found : undefined;
    }, 15_000);
    for (const words of patientWords)
      expect(filed.find((c) => c.payload?.[0]?.contentString === words)).toMatchObject({
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
