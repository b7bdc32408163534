import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channelAccounts, conversations, teams, users } from '../../src/db-schema.ts';
import { autoAssign } from '../../src/modules/inbox/auto-assign.service.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, getJson, type Json, newPhone, patientWrites } from './inbox-support.ts';

describe.each(TEST_ENGINES)('inbox: teams, staff and assignment (%s)', (engine) => {
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

  async function createTeam(name: string, mode: string, memberIds: string[]): Promise<Json> {
    const created = await call(env, clinic, 'POST', '/teams', { name, assignment_mode: mode });
    expect(created.status).toBe(201);
    const members = await call(env, clinic, 'PUT', `/teams/${created.body.id}/members`, {
      user_ids: memberIds,
    });
    expect(members.status).toBe(200);
    return members.body;
  }

  async function setDefaultTeam(teamId: string | null): Promise<void> {
    await env.handle.db
      .update(channelAccounts)
      .set({
        settings: teamId
          ? sql`${channelAccounts.settings} || ${JSON.stringify({ defaultTeamId: teamId })}::jsonb`
          : sql`${channelAccounts.settings} - 'defaultTeamId'`,
      })
      .where(eq(channelAccounts.id, clinic.account.id));
  }

  test('the staff list shows each person’s presence and workload, for this clinic only', async () => {
    const online = await addStaff(env, clinic, { name: 'Alice Roux', role: 'admin', capacity: 5 });
    const away = await addStaff(env, clinic, { name: 'Bruno Petit', online: false });
    await env.handle.db
      .update(users)
      .set({ lastSeenAt: new Date(Date.now() - 3 * 60_000) })
      .where(eq(users.id, away.id));
    const stranger = await addStaff(env, other, { name: 'Xavier Autre' });
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    await call(env, clinic, 'POST', `/conversations/${conversation.id}/assign`, { user_id: online.id });

    const { data } = await getJson<{ data: Json[] }>(env, clinic, '/users');
    expect(data.find((u) => u.id === online.id)).toEqual({
      id: online.id,
      name: 'Alice Roux',
      email: online.email,
      role: 'admin',
      online: true,
      last_seen_at: expect.any(String),
      open_conversations: 1,
      capacity: 5,
      two_factor_enabled: false,
    });
    expect(data.find((u) => u.id === away.id)).toMatchObject({
      online: false,
      open_conversations: 0,
      capacity: 10,
    });
    expect(data.some((u) => u.id === stranger.id)).toBe(false);
    expect(JSON.stringify(data)).not.toContain('password');
  });

  test('teams are created with a unique name and given members of the clinic’s staff', async () => {
    const nurse = await addStaff(env, clinic, { name: 'Chloé Infirmière' });
    const stranger = await addStaff(env, other, { name: 'Yves Autre' });
    const created = await call(env, clinic, 'POST', '/teams', {
      name: 'Infirmières',
      assignment_mode: 'least_open',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Infirmières', assignment_mode: 'least_open', members: [] });
    const duplicate = await call(env, clinic, 'POST', '/teams', { name: 'Infirmières' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'body.name' })]);
    const badMode = await call(env, clinic, 'POST', '/teams', { name: 'X', assignment_mode: 'random' });
    expect(badMode.status).toBe(400);
    expect(badMode.body.errors).toEqual([expect.objectContaining({ field: 'body.assignment_mode' })]);
    // Another clinic may use the same name.
    expect((await call(env, other, 'POST', '/teams', { name: 'Infirmières' })).status).toBe(201);

    const path = `/teams/${created.body.id}/members`;
    const foreignMember = await call(env, clinic, 'PUT', path, { user_ids: [nurse.id, stranger.id] });
    expect(foreignMember.status).toBe(400);
    expect(foreignMember.body.errors).toEqual([
      { field: 'body.user_ids.1', message: 'is not a member of this clinic’s staff' },
    ]);
    const set = await call(env, clinic, 'PUT', path, { user_ids: [nurse.id, nurse.id] });
    expect(set.status).toBe(200);
    expect(set.body.members).toEqual([{ id: nurse.id, name: 'Chloé Infirmière' }]);
    const { data } = await getJson<{ data: Json[] }>(env, clinic, '/teams');
    expect(data.find((t) => t.id === created.body.id)?.members).toEqual([
      { id: nurse.id, name: 'Chloé Infirmière' },
    ]);
    expect(data.filter((t) => t.name === 'Infirmières')).toHaveLength(1);

    const foreignTeam = await call(env, other, 'PUT', path, { user_ids: [] });
    expect(foreignTeam.status).toBe(404);
    const unknownTeam = await call(env, clinic, 'PUT', `/teams/${crypto.randomUUID()}/members`, {
      user_ids: [],
    });
    expect(unknownTeam.status).toBe(404);
  });

  test('a conversation is assigned by hand to the clinic’s own people and teams only', async () => {
    const agent = await addStaff(env, clinic, { name: 'Denis Accueil' });
    const stranger = await addStaff(env, other, { name: 'Zoé Autre' });
    const team = await createTeam('Accueil', 'manual', [agent.id]);
    const otherTeam = await call(env, other, 'POST', '/teams', { name: 'Accueil' });
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    const path = `/conversations/${conversation.id}/assign`;
    expect(conversation).toMatchObject({ assignee: null, team: null });

    const toAgent = await call(env, clinic, 'POST', path, { user_id: agent.id });
    expect(toAgent.status).toBe(200);
    expect(toAgent.body).toMatchObject({ assignee: { id: agent.id, name: 'Denis Accueil' }, team: null });
    const toTeam = await call(env, clinic, 'POST', path, { team_id: team.id });
    expect(toTeam.body).toMatchObject({ assignee: { id: agent.id }, team: { id: team.id, name: 'Accueil' } });
    const unassigned = await call(env, clinic, 'POST', path, { user_id: null });
    expect(unassigned.body).toMatchObject({ assignee: null, team: { id: team.id } });

    const foreignUser = await call(env, clinic, 'POST', path, { user_id: stranger.id });
    expect(foreignUser.status).toBe(400);
    expect(foreignUser.body.errors).toEqual([
      { field: 'body.user_id', message: 'is not a member of this clinic’s staff' },
    ]);
    const foreignTeam = await call(env, clinic, 'POST', path, { team_id: otherTeam.body.id });
    expect(foreignTeam.status).toBe(400);
    expect(foreignTeam.body.errors).toEqual([
      { field: 'body.team_id', message: 'is not a team of this clinic' },
    ]);
    const notAnId = await call(env, clinic, 'POST', path, { user_id: 'denis' });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.errors).toEqual([expect.objectContaining({ field: 'body.user_id' })]);
    const nothing = await call(env, clinic, 'POST', path, {});
    expect(nothing.status).toBe(400);
    const foreignConversation = await call(env, other, 'POST', path, { user_id: null });
    expect(foreignConversation.status).toBe(404);
    expect(await getJson(env, clinic, `/conversations/${conversation.id}`)).toMatchObject({
      assignee: null,
      team: { id: team.id },
    });
  });

  test('new conversations go to the number’s default team, in turn among online agents', async () => {
    const a = await addStaff(env, clinic, { name: 'Agent Un' });
    const b = await addStaff(env, clinic, { name: 'Agent Deux' });
    const away = await addStaff(env, clinic, { name: 'Agent Absent', online: false });
    const team = await createTeam('Standard', 'round_robin', [a.id, b.id, away.id]);
    const inTurn = [a.id, b.id].sort();
    await setDefaultTeam(String(team.id));
    try {
      const assignees: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        const { conversation } = await patientWrites(env, clinic, newPhone(), `Patient ${i}`);
        expect(conversation.team).toEqual({ id: team.id, name: 'Standard' });
        assignees.push((conversation.assignee as Json | null)?.id);
      }
      expect(assignees).toEqual([inTurn[0], inTurn[1], inTurn[0]]);
      const [row] = await env.handle.db
        .select()
        .from(teams)
        .where(eq(teams.id, String(team.id)));
      expect(row?.lastAssignedUserId).toBe(inTurn[0]);
    } finally {
      await setDefaultTeam(null);
    }
  });

  test('a default team nobody can take leaves the conversation unassigned in that team', async () => {
    const away = await addStaff(env, clinic, { name: 'Agent Parti', online: false });
    const full = await addStaff(env, clinic, { name: 'Agent Débordé', capacity: 0 });
    const team = await createTeam('Nuit', 'least_open', [away.id, full.id]);
    const manual = await createTeam('Secrétariat', 'manual', [full.id]);
    await setDefaultTeam(String(team.id));
    try {
      const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonsoir');
      expect(conversation).toMatchObject({ team: { id: team.id }, assignee: null });
      await setDefaultTeam(String(manual.id));
      const second = await patientWrites(env, clinic, newPhone(), 'Bonsoir');
      expect(second.conversation).toMatchObject({ team: { id: manual.id }, assignee: null });
      // A default team of another clinic is ignored.
      const foreign = await call(env, other, 'POST', '/teams', { name: 'Étrangère' });
      await setDefaultTeam(String(foreign.body.id));
      const third = await patientWrites(env, clinic, newPhone(), 'Bonsoir');
      expect(third.conversation).toMatchObject({ team: null, assignee: null });
    } finally {
      await setDefaultTeam(null);
    }
  });

  test('least open goes to the online agent with the fewest open conversations', async () => {
    const busy = await addStaff(env, clinic, { name: 'Agent Occupé' });
    const free = await addStaff(env, clinic, { name: 'Agent Libre' });
    const team = await createTeam('Pharmacie', 'least_open', [busy.id, free.id]);
    for (let i = 0; i < 2; i++) {
      const { conversation } = await patientWrites(env, clinic, newPhone(), 'Ordonnance');
      await call(env, clinic, 'POST', `/conversations/${conversation.id}/assign`, { user_id: busy.id });
    }
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Ordonnance');
    await call(env, clinic, 'POST', `/conversations/${conversation.id}/assign`, { team_id: team.id });
    expect(await autoAssign(env.handle.db, String(conversation.id), new Date())).toBe(free.id);
    expect(await getJson(env, clinic, `/conversations/${conversation.id}`)).toMatchObject({
      assignee: { id: free.id, name: 'Agent Libre' },
    });
    // Already assigned: nothing changes.
    expect(await autoAssign(env.handle.db, String(conversation.id), new Date())).toBe(free.id);
  });

  test('conversations assigned at the same moment go to different agents', async () => {
    const agents = [];
    for (const name of ['Alpha', 'Bêta', 'Gamma', 'Delta'])
      agents.push(await addStaff(env, clinic, { name }));
    const team = await createTeam(
      'Urgences',
      'round_robin',
      agents.map((a) => a.id),
    );
    const ids: string[] = [];
    for (const _agent of agents) {
      const { conversation } = await patientWrites(env, clinic, newPhone(), 'Urgent');
      ids.push(String(conversation.id));
      await env.handle.db
        .update(conversations)
        .set({ teamId: String(team.id) })
        .where(eq(conversations.id, String(conversation.id)));
    }
    const picked = await Promise.all(ids.map((id) => autoAssign(env.handle.db, id, new Date())));
    expect(new Set(picked)).toEqual(new Set(agents.map((a) => a.id)));
  });
});
