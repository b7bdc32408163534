import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, getJson, type Json, newPhone, patientWrites } from './inbox-support.ts';
import { PASSWORD, signIn, signInAttempt } from './settings-support.ts';

describe.each(TEST_ENGINES)('settings: the clinic’s staff (%s)', (engine) => {
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

  let nextEmail = 0;
  function newEmail(): string {
    nextEmail += 1;
    return `Soignant${nextEmail}@Lilas.test`;
  }

  async function staffIds(of: TestClinic, query = ''): Promise<unknown[]> {
    return (await getJson<{ data: Json[] }>(env, of, `/users${query}`)).data.map((u) => u.id);
  }

  async function staffMember(id: unknown): Promise<Json | undefined> {
    return (await getJson<{ data: Json[] }>(env, clinic, '/users')).data.find((u) => u.id === id);
  }

  test('an administrator adds a member with a chosen password, who can then sign in', async () => {
    const email = newEmail();
    const added = await call(env, clinic, 'POST', '/users', {
      name: 'Inès Morel',
      email,
      role: 'agent',
      capacity: 4,
      password: 'une phrase de passe longue',
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      name: 'Inès Morel',
      email: email.toLowerCase(),
      role: 'agent',
      online: false,
      last_seen_at: null,
      open_conversations: 0,
      capacity: 4,
      two_factor_enabled: false,
    });
    expect(await staffIds(clinic)).toContain(added.body.id);
    expect(await staffIds(other)).not.toContain(added.body.id);
    const session = await signIn(env, email, 'une phrase de passe longue');
    expect(session.userId).toBe(added.body.id);
  });

  test('without a password Careline generates one and shows it once', async () => {
    const email = newEmail();
    const added = await call(env, clinic, 'POST', '/users', { name: 'Paul Vidal', email, role: 'admin' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ role: 'admin', capacity: 10 });
    const generated = String(added.body.generated_password);
    expect(generated.length).toBeGreaterThanOrEqual(12);
    await signIn(env, email, generated);
    const listed = await staffMember(added.body.id);
    expect(listed).not.toHaveProperty('generated_password');
  });

  test('bad input is refused naming the field; a taken e-mail is a conflict', async () => {
    const cases: Array<[Json, string]> = [
      [{ name: 'A', email: 'not-an-email', role: 'agent' }, 'body.email'],
      [{ name: 'A', email: newEmail(), role: 'owner' }, 'body.role'],
      [{ name: 'A', email: newEmail(), role: 'agent', password: 'short' }, 'body.password'],
      [{ name: 'A', email: newEmail(), role: 'agent', capacity: 0 }, 'body.capacity'],
      [{ name: 'A', email: newEmail(), role: 'agent', capacity: 201 }, 'body.capacity'],
      [{ name: '  ', email: newEmail(), role: 'agent' }, 'body.name'],
    ];
    for (const [body, field] of cases) {
      const refused = await call(env, clinic, 'POST', '/users', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    }

    const taken = await addStaff(env, other, { name: 'Déjà Là' });
    // One e-mail names one person across clinics, whatever its case.
    const duplicate = await call(env, clinic, 'POST', '/users', {
      name: 'Copie',
      email: taken.email.toUpperCase(),
      role: 'agent',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([{ field: 'body.email', message: 'already has an account' }]);
  });

  test('role, capacity and name change; bad values name their field', async () => {
    const member = await addStaff(env, clinic, { name: 'Léa Garnier' });
    const path = `/users/${member.id}`;
    const changed = await call(env, clinic, 'PATCH', path, {
      role: 'admin',
      capacity: 25,
      name: 'Léa Garnier-Roy',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'admin', capacity: 25, name: 'Léa Garnier-Roy' });
    expect(await staffMember(member.id)).toMatchObject({
      role: 'admin',
      capacity: 25,
    });

    for (const [body, field] of [
      [{ capacity: 0 }, 'body.capacity'],
      [{ capacity: 2.5 }, 'body.capacity'],
      [{ role: 'root' }, 'body.role'],
      [{ active: false, password: 'a long enough password' }, 'body.password'],
    ] as const) {
      const refused = await call(env, clinic, 'PATCH', path, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    expect((await call(env, clinic, 'PATCH', path, {})).status).toBe(400);
    expect((await call(env, clinic, 'PATCH', '/users/nobody', { capacity: 3 })).body.errors).toEqual([
      expect.objectContaining({ field: 'params.id' }),
    ]);
  });

  test('another clinic’s member is not found, and agents may read the staff but not change it', async () => {
    const stranger = await addStaff(env, other, { name: 'Xavier Autre' });
    expect((await call(env, clinic, 'PATCH', `/users/${stranger.id}`, { capacity: 3 })).status).toBe(404);
    expect((await call(env, clinic, 'PATCH', `/users/${crypto.randomUUID()}`, { capacity: 3 })).status).toBe(
      404,
    );

    const agent = await addStaff(env, clinic, { name: 'Agent Simple' });
    const browser = await signIn(env, agent.email);
    expect((await browser.call('GET', '/users')).status).toBe(200);
    const add = await browser.call('POST', '/users', { name: 'Intrus', email: newEmail(), role: 'admin' });
    expect(add.status).toBe(403);
    const promote = await browser.call('PATCH', `/users/${agent.id}`, { role: 'admin' });
    expect(promote.status).toBe(403);
    expect(await staffMember(agent.id)).toMatchObject({
      role: 'agent',
    });
  });

  test('the last active administrator can be neither demoted nor deactivated', async () => {
    const lone = await env.addClinic('Cabinet Solo');
    const admin = await addStaff(env, lone, { name: 'Seule Admin', role: 'admin' });
    const browser = await signIn(env, admin.email);
    for (const change of [{ role: 'agent' }, { active: false }]) {
      const refused = await browser.call('PATCH', `/users/${admin.id}`, change);
      expect(refused.status).toBe(409);
      expect(String(refused.body.detail)).toContain('last active administrator');
    }
    // Through an API key too: the clinic must keep someone who can manage it.
    expect((await call(env, lone, 'PATCH', `/users/${admin.id}`, { role: 'agent' })).status).toBe(409);
    expect((await browser.call('PATCH', `/users/${admin.id}`, { capacity: 7 })).status).toBe(200);

    const second = await addStaff(env, lone, { name: 'Deuxième Admin', role: 'admin' });
    const stepDown = await browser.call('PATCH', `/users/${admin.id}`, { role: 'agent' });
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.role).toBe('agent');
    // Now the second is the last one.
    expect((await call(env, lone, 'PATCH', `/users/${second.id}`, { active: false })).status).toBe(409);
  });

  test('a deactivated member cannot sign in, their session stops working, their work goes back to the team', async () => {
    const leaving = await addStaff(env, clinic, { name: 'Agent Sortant' });
    const colleague = await addStaff(env, clinic, { name: 'Agent Restant' });
    const team = await call(env, clinic, 'POST', '/teams', {
      name: 'Départs',
      assignment_mode: 'round_robin',
    });
    await call(env, clinic, 'PUT', `/teams/${team.body.id}/members`, {
      user_ids: [leaving.id, colleague.id],
    });
    const inTeam = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    await call(env, clinic, 'POST', `/conversations/${inTeam.conversation.id}/assign`, {
      user_id: leaving.id,
      team_id: team.body.id,
    });
    const noTeam = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    await call(env, clinic, 'POST', `/conversations/${noTeam.conversation.id}/assign`, {
      user_id: leaving.id,
    });
    const closed = await patientWrites(env, clinic, newPhone(), 'Merci');
    await call(env, clinic, 'POST', `/conversations/${closed.conversation.id}/assign`, {
      user_id: leaving.id,
    });
    await call(env, clinic, 'POST', `/conversations/${closed.conversation.id}/status`, { status: 'closed' });

    const browser = await signIn(env, leaving.email);
    expect((await browser.call('GET', '/conversations')).status).toBe(200);

    const deactivated = await call(env, clinic, 'PATCH', `/users/${leaving.id}`, { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({
      online: false,
      open_conversations: 0,
      deactivated_at: expect.any(String),
    });

    expect((await browser.call('GET', '/conversations')).status).toBe(401);
    expect((await browser.call('GET', '/auth/me')).status).toBe(401);
    expect((await signInAttempt(env, leaving.email, PASSWORD)).status).toBe(401);

    // Both live conversations went back to the team, where its online colleague took them.
    for (const { conversation } of [inTeam, noTeam]) {
      expect(await getJson(env, clinic, `/conversations/${conversation.id}`)).toMatchObject({
        assignee: { id: colleague.id },
        team: { id: team.body.id },
      });
    }
    expect(await getJson(env, clinic, `/conversations/${closed.conversation.id}`)).toMatchObject({
      assignee: { id: leaving.id },
    });
    const teams = await getJson<{ data: Json[] }>(env, clinic, '/teams');
    expect(teams.data.find((t) => t.id === team.body.id)?.members).toEqual([
      { id: colleague.id, name: 'Agent Restant' },
    ]);
    // Nobody can give them a team again.
    const rejoin = await call(env, clinic, 'PUT', `/teams/${team.body.id}/members`, {
      user_ids: [leaving.id],
    });
    expect(rejoin.status).toBe(400);

    // Gone from the staff list the inbox assigns from; still listed on request, marked.
    expect(await staffIds(clinic)).not.toContain(leaving.id);
    const all = await getJson<{ data: Json[] }>(env, clinic, '/users?include_deactivated=true');
    expect(all.data.find((u) => u.id === leaving.id)).toMatchObject({ deactivated_at: expect.any(String) });
  });

  test('a reactivated member signs in with the new password only', async () => {
    const member = await addStaff(env, clinic, { name: 'Agent De Retour' });
    await call(env, clinic, 'PATCH', `/users/${member.id}`, { active: false });
    const early = await call(env, clinic, 'PATCH', `/users/${member.id}`, {
      password: 'nouveau mot de passe',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'body.password' })]);

    const back = await call(env, clinic, 'PATCH', `/users/${member.id}`, { active: true });
    expect(back.status).toBe(200);
    expect(back.body).not.toHaveProperty('deactivated_at');
    const generated = String(back.body.generated_password);
    expect(generated.length).toBeGreaterThanOrEqual(12);
    expect((await signInAttempt(env, member.email, PASSWORD)).status).toBe(401);
    await signIn(env, member.email, generated);
    expect(await staffIds(clinic)).toContain(member.id);

    // Already active: nothing changes, and the password stays.
    const again = await call(env, clinic, 'PATCH', `/users/${member.id}`, { active: true });
    expect(again.status).toBe(200);
    expect(again.body).not.toHaveProperty('generated_password');
    await signIn(env, member.email, generated);
  });

  test('a password set by an administrator ends the member’s sessions', async () => {
    const member = await addStaff(env, clinic, { name: 'Agent Oublieux' });
    const before = await signIn(env, member.email);
    const reset = await call(env, clinic, 'PATCH', `/users/${member.id}`, {
      password: 'un tout nouveau secret',
    });
    expect(reset.status).toBe(200);
    expect(reset.body).not.toHaveProperty('generated_password');
    expect((await before.call('GET', '/conversations')).status).toBe(401);
    await signIn(env, member.email, 'un tout nouveau secret');
  });
});
