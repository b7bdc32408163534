import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../src/db-schema.ts';
import { zipEntries } from '../../src/modules/privacy/zip-entries.test-support.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, getJson, type Json, type PageJson, patientWrites } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

/** Patient groups through the REST API: static lists, dynamic segments, their preview, per clinic. */
describe.each(TEST_ENGINES)('patient groups API (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  const ids: Record<string, string> = {};
  let strangerId: string;

  const patient = async (target: TestClinic, phone: string, name: string, tags: string[]) => {
    const { conversation } = await patientWrites(env, target, phone, 'Bonjour', name);
    const id = String((conversation.contact as Json).id);
    expect((await call(env, target, 'PATCH', `/contacts/${id}`, { tags })).status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
    ids.marie = await patient(clinic, '+33612000201', 'Marie Curie', ['diabète']);
    ids.paul = await patient(clinic, '+33612000202', 'Paul Langevin', ['diabète', 'asthme']);
    ids.irene = await patient(clinic, '+33612000203', 'Irène Joliot', ['asthme']);
    strangerId = await patient(other, '+33612000204', 'Pierre Curie', ['diabète']);
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  const diabetes = { match: 'all', rules: [{ type: 'tag', op: 'has', tag: 'Diabète' }] };
  const fieldsOf = (body: Json) => (body.errors as Array<{ field: string }> | undefined)?.map((e) => e.field);

  test('a dynamic group: its preview before saving, then saved, read and previewed again', async () => {
    const preview = await call(env, clinic, 'POST', '/patient-groups/preview', { definition: diabetes });
    expect(preview.status).toBe(200);
    expect(preview.body.size).toBe(2);
    const sample = preview.body.sample as Array<{ display_name: string; phone_masked: string }>;
    expect(sample.map((p) => p.display_name).sort()).toEqual(['Marie Curie', 'Paul Langevin']);
    // The number is masked: enough to tell two patients apart, not to call them.
    expect(sample.map((p) => p.phone_masked).sort()).toEqual(['+336••••••01', '+336••••••02']);

    const created = await call(env, clinic, 'POST', '/patient-groups', {
      name: 'Diabétiques',
      description: 'Suivi du diabète',
      kind: 'dynamic',
      definition: diabetes,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'dynamic', definition: diabetes, member_count: null });
    const id = String(created.body.id);
    expect((await getJson(env, clinic, `/patient-groups/${id}`)).name).toBe('Diabétiques');
    expect((await getJson(env, clinic, `/patient-groups/${id}/preview`)).size).toBe(2);

    // The rules change: the group follows.
    const changed = await call(env, clinic, 'PATCH', `/patient-groups/${id}`, {
      definition: { match: 'any', rules: [{ type: 'tag', op: 'has', tag: 'asthme' }] },
    });
    expect(changed.status).toBe(200);
    expect((await getJson(env, clinic, `/patient-groups/${id}/preview`)).size).toBe(2);
    const names = ((await getJson(env, clinic, `/patient-groups/${id}/preview`)).sample as Json[]).map(
      (p) => p.display_name,
    );
    expect(names.sort()).toEqual(['Irène Joliot', 'Paul Langevin']);
  });

  test('reading the sample’s names is recorded in the audit', async () => {
    const reads = () =>
      env.handle.db
        .select({ seq: auditEvents.seq, patients: auditEvents.patientIds })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, clinic.org.id), eq(auditEvents.subtype, 'read')));
    const before = Math.max(0, ...(await reads()).map((r) => r.seq));
    expect(
      (await call(env, clinic, 'POST', '/patient-groups/preview', { definition: diabetes })).status,
    ).toBe(200);
    const recorded = (await reads()).filter((r) => r.seq > before);
    expect(recorded.flatMap((r) => r.patients).sort()).toEqual([ids.marie, ids.paul].sort());
  });

  test('a static group: patients added (another clinic’s left out), listed in pages, removed', async () => {
    const created = await call(env, clinic, 'POST', '/patient-groups', {
      name: 'Atelier nutrition',
      kind: 'static',
    });
    expect(created.status).toBe(201);
    expect(created.body.member_count).toBe(0);
    const id = String(created.body.id);
    const added = await call(env, clinic, 'POST', `/patient-groups/${id}/members`, {
      contact_ids: [ids.marie, ids.irene, strangerId],
    });
    expect(added.body).toEqual({ added: 2 });
    expect((await getJson(env, clinic, `/patient-groups/${id}`)).member_count).toBe(2);

    const first = await getJson<PageJson>(env, clinic, `/patient-groups/${id}/members?limit=1`);
    expect(first.data).toHaveLength(1);
    expect(first.next_cursor).not.toBeNull();
    const second = await getJson<PageJson>(
      env,
      clinic,
      `/patient-groups/${id}/members?limit=1&cursor=${first.next_cursor}`,
    );
    expect(second.next_cursor).toBeNull();
    expect([...first.data, ...second.data].map((p) => p.display_name).sort()).toEqual([
      'Irène Joliot',
      'Marie Curie',
    ]);

    expect((await call(env, clinic, 'DELETE', `/patient-groups/${id}/members/${ids.irene}`)).status).toBe(
      204,
    );
    expect((await call(env, clinic, 'DELETE', `/patient-groups/${id}/members/${ids.irene}`)).status).toBe(
      404,
    );
    const preview = await getJson(env, clinic, `/patient-groups/${id}/preview`);
    expect(preview.size).toBe(1);
    expect((preview.sample as Json[])[0]?.display_name).toBe('Marie Curie');

    const list = await getJson(env, clinic, '/patient-groups');
    const listed = (list.data as Json[]).find((g) => g.id === id);
    expect(listed).toMatchObject({ kind: 'static', member_count: 1, definition: null });
  });

  test('bad rules are refused naming the field; a practitioner of another clinic is 422', async () => {
    const refused = async (definition: unknown, status = 400) => {
      const response = await call(env, clinic, 'POST', '/patient-groups/preview', { definition });
      expect(response.status).toBe(status);
      return fieldsOf(response.body);
    };
    expect(await refused({ match: 'all', rules: [{ type: 'tag', op: 'has', tag: '' }] })).toEqual([
      'body.definition.rules.0.tag',
    ]);
    expect(
      await refused({ match: 'all', rules: [{ type: 'custom_field', key: 'mutuelle', op: 'equals' }] }),
    ).toEqual(['body.definition.rules.0.value']);
    expect(await refused({ match: 'all', rules: [{ type: 'age', min: 60, max: 20 }] })).toEqual([
      'body.definition.rules.0.max',
    ]);
    expect(
      await refused({ match: 'all', rules: [{ type: 'appointment', window: 'dates', from: '2026-03-01' }] }),
    ).toEqual(['body.definition.rules.0.to']);
    expect((await refused({ match: 'all', rules: [{ type: 'horoscope' }] }))?.[0]).toMatch(
      /^body\.definition\.rules\.0/,
    );
    expect(await refused({ match: 'all', rules: [] })).toEqual(['body.definition.rules']);
    const practitioner = await call(env, other, 'POST', '/practitioners', {
      name: 'Dr Ailleurs',
      specialty: 'general_practice',
    });
    expect(practitioner.status).toBe(201);
    expect(
      await refused(
        {
          match: 'any',
          rules: [
            { type: 'tag', op: 'has', tag: 'asthme' },
            {
              type: 'group',
              match: 'all',
              rules: [{ type: 'appointment', window: 'next_week', practitioner_id: practitioner.body.id }],
            },
          ],
        },
        422,
      ),
    ).toEqual(['body.definition.rules.1.rules.0.practitioner_id']);

    const noRules = await call(env, clinic, 'POST', '/patient-groups', {
      name: 'Sans règles',
      kind: 'dynamic',
    });
    expect(noRules.status).toBe(400);
    expect(fieldsOf(noRules.body)).toEqual(['body.definition']);
    const twice = await call(env, clinic, 'POST', '/patient-groups', {
      name: 'Atelier nutrition',
      kind: 'static',
    });
    expect(twice.status).toBe(409);
    expect(fieldsOf(twice.body)).toEqual(['body.name']);
  });

  test('each clinic sees its own groups and patients only', async () => {
    const ours = await call(env, clinic, 'POST', '/patient-groups', { name: 'Isolés', kind: 'static' });
    const id = String(ours.body.id);
    expect((await call(env, other, 'GET', `/patient-groups/${id}`)).status).toBe(404);
    expect((await call(env, other, 'GET', `/patient-groups/${id}/preview`)).status).toBe(404);
    expect(
      (await call(env, other, 'POST', `/patient-groups/${id}/members`, { contact_ids: [strangerId] })).status,
    ).toBe(404);
    expect(((await getJson(env, other, '/patient-groups')).data as Json[]).map((g) => g.name)).not.toContain(
      'Isolés',
    );
    const theirs = await call(env, other, 'POST', '/patient-groups/preview', { definition: diabetes });
    expect(theirs.body.size).toBe(1);
    expect((theirs.body.sample as Json[])[0]?.display_name).toBe('Pierre Curie');
  });

  test('an agent may not manage groups (403); a supervisor may', async () => {
    const agent = await signIn(
      env,
      (await addStaff(env, clinic, { name: 'Agent Smith', role: 'agent' })).email,
    );
    expect((await agent.call('GET', '/patient-groups')).status).toBe(403);
    expect((await agent.call('POST', '/patient-groups/preview', { definition: diabetes })).status).toBe(403);
    const supervisor = await signIn(
      env,
      (await addStaff(env, clinic, { name: 'Sue Pervisor', role: 'supervisor' })).email,
    );
    expect((await supervisor.call('GET', '/patient-groups')).status).toBe(200);
  });

  test('archived groups are kept but no longer listed; their name can be used again', async () => {
    const created = await call(env, clinic, 'POST', '/patient-groups', {
      name: 'Grippe 2025',
      kind: 'static',
    });
    const id = String(created.body.id);
    const archived = await call(env, clinic, 'POST', `/patient-groups/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archived_at).not.toBeNull();
    expect(((await getJson(env, clinic, '/patient-groups')).data as Json[]).map((g) => g.id)).not.toContain(
      id,
    );
    const all = await getJson(env, clinic, '/patient-groups?include_archived=true');
    expect((all.data as Json[]).map((g) => g.id)).toContain(id);
    expect(
      (await call(env, clinic, 'POST', '/patient-groups', { name: 'Grippe 2025', kind: 'static' })).status,
    ).toBe(201);
  });

  test('a merge moves memberships to the survivor, an unmerge back; the export lists them; erasure removes them', async () => {
    const a = await patient(clinic, '+33612000301', 'Jean Perrin', []);
    const b = await patient(clinic, '+33612000302', 'J. Perrin', []);
    const created = await call(env, clinic, 'POST', '/patient-groups', { name: 'Perrin', kind: 'static' });
    const id = String(created.body.id);
    await call(env, clinic, 'POST', `/patient-groups/${id}/members`, { contact_ids: [b] });
    const memberIds = async () =>
      ((await getJson<PageJson>(env, clinic, `/patient-groups/${id}/members`)).data as Json[]).map(
        (p) => p.id,
      );
    expect(await memberIds()).toEqual([b]);

    const merged = await call(env, clinic, 'POST', `/contacts/${a}/merge`, {
      other_id: b,
      fields: { display_name: 'survivor', phone: 'survivor' },
    });
    expect(merged.status).toBe(201);
    expect(await memberIds()).toEqual([a]);
    const exported = await env.api(clinic.apiKey, `/api/v1/contacts/${a}/export`);
    const document = JSON.parse(
      zipEntries(Buffer.from(await exported.arrayBuffer()))
        .get('patient.json')
        ?.toString() ?? '{}',
    ) as { groups: Json[] };
    expect(document.groups.map((g) => g.name)).toEqual(['Perrin']);

    expect((await call(env, clinic, 'POST', `/contact-merges/${merged.body.id}/unmerge`)).status).toBe(200);
    expect(await memberIds()).toEqual([b]);

    const erased = await call(env, clinic, 'POST', `/contacts/${b}/erase`, { confirm: 'J. Perrin' });
    expect(erased.status).toBe(200);
    expect(await memberIds()).toEqual([]);
    expect((await getJson(env, clinic, `/patient-groups/${id}`)).member_count).toBe(0);
  });
});
