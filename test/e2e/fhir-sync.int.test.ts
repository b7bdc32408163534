import type { Appointment, Communication, Patient } from '@medplum/fhirtypes';
import { and, eq } from 'drizzle-orm';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appointments, contacts } from '../../src/db-schema.ts';
import { insertContact } from '../../src/modules/contacts/contact.service.ts';
import {
  type SchedulingSetup,
  type SlotJson,
  setUpSchedulingApi,
  slotsOf,
} from '../../src/modules/scheduling/scheduling.test-support.ts';
import { seedFhir, startTestFhirServer, type TestFhirServer } from '../support/fhir-server.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, type Json, patientWrites } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

interface LogEntry {
  run_id: string | null;
  direction: string;
  resource_type: string;
  local_id: string | null;
  remote_id: string | null;
  outcome: string;
  http_status: number | null;
  message: string | null;
}

const CLIENT_ID = 'careline-clinique-des-lilas';

/**
 * Sync with a clinic's EHR (issue 17) against a real FHIR server: Medplum's FHIR router over its
 * in-memory repository, guarded by a SMART Backend Services token endpoint that verifies Careline's
 * private_key_jwt assertion against the public key the administrator registered.
 */
describe.each(TEST_ENGINES)('sync with a clinic’s EHR over FHIR (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let setup: SchedulingSetup;
  let ehr: TestFhirServer;
  let slots: SlotJson[];
  let remote: { practitioner: string; jeanne: string; paul: string; lucie: string; appointment: string };
  let paulId: string;
  let lucieIds: string[];

  async function log(c: TestClinic = clinic): Promise<LogEntry[]> {
    const response = await call(env, c, 'GET', '/fhir-sync/log?limit=200');
    expect(response.status).toBe(200);
    return response.body.data as unknown as LogEntry[];
  }

  async function runOf(runId: string, c: TestClinic = clinic): Promise<LogEntry[]> {
    return eventually(async () => {
      const entries = (await log(c)).filter((e) => e.run_id === runId);
      return entries.some((e) => e.resource_type === 'Appointment' || e.outcome === 'failed')
        ? entries
        : undefined;
    }, 15_000);
  }

  async function importNow(c: TestClinic = clinic): Promise<LogEntry[]> {
    const started = await call(env, c, 'POST', '/fhir-sync/runs');
    expect(started.status).toBe(202);
    return runOf(String(started.body.run_id), c);
  }

  async function bookForPaul(slot: SlotJson) {
    return call(env, clinic, 'POST', '/appointments', {
      contact_id: paulId,
      practitioner_id: slot.practitioner.id,
      location_id: slot.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
    });
  }

  async function patientsWithPhone(phone: string): Promise<Json[]> {
    const response = await call(env, clinic, 'GET', `/contacts?phone=${encodeURIComponent(phone)}`);
    expect(response.status).toBe(200);
    return response.body.data as Json[];
  }

  beforeAll(async () => {
    ehr = await startTestFhirServer({ kind: 'smart', clientId: CLIENT_ID });
    env = await startTestCareline(engine, { outboundAllowedHosts: ['127.0.0.1'] });
    clinic = await env.addClinic('Clinique des Lilas');
    setup = await setUpSchedulingApi(env, clinic);
    slots = await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=10`);
    const { db } = env.handle;
    const { keyring } = env.careline;
    paulId = (
      await insertContact(db, keyring, {
        orgId: clinic.org.id,
        displayName: 'Paul B.',
        phone: '+33612340002',
      })
    ).id;
    lucieIds = [
      (
        await insertContact(db, keyring, {
          orgId: clinic.org.id,
          displayName: 'Lucie',
          phone: '+33612340003',
        })
      ).id,
      (
        await insertContact(db, keyring, {
          orgId: clinic.org.id,
          displayName: 'L. Moreau',
          phone: '+33612340003',
        })
      ).id,
    ];
    const practitioner = await seedFhir(ehr, {
      resourceType: 'Practitioner',
      name: [{ prefix: ['Dr'], given: ['Émilie'], family: 'Martin' }],
    });
    const patient = (name: string, phone: string) =>
      seedFhir(ehr, {
        resourceType: 'Patient',
        name: [{ given: [name.split(' ')[0] ?? ''], family: name.split(' ')[1] ?? '' }],
        telecom: [{ system: 'phone', value: phone }],
      });
    const jeanne = await patient('Jeanne Dupont', '+33 6 12 34 00 01');
    const paul = await patient('Paul Bernard', '+33 6 12 34 00 02');
    const lucie = await patient('Lucie Moreau', '0033612340003');
    const [first] = slots;
    if (!first) throw new Error('no slot offered');
    const appointment = await seedFhir(ehr, {
      resourceType: 'Appointment',
      status: 'booked',
      start: first.start,
      end: first.end,
      participant: [
        { actor: { reference: `Patient/${jeanne.id}` }, status: 'accepted' },
        { actor: { reference: `Practitioner/${practitioner.id}` }, status: 'accepted' },
      ],
    });
    remote = {
      practitioner: String(practitioner.id),
      jeanne: String(jeanne.id),
      paul: String(paul.id),
      lucie: String(lucie.id),
      appointment: String(appointment.id),
    };
  });
  afterAll(async () => {
    await env?.close();
    await ehr?.close();
  });

  test('the administrator sets SMART Backend Services up and gets the public key to register in the EHR', async () => {
    const saved = await call(env, clinic, 'PUT', '/fhir-sync/connection', {
      base_url: ehr.baseUrl,
      auth_kind: 'smart',
      client_id: CLIENT_ID,
      enabled: false,
      import_interval_minutes: 60,
    });
    expect(saved.status).toBe(200);
    const keys = (saved.body.jwks as { keys: JWK[] }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-384', alg: 'ES384', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
    expect(JSON.stringify(saved.body)).not.toContain('"d"');

    // Before the EHR knows the key, its token endpoint refuses Careline: the log says so.
    const refused = await importNow();
    expect(refused).toContainEqual(expect.objectContaining({ outcome: 'failed', http_status: 400 }));
    expect(ehr.tokenRequests.at(-1)).toMatchObject({ granted: false });

    ehr.registerPublicKey(keys[0] as JWK);
    const enabled = await call(env, clinic, 'PUT', '/fhir-sync/connection', {
      base_url: ehr.baseUrl,
      auth_kind: 'smart',
      client_id: CLIENT_ID,
      enabled: true,
      import_interval_minutes: 60,
    });
    expect(enabled.status).toBe(200);
    expect((enabled.body.jwks as { keys: JWK[] }).keys).toEqual(keys);
  });

  test('an import brings the EHR’s patient and appointment in, links by phone, and guesses nothing', async () => {
    await importNow();
    expect(ehr.tokenRequests.some((t) => t.granted)).toBe(true);
    // Saving the connection enabled started the schedule: its first run may have come first.
    const entries = await log();
    const outcomeOf = (remoteId: string) =>
      entries.filter((e) => e.remote_id === remoteId).find((e) => e.outcome !== 'unchanged');

    // The practitioner already in Careline (same name) is linked, not created again.
    expect(outcomeOf(remote.practitioner)).toMatchObject({
      outcome: 'linked',
      local_id: setup.practitioners[0]?.id,
    });
    const [jeanne, ...others] = await patientsWithPhone('+33612340001');
    expect(others).toHaveLength(0);
    expect(jeanne).toMatchObject({ display_name: 'Jeanne Dupont' });
    const booked = await env.handle.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.orgId, clinic.org.id), eq(appointments.contactId, String(jeanne?.id))));
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({
      status: 'booked',
      practitionerId: setup.practitioners[0]?.id,
      start: new Date(slots[0]?.start ?? ''),
    });

    // Paul is already a Careline patient with this number: linked, not duplicated.
    expect(outcomeOf(remote.paul)).toMatchObject({ outcome: 'linked', local_id: paulId });
    expect((await patientsWithPhone('+33612340002')).map((p) => p.id)).toEqual([paulId]);

    // Lucie's number is on two Careline records: nothing linked, nothing created; the pair is suggested.
    expect(outcomeOf(remote.lucie)).toMatchObject({ outcome: 'ambiguous', local_id: null });
    expect(outcomeOf(remote.lucie)?.message).toContain('Merge them');
    expect(await patientsWithPhone('+33612340003')).toHaveLength(2);
    const duplicates = await call(env, clinic, 'GET', '/contacts/duplicates');
    const pairs = (duplicates.body.data as Json[]).map((d) =>
      ((d.contacts as Json[]) ?? []).map((c) => String(c.id)).sort(),
    );
    expect(pairs).toContainEqual([...lucieIds].sort());

    // The log holds no patient data: no name, no number.
    const text = JSON.stringify(await log());
    for (const secret of ['Jeanne', 'Dupont', 'Bernard', 'Moreau', '+3361234'])
      expect(text).not.toContain(secret);

    // Again: the same records, updated in place; nothing new.
    const again = await importNow();
    expect(again.filter((e) => e.remote_id === remote.jeanne || e.remote_id === remote.appointment)).toEqual([
      expect.objectContaining({ outcome: 'unchanged' }),
      expect.objectContaining({ outcome: 'unchanged' }),
    ]);
    expect(await patientsWithPhone('+33612340001')).toHaveLength(1);
    const bookedAgain = await env.handle.db
      .select()
      .from(appointments)
      .where(eq(appointments.contactId, String(jeanne?.id)));
    expect(bookedAgain).toHaveLength(1);
    // Importing did not echo the appointment back as a new one in the EHR.
    expect((await ehr.repo.searchResources({ resourceType: 'Appointment' })).length).toBe(1);
  });

  test('a conversation’s messages are filed in the EHR as Communications about the patient', async () => {
    const first = await patientWrites(env, clinic, '+33612340009', 'Bonjour', 'Hugo');
    const hugoId = String((first.conversation.contact as Json).id);
    const hugo = await seedFhir(ehr, {
      resourceType: 'Patient',
      name: [{ text: 'Hugo Lefèvre' }],
      telecom: [{ system: 'phone', value: '+33 6 12 34 00 09' }],
    });
    await importNow();
    expect((await log()).find((e) => e.remote_id === hugo.id && e.outcome !== 'unchanged')).toMatchObject({
      outcome: 'linked',
      local_id: hugoId,
    });

    await patientWrites(env, clinic, '+33612340009', 'Je serai en retard de dix minutes', 'Hugo');
    const reply = await call(
      env,
      clinic,
      'POST',
      `/conversations/${String(first.conversation.id)}/messages`,
      {
        type: 'text',
        text: 'Merci, c’est noté',
      },
    );
    expect(reply.status).toBeLessThan(300);
    const filed = await eventually(async () => {
      const found = (await ehr.repo.searchResources<Communication>({ resourceType: 'Communication' })).filter(
        (c) => c.subject?.reference === `Patient/${hugo.id}`,
      );
      // One job per message, in no set order: wait for all three.
      const texts = found.map((c) => c.payload?.[0]?.contentString);
      return ['Bonjour', 'Je serai en retard de dix minutes', 'Merci, c’est noté'].every((t) =>
        texts.includes(t),
      )
        ? found
        : undefined;
    }, 15_000);
    const texts = filed.map((c) => c.payload?.[0]?.contentString);
    // What Hugo wrote before the EHR knew him is filed once he is linked: the whole conversation is there.
    expect(texts).toContain('Bonjour');
    expect(texts).toContain('Je serai en retard de dix minutes');
    expect(texts).toContain('Merci, c’est noté');
    expect(filed.find((c) => c.payload?.[0]?.contentString === 'Merci, c’est noté')).toMatchObject({
      status: 'completed',
      recipient: [{ reference: `Patient/${hugo.id}` }],
    });
    expect(filed.find((c) => c.payload?.[0]?.contentString === 'Bonjour')).toMatchObject({
      sender: { reference: `Patient/${hugo.id}` },
    });
    // Each message once: the message's own job and the one queued at the link do not both file it.
    expect(new Set(texts).size).toBe(texts.length);
  });

  test('a flow step looks the patient up in the EHR: next appointment and GP, kept in contact fields', async () => {
    const [hugo] = await ehr.repo
      .searchResources<Patient>({ resourceType: 'Patient', filters: [] })
      .then((all) => all.filter((p) => p.name?.[0]?.text === 'Hugo Lefèvre'));
    if (!hugo) throw new Error('Hugo is not in the EHR');
    await ehr.repo.updateResource<Patient>({
      ...hugo,
      generalPractitioner: [{ reference: `Practitioner/${remote.practitioner}` }],
    });
    const later = '2031-03-04T09:30:00.000Z';
    for (const start of [later, '2031-02-01T08:00:00.000Z']) {
      await seedFhir(ehr, {
        resourceType: 'Appointment',
        status: start === later ? 'booked' : 'cancelled',
        start,
        end: new Date(new Date(start).getTime() + 30 * 60_000).toISOString(),
        participant: [{ actor: { reference: `Patient/${hugo.id}` }, status: 'accepted' }],
      });
    }
    const created = await call(env, clinic, 'POST', '/flows', {
      key: 'dossier',
      definition: {
        key: 'dossier',
        version: 1,
        name: { fr: 'Mon dossier', en: 'My record' },
        start: 'lookup',
        steps: {
          lookup: {
            type: 'request',
            operation: 'ehr_lookup',
            params: {},
            saveAs: 'ehr',
            next: 'tell',
            failure: 'sorry',
          },
          tell: {
            type: 'send',
            message: {
              type: 'text',
              text: { fr: 'Médecin traitant : {{vars.ehr.gp}}', en: 'GP: {{vars.ehr.gp}}' },
            },
          },
          sorry: {
            type: 'send',
            message: { type: 'text', text: { fr: 'Dossier introuvable', en: 'No record' } },
          },
        },
      },
      triggers: [{ kind: 'keyword', match: 'exact', words: { fr: ['dossier'], en: ['record'] } }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { conversation } = await patientWrites(env, clinic, '+33612340009', 'dossier', 'Hugo');
    const contactId = String((conversation.contact as Json).id);
    const fields = await eventually(async () => {
      const contact = await call(env, clinic, 'GET', `/contacts/${contactId}`);
      const custom = contact.body.custom_fields as Record<string, string>;
      return custom.ehr_gp ? custom : undefined;
    }, 15_000);
    expect(fields).toMatchObject({ ehr_gp: 'Dr Émilie Martin', ehr_next_appointment: later });
    await eventually(async () => {
      const sent = env.simulator.simulator
        .sends(clinic.number.phoneNumberId)
        .map((s) => env.simulator.simulator.message(s.wamid ?? '')?.text ?? '');
      return sent.some((text) => text.includes('Dr Émilie Martin')) ? true : undefined;
    }, 15_000);
  });

  test('a booking through the appointments API is written to the EHR, and its cancellation too', async () => {
    const slot = slots[3];
    if (!slot) throw new Error('no slot');
    const booked = await bookForPaul(slot);
    expect(booked.status).toBe(201);
    const written = await eventually(async () => {
      const found = await ehr.repo.searchResources<Appointment>({ resourceType: 'Appointment' });
      return found.find((a) => a.participant.some((p) => p.actor?.reference === `Patient/${remote.paul}`));
    }, 15_000);
    expect(written).toMatchObject({
      status: 'booked',
      start: new Date(slot.start).toISOString(),
      participant: expect.arrayContaining([
        expect.objectContaining({ actor: { reference: `Patient/${remote.paul}` } }),
        expect.objectContaining({ actor: { reference: `Practitioner/${remote.practitioner}` } }),
      ]),
    });

    expect(
      (await call(env, clinic, 'POST', `/appointments/${String(booked.body.id)}/cancel`, {})).status,
    ).toBe(200);
    await eventually(async () => {
      const read = await ehr.repo.readResource<Appointment>('Appointment', String(written.id));
      return read.status === 'cancelled' ? read : undefined;
    }, 15_000);
    const writes = await eventually(async () => {
      const mine = (await log()).filter((e) => e.direction === 'write_back' && e.local_id === booked.body.id);
      return mine.length === 2 ? mine : undefined;
    });
    expect(writes).toEqual([
      expect.objectContaining({ outcome: 'updated', http_status: 200 }),
      expect.objectContaining({ outcome: 'created', http_status: 201 }),
    ]);
  });

  test('a 500 from the EHR is logged and the write-back is tried again later', async () => {
    const slot = slots[5];
    if (!slot) throw new Error('no slot');
    ehr.failNext('POST', 1);
    const booked = await bookForPaul(slot);
    expect(booked.status).toBe(201);
    const entries = await eventually(async () => {
      const mine = (await log()).filter((e) => e.local_id === booked.body.id);
      return mine.some((e) => e.outcome === 'created') ? mine : undefined;
    }, 20_000);
    expect(entries.map((e) => [e.outcome, e.http_status])).toEqual([
      ['created', 201],
      ['retrying', 500],
    ]);
    expect(entries[1]?.message).toContain('answered 500');
    const created = await ehr.repo.readResource('Appointment', String(entries[0]?.remote_id));
    expect(created).toMatchObject({ status: 'booked', start: new Date(slot.start).toISOString() });
  });

  test('the EHR patient carrying Careline’s id is that patient, whatever its number; a merge moves the link to the survivor', async () => {
    const { db } = env.handle;
    const { keyring } = env.careline;
    const orgId = clinic.org.id;
    const ines = (await insertContact(db, keyring, { orgId, displayName: 'Inès', phone: '+33612340020' })).id;
    const survivor = (
      await insertContact(db, keyring, { orgId, displayName: 'Inès Dubois', phone: '+33612340021' })
    ).id;
    const remoteInes = await seedFhir(ehr, {
      resourceType: 'Patient',
      identifier: [{ system: 'https://careline.health/fhir/identifier/careline-id', value: ines }],
      name: [{ text: 'Inès Dubois' }],
      telecom: [{ system: 'phone', value: '+33 6 12 34 00 29' }],
    });
    const first = await importNow();
    expect(first.find((e) => e.remote_id === remoteInes.id)).toMatchObject({
      outcome: 'linked',
      local_id: ines,
    });
    expect(await patientsWithPhone('+33612340029')).toEqual([]);

    const merged = await call(env, clinic, 'POST', `/contacts/${survivor}/merge`, {
      other_id: ines,
      fields: { display_name: 'survivor', phone: 'survivor' },
    });
    expect(merged.status).toBe(201);
    // The EHR changes the patient's number: the record kept after the merge takes it, nobody is created.
    await ehr.repo.updateResource({
      ...remoteInes,
      telecom: [{ system: 'phone', value: '+33 6 12 34 00 28' }],
    });
    const second = await importNow();
    expect(second.find((e) => e.remote_id === remoteInes.id)).toMatchObject({
      outcome: 'updated',
      local_id: survivor,
    });
    expect((await patientsWithPhone('+33612340028')).map((p) => p.id)).toEqual([survivor]);
  });

  test('each clinic sees its own EHR settings and log only', async () => {
    const other = await env.addClinic('Cabinet Pasteur');
    expect((await call(env, other, 'GET', '/fhir-sync/connection')).status).toBe(404);
    expect(await log(other)).toEqual([]);
    expect((await call(env, other, 'POST', '/fhir-sync/runs')).status).toBe(409);

    // Its own EHR with a static token: its import creates its patients, none of the first clinic's.
    const otherEhr = await startTestFhirServer({ kind: 'bearer', token: 'pasteur-token' });
    try {
      await seedFhir(otherEhr, {
        resourceType: 'Patient',
        name: [{ text: 'Jeanne Dupont' }],
        telecom: [{ system: 'phone', value: '+33612340001' }],
      });
      const saved = await call(env, other, 'PUT', '/fhir-sync/connection', {
        base_url: otherEhr.baseUrl,
        auth_kind: 'bearer',
        bearer_token: 'pasteur-token',
        enabled: false,
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ has_bearer_token: true, jwks: { keys: [] } });
      expect(JSON.stringify(saved.body)).not.toContain('pasteur-token');
      const started = await call(env, other, 'POST', '/fhir-sync/runs');
      const entries = await eventually(async () => {
        const mine = (await log(other)).filter((e) => e.run_id === started.body.run_id);
        return mine.length > 0 ? mine : undefined;
      }, 15_000);
      expect(entries).toEqual([expect.objectContaining({ resource_type: 'Patient', outcome: 'created' })]);
      const theirs = await env.handle.db.select().from(contacts).where(eq(contacts.orgId, other.org.id));
      expect(theirs).toHaveLength(1);
      // The first clinic's Jeanne stays its own, linked to its own EHR.
      expect(await patientsWithPhone('+33612340001')).toHaveLength(1);
      expect((await log()).some((e) => e.run_id === started.body.run_id)).toBe(false);
    } finally {
      await otherEhr.close();
    }
  });

  test('an agent can neither configure the EHR nor read the sync log', async () => {
    const agent = await addStaff(env, clinic, { name: 'Agent Léa', role: 'agent' });
    const browser = await signIn(env, agent.email);
    expect((await browser.call('GET', '/fhir-sync/connection')).status).toBe(403);
    expect(
      (
        await browser.call('PUT', '/fhir-sync/connection', {
          base_url: 'http://127.0.0.1:1/fhir',
          auth_kind: 'bearer',
          bearer_token: 'x',
          enabled: true,
        })
      ).status,
    ).toBe(403);
    expect((await browser.call('POST', '/fhir-sync/runs')).status).toBe(403);
    expect((await browser.call('GET', '/fhir-sync/log')).status).toBe(403);
    const admin = await addStaff(env, clinic, { name: 'Admin Paul', role: 'admin' });
    expect((await (await signIn(env, admin.email)).call('GET', '/fhir-sync/log')).status).toBe(200);
  });

  test('hostile settings are refused with the field named, never a 5xx', async () => {
    for (const [body, field] of [
      [
        { base_url: 'file:///etc/passwd', auth_kind: 'bearer', bearer_token: 'x', enabled: false },
        'base_url',
      ],
      [{ base_url: 'http://a\u0000b', auth_kind: 'bearer', bearer_token: 'x', enabled: false }, 'base_url'],
      [{ base_url: ehr.baseUrl, auth_kind: 'smart', enabled: false }, 'client_id'],
      [{ base_url: ehr.baseUrl, auth_kind: 'kerberos', enabled: false }, 'auth_kind'],
      [{ base_url: 'x'.repeat(100_000), auth_kind: 'bearer', enabled: false }, 'base_url'],
    ] as const) {
      const response = await call(env, clinic, 'PUT', '/fhir-sync/connection', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });
});
