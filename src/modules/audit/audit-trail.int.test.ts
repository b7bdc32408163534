import { randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addStaff,
  call,
  getJson,
  type Json,
  type PageJson,
  patientWrites,
} from '../../../test/e2e/inbox-support.ts';
import { type SignedInBrowser, signIn } from '../../../test/e2e/settings-support.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { setUpSchedulingApi, slotsOf } from '../scheduling/scheduling.test-support.ts';
import { users } from '../users/user.schema.ts';
import { auditEvents } from './audit.schema.ts';
import { verifyAuditChains } from './audit-chain-verify.ts';

/** A 2×2 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(TEST_ENGINES)('the read audit trail (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let conversationId: string;
  let contactId: string;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    const first = await patientWrites(
      env,
      clinic,
      '+33612345678',
      'J’ai de la fièvre depuis hier',
      'Marie Curie',
    );
    conversationId = String(first.conversation.id);
    contactId = String((first.conversation.contact as Json).id);
  });
  afterAll(async () => {
    await env?.close();
  });

  const recordsOf = (orgId: string) =>
    env.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.orgId, orgId))
      .orderBy(asc(auditEvents.seq));
  const lastRecord = async (orgId: string) => (await recordsOf(orgId)).at(-1);

  test('opening a conversation, its messages, the patient’s panel, a file, appointments and a search is recorded', async () => {
    await getJson(env, clinic, `/conversations/${conversationId}`);
    expect(await lastRecord(clinic.org.id)).toMatchObject({
      type: 'rest',
      subtype: 'read',
      action: 'R',
      outcome: '0',
      agentRole: 'api',
      agentApiKeyId: expect.any(String),
      agentUserId: null,
      agentNetwork: '127.0.0.1',
      entity: [{ type: 'Conversation', id: conversationId }],
      patientIds: [contactId],
      purposeOfUse: null,
    });

    await getJson(env, clinic, `/conversations/${conversationId}/messages`);
    expect(await lastRecord(clinic.org.id)).toMatchObject({
      entity: [{ type: 'Conversation' }],
      patientIds: [contactId],
    });

    await getJson(env, clinic, `/contacts/${contactId}`);
    expect(await lastRecord(clinic.org.id)).toMatchObject({
      entity: [{ type: 'Patient', id: contactId }],
      patientIds: [contactId],
    });

    // A photo the patient sent.
    await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: '+33612345678',
      type: 'image',
      bytes: PNG,
      mimeType: 'image/png',
    });
    const mediaId = await eventually(async () => {
      const page = await getJson<PageJson>(env, clinic, `/conversations/${conversationId}/messages`);
      const media = page.data.flatMap((m) => m.media as Json[])[0];
      return media?.status === 'stored' ? String(media.id) : undefined;
    }, 10_000);
    const file = await env.api(clinic.apiKey, `/api/v1/media/${mediaId}`);
    expect(file.status).toBe(200);
    await file.arrayBuffer();
    expect(await lastRecord(clinic.org.id)).toMatchObject({
      entity: [{ type: 'Media', id: mediaId }],
      patientIds: [contactId],
    });

    await getJson(env, clinic, '/appointments');
    expect(await lastRecord(clinic.org.id)).toMatchObject({ subtype: 'read', entity: [], patientIds: [] });

    const found = await getJson(env, clinic, `/search?q=${encodeURIComponent('fièvre')}`);
    expect((found.messages as Json[]).length).toBe(1);
    const search = await lastRecord(clinic.org.id);
    expect(search).toMatchObject({
      subtype: 'search',
      action: 'E',
      entity: [{ type: 'Patient', id: contactId }],
      patientIds: [contactId],
    });
    // The words searched are PHI: sealed, never readable in the database.
    expect(search?.querySealed).toEqual(expect.any(String));
    expect(JSON.stringify(search)).not.toContain('fièvre');
    expect(env.fieldCipher.decryptText(search?.querySealed ?? '', `audit_events:${clinic.org.id}`)).toBe(
      'fièvre',
    );

    // A read that found nothing (404) read no patient data and writes nothing.
    const before = (await recordsOf(clinic.org.id)).length;
    expect((await call(env, clinic, 'GET', `/contacts/${randomUUID()}`)).status).toBe(404);
    expect((await recordsOf(clinic.org.id)).length).toBe(before);
  });

  test('the agenda, an appointment and its .ics are recorded with the appointment’s patient', async () => {
    const setup = await setUpSchedulingApi(env, clinic);
    const [slot] = await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=1`);
    const booked = await call(env, clinic, 'POST', '/appointments', {
      contact_id: contactId,
      practitioner_id: slot?.practitioner.id,
      location_id: slot?.location.id,
      appointment_type_id: setup.type.id,
      start: slot?.start,
    });
    expect(booked.status).toBe(201);
    const appointmentId = String(booked.body.id);
    const expected = { entity: [{ type: 'Appointment', id: appointmentId }], patientIds: [contactId] };

    await getJson(env, clinic, `/appointments?contact_id=${contactId}`);
    expect(await lastRecord(clinic.org.id)).toMatchObject(expected);
    await getJson(env, clinic, `/appointments/${appointmentId}`);
    expect(await lastRecord(clinic.org.id)).toMatchObject(expected);
    expect((await env.api(clinic.apiKey, `/api/v1/appointments/${appointmentId}.ics`)).status).toBe(200);
    expect(await lastRecord(clinic.org.id)).toMatchObject(expected);
  });

  test('records are append-only: the database refuses to change or remove one', async () => {
    await getJson(env, clinic, `/contacts/${contactId}`);
    await expect(
      env.handle.db.execute(
        sql`update audit_events set agent_network = '10.6.6.6' where org_id = ${clinic.org.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      env.handle.db.execute(sql`delete from audit_events where org_id = ${clinic.org.id}`),
    ).rejects.toThrow();
    await expect(env.handle.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const [report] = await verifyAuditChains(env.handle.db, clinic.org.id);
    expect(report).toMatchObject({ broken: null });
    expect(report?.checked).toBe((await recordsOf(clinic.org.id)).length);
  });

  test('fifty reads at once keep one unbroken chain', async () => {
    const busy = await env.addClinic('Cabinet Pasteur');
    const patient = await patientWrites(env, busy, '+33698765432', 'Bonjour', 'Louis Pasteur');
    const patientId = String((patient.conversation.contact as Json).id);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => env.api(busy.apiKey, `/api/v1/contacts/${patientId}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    const records = await recordsOf(busy.org.id);
    // patientWrites opened the conversation once, then the fifty reads.
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    for (const [i, record] of records.entries()) {
      if (i > 0) expect(record.prevHash).toBe(records[i - 1]?.hash);
    }
    expect(await verifyAuditChains(env.handle.db, busy.org.id)).toEqual([
      { orgId: busy.org.id, checked: 51, broken: null },
    ]);
  });

  test('verify-audit finds a record changed, and one removed, behind the trigger’s back', async () => {
    const victim = await env.addClinic('Centre médical Voltaire');
    const patient = await patientWrites(env, victim, '+33611112222', 'Bonjour', 'Jeanne');
    const patientId = String((patient.conversation.contact as Json).id);
    for (let i = 0; i < 4; i++) await getJson(env, victim, `/contacts/${patientId}`);
    expect((await verifyAuditChains(env.handle.db, victim.org.id))[0]?.broken).toBeNull();

    // A superuser hides where a read came from.
    await asSuperuser(
      sql`update audit_events set agent_network = '10.0.0.1' where org_id = ${victim.org.id} and seq = 3`,
    );
    expect(await verifyAuditChains(env.handle.db, victim.org.id)).toEqual([
      {
        orgId: victim.org.id,
        checked: 2,
        broken: { seq: 3, problem: 'its content does not match its hash (a field was changed)' },
      },
    ]);
    await asSuperuser(
      sql`update audit_events set agent_network = '127.0.0.1' where org_id = ${victim.org.id} and seq = 3`,
    );
    expect((await verifyAuditChains(env.handle.db, victim.org.id))[0]?.broken).toBeNull();

    // …or removes a read altogether.
    await asSuperuser(sql`delete from audit_events where org_id = ${victim.org.id} and seq = 4`);
    expect((await verifyAuditChains(env.handle.db, victim.org.id))[0]).toMatchObject({
      checked: 3,
      broken: { seq: 4, problem: 'record 4 is missing (next is 5)' },
    });
    // The other clinics' chains are untouched and still verify.
    const all = await verifyAuditChains(env.handle.db);
    expect(all.filter((r) => r.broken).map((r) => r.orgId)).toEqual([victim.org.id]);
  });

  test('a clinic can require a reason of a role: 428 without it, recorded with it', async () => {
    const agent = await staffSignedIn(clinic, 'agent', 'Paul Martin');
    const admin = await staffSignedIn(clinic, 'admin', 'Dr Anne Roy');
    expect((await agent.call('PUT', '/audit/settings', { reason_required_roles: ['agent'] })).status).toBe(
      403,
    );
    const saved = await admin.call('PUT', '/audit/settings', { reason_required_roles: ['agent'] });
    expect(saved).toMatchObject({ status: 200, body: { reason_required_roles: ['agent'] } });

    const refused = await agent.call('GET', `/contacts/${contactId}`);
    expect(refused.status).toBe(428);
    expect(refused.body.detail).toContain('X-Access-Reason');
    const given = await agentRead(
      agent,
      `/contacts/${contactId}`,
      encodeURIComponent('Rappel du patient, suivi fièvre'),
    );
    expect(given.status).toBe(200);
    expect(await lastRecord(clinic.org.id)).toMatchObject({
      agentUserId: agent.userId,
      agentRole: 'agent',
      purposeOfUse: 'Rappel du patient, suivi fièvre',
    });
    // What the browser loads itself (a picture) carries it in the URL.
    const byUrl = await agent.call(
      'GET',
      `/contacts/${contactId}?access_reason=${encodeURIComponent('Photo de la plaie')}`,
    );
    expect(byUrl.status).toBe(200);
    expect(await lastRecord(clinic.org.id)).toMatchObject({ purposeOfUse: 'Photo de la plaie' });
    const tooLongInUrl = await agent.call('GET', `/contacts/${contactId}?access_reason=${'x'.repeat(301)}`);
    expect(tooLongInUrl.body).toMatchObject({ status: 400, errors: [{ field: 'query.access_reason' }] });
    const tooLong = await agentRead(agent, `/contacts/${contactId}`, 'x'.repeat(301));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ errors: [{ field: 'headers.x-access-reason' }] });
    // Admins were not asked for one.
    expect((await admin.call('GET', `/contacts/${contactId}`)).status).toBe(200);
    await admin.call('PUT', '/audit/settings', { reason_required_roles: [] });
  });

  test('the audit trail in AuditEvent shape, filtered; the patient’s access report as CSV; admins only', async () => {
    const reader = await staffSignedIn(clinic, 'agent', '=HYPERLINK("http://evil.test","x")');
    await agentRead(reader, `/contacts/${contactId}`, encodeURIComponent('Appel, "urgent"'));
    const admin = await staffSignedIn(clinic, 'admin', 'Dr Claire Noir');

    const trail = await admin.call('GET', `/audit?patient=${contactId}&user=${reader.userId}`);
    expect(trail.status).toBe(200);
    const [event] = (trail.body.data as Json[]) ?? [];
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      type: { code: 'rest' },
      subtype: [{ code: 'read' }],
      action: 'R',
      outcome: '0',
      agent: [
        {
          who: { reference: `Practitioner/${reader.userId}`, display: '=HYPERLINK("http://evil.test","x")' },
          role: [{ text: 'agent' }],
          network: { address: '127.0.0.1', type: '2' },
          purposeOfUse: [{ text: 'Appel, "urgent"' }],
        },
      ],
      entity: [{ what: { reference: `Patient/${contactId}` } }],
    });
    const searches = await admin.call('GET', '/audit?action=E&limit=1');
    expect((searches.body.data as Json[])[0]).toMatchObject({ subtype: [{ code: 'search' }] });
    const firstPage = await admin.call('GET', '/audit?limit=2');
    expect(firstPage.body.next_cursor).toEqual(expect.any(String));
    const secondPage = await admin.call('GET', `/audit?limit=2&cursor=${String(firstPage.body.next_cursor)}`);
    expect(Number((secondPage.body.data as Json[])[0]?.id)).toBeLessThan(
      Number((firstPage.body.data as Json[])[1]?.id),
    );

    const csv = await fetch(`${env.url}/api/v1/audit/patients/${contactId}/access-report.csv`, {
      headers: { cookie: admin.cookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('when,who,role,what,from where,reason');
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z,"'=HYPERLINK\(""http:\/\/evil.test"",""x""\)",agent,read: patient profile,127\.0\.0\.1,"Appel, ""urgent"""$/,
    );
    expect(text).not.toContain('Marie Curie');
    // Exporting the report is itself recorded.
    expect(await lastRecord(clinic.org.id)).toMatchObject({
      type: 'export',
      subtype: 'access-report',
      agentRole: 'admin',
      patientIds: [contactId],
    });

    // Agents and API keys are refused.
    expect((await reader.call('GET', '/audit')).status).toBe(403);
    const agentCsv = await fetch(`${env.url}/api/v1/audit/patients/${contactId}/access-report.csv`, {
      headers: { cookie: reader.cookie },
    });
    expect(agentCsv.status).toBe(403);
    expect((await call(env, clinic, 'GET', '/audit')).status).toBe(403);
  });

  test('a read whose record cannot be written is refused, with nothing of the cause', async () => {
    await asSuperuser(
      sql.raw(
        `alter table audit_events add constraint audit_test_refuse check (agent_network <> '127.0.0.1') not valid`,
      ),
    );
    try {
      const refused = await call(env, clinic, 'GET', `/contacts/${contactId}`);
      expect(refused.status).toBe(503);
      expect(JSON.stringify(refused.body)).not.toMatch(/audit_test_refuse|constraint|Marie/);
    } finally {
      await env.handle.db.execute(sql.raw('alter table audit_events drop constraint audit_test_refuse'));
    }
    expect((await call(env, clinic, 'GET', `/contacts/${contactId}`)).status).toBe(200);
  });

  /** What a database superuser can do: switch the append-only trigger off, act, switch it back on. */
  async function asSuperuser(statement: ReturnType<typeof sql>): Promise<void> {
    await env.handle.db.execute(sql.raw('alter table audit_events disable trigger audit_events_append_only'));
    try {
      await env.handle.db.execute(statement);
    } finally {
      await env.handle.db.execute(
        sql.raw('alter table audit_events enable trigger audit_events_append_only'),
      );
    }
  }

  async function staffSignedIn(
    at: TestClinic,
    role: 'admin' | 'agent',
    name: string,
  ): Promise<SignedInBrowser> {
    const user = await addStaff(env, at, { name, role });
    const [row] = await env.handle.db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
    return signIn(env, row?.email ?? '');
  }

  async function agentRead(browser: SignedInBrowser, path: string, reason: string) {
    const response = await fetch(`${env.url}/api/v1${path}`, {
      headers: { cookie: browser.cookie, 'x-access-reason': reason },
    });
    return { status: response.status, body: (await response.json()) as Json };
  }
});

function randomUUID(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
