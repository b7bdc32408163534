import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, getJson, type Json, newPhone, patientWrites } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

describe.each(TEST_ENGINES)('settings: teams and where each number’s conversations go (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function newTeam(of: TestClinic, name: string, mode = 'round_robin'): Promise<Json> {
    const created = await call(env, of, 'POST', '/teams', { name, assignment_mode: mode });
    expect(created.status).toBe(201);
    return created.body;
  }

  test('a team is renamed and changes mode, keeping its members', async () => {
    const nurse = await addStaff(env, clinic, { name: 'Chloé Infirmière' });
    const team = await newTeam(clinic, 'Infirmerie', 'manual');
    await call(env, clinic, 'PUT', `/teams/${team.id}/members`, { user_ids: [nurse.id] });

    const changed = await call(env, clinic, 'PATCH', `/teams/${team.id}`, {
      name: 'Soins infirmiers',
      assignment_mode: 'least_open',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: team.id,
      name: 'Soins infirmiers',
      assignment_mode: 'least_open',
      members: [{ id: nurse.id, name: 'Chloé Infirmière' }],
    });
    const onlyMode = await call(env, clinic, 'PATCH', `/teams/${team.id}`, {
      assignment_mode: 'round_robin',
    });
    expect(onlyMode.body).toMatchObject({ name: 'Soins infirmiers', assignment_mode: 'round_robin' });
    const { data } = await getJson<{ data: Json[] }>(env, clinic, '/teams');
    expect(data.find((t) => t.id === team.id)).toMatchObject({ name: 'Soins infirmiers' });
  });

  test('renaming refuses a taken name, bad input names its field, other clinics’ teams are not found', async () => {
    await newTeam(clinic, 'Accueil');
    const team = await newTeam(clinic, 'Secrétariat');
    const taken = await call(env, clinic, 'PATCH', `/teams/${team.id}`, { name: 'Accueil' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ field: 'body.name', message: 'is already the name of a team' }]);
    // The refused rename changed nothing, and the same name is fine for the team that has it.
    expect((await call(env, clinic, 'PATCH', `/teams/${team.id}`, { name: 'Secrétariat' })).status).toBe(200);

    for (const [body, field] of [
      [{ name: '' }, 'body.name'],
      [{ name: 'x'.repeat(101) }, 'body.name'],
      [{ assignment_mode: 'random' }, 'body.assignment_mode'],
    ] as const) {
      const refused = await call(env, clinic, 'PATCH', `/teams/${team.id}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    expect((await call(env, clinic, 'PATCH', `/teams/${team.id}`, {})).status).toBe(400);
    expect((await call(env, other, 'PATCH', `/teams/${team.id}`, { name: 'Volé' })).status).toBe(404);
    expect((await call(env, clinic, 'PATCH', `/teams/${crypto.randomUUID()}`, { name: 'X' })).status).toBe(
      404,
    );
  });

  test('the clinic’s numbers are listed with their default team, and only the clinic’s', async () => {
    const { data } = await getJson<{ data: Json[] }>(env, clinic, '/channels');
    expect(data).toEqual([
      {
        id: clinic.account.id,
        type: 'whatsapp',
        name: clinic.account.name,
        external_id: clinic.number.phoneNumberId,
        state: 'active',
        webhook_url: `${env.url}/webhooks/whatsapp`,
        capabilities: expect.objectContaining({ textLength: 4096 }),
        window: { kind: 'session', hours: 24, after: 'templates' },
        display_phone_number: '+33180000000',
        default_team: null,
      },
    ]);
    expect(JSON.stringify(data)).not.toContain(clinic.number.accessToken);
    const theirs = await getJson<{ data: Json[] }>(env, other, '/channels');
    expect(theirs.data.map((c) => c.id)).toEqual([other.account.id]);
  });

  test('the default team set on a number receives its new conversations, assigned by the team’s mode', async () => {
    const online = await addStaff(env, clinic, { name: 'Agent Présent' });
    const team = await newTeam(clinic, 'Standard');
    await call(env, clinic, 'PUT', `/teams/${team.id}/members`, { user_ids: [online.id] });
    const path = `/channels/${clinic.account.id}`;

    const set = await call(env, clinic, 'PATCH', path, { default_team_id: team.id });
    expect(set.status).toBe(200);
    expect(set.body.default_team).toEqual({ id: team.id, name: 'Standard' });
    expect((await getJson<{ data: Json[] }>(env, clinic, '/channels')).data[0]?.default_team).toEqual({
      id: team.id,
      name: 'Standard',
    });
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    expect(conversation).toMatchObject({
      team: { id: team.id, name: 'Standard' },
      assignee: { id: online.id },
    });

    // Setting the default team leaves the number's other settings as they were: it still sends.
    const reply = await call(env, clinic, 'POST', `/conversations/${conversation.id}/messages`, {
      type: 'text',
      text: 'Bonjour, que pouvons-nous faire pour vous ?',
    });
    expect(reply.status).toBe(202);
    await env.settle();
    const sent = await getJson<{ data: Json[] }>(env, clinic, `/conversations/${conversation.id}/messages`);
    const status = sent.data.find((m) => m.id === reply.body.id)?.status;
    expect(['accepted', 'sent', 'delivered', 'read']).toContain(status);

    const cleared = await call(env, clinic, 'PATCH', path, { default_team_id: null });
    expect(cleared.body.default_team).toBeNull();
    const next = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    expect(next.conversation).toMatchObject({ team: null, assignee: null });
  });

  test('a number’s default team must be a team of the clinic; other clinics’ numbers are not found', async () => {
    const foreignTeam = await newTeam(other, 'Étrangère');
    const path = `/channels/${clinic.account.id}`;
    const refused = await call(env, clinic, 'PATCH', path, { default_team_id: foreignTeam.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'body.default_team_id', message: 'is not a team of this clinic' },
    ]);
    const notAnId = await call(env, clinic, 'PATCH', path, { default_team_id: 'Accueil' });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.errors).toEqual([expect.objectContaining({ field: 'body.default_team_id' })]);
    expect((await call(env, clinic, 'PATCH', path, {})).status).toBe(400);

    const mine = await newTeam(clinic, 'Mienne');
    const foreignNumber = await call(env, clinic, 'PATCH', `/channels/${other.account.id}`, {
      default_team_id: mine.id,
    });
    expect(foreignNumber.status).toBe(404);
    expect((await getJson<{ data: Json[] }>(env, other, '/channels')).data[0]?.default_team).toBeNull();
  });

  test('agents read teams and numbers but change neither', async () => {
    const agent = await addStaff(env, clinic, { name: 'Agent Curieux' });
    const team = await newTeam(clinic, 'Lecture seule');
    const routing = async () => (await getJson<{ data: Json[] }>(env, clinic, '/channels')).data;
    const before = await routing();
    const browser = await signIn(env, agent.email);
    expect((await browser.call('GET', '/teams')).status).toBe(200);
    expect((await browser.call('GET', '/channels')).status).toBe(200);
    expect((await browser.call('PATCH', `/teams/${team.id}`, { name: 'Piratée' })).status).toBe(403);
    const routed = await browser.call('PATCH', `/channels/${clinic.account.id}`, {
      default_team_id: team.id,
    });
    expect(routed.status).toBe(403);
    expect(await routing()).toEqual(before);
  });
});
