import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectLiveEvents, type LiveEvent } from '../../src/platform/events/live-events-client.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, type Json, newPhone, type PageJson, patientWrites } from './inbox-support.ts';
import { type SignedInBrowser, signIn } from './settings-support.ts';

/**
 * What each role sees of the same conversations: medical notes only for those allowed them, and, when
 * the clinic keeps agents to their teams, only their teams' conversations, in lists, on opening, in
 * search and on the live stream.
 */
describe.each(TEST_ENGINES)('roles see what their role allows (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let agent: SignedInBrowser;
  let clinician: SignedInBrowser;
  let supervisor: SignedInBrowser;
  let dermatology: string;
  let paediatrics: string;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Centre médical du Parc');
    const members = {
      agent: await addStaff(env, clinic, { name: 'Anna Accueil', role: 'agent', online: false }),
      clinician: await addStaff(env, clinic, { name: 'Dr Claire Martin', role: 'clinician', online: false }),
      supervisor: await addStaff(env, clinic, { name: 'Sophie Cheffe', role: 'supervisor', online: false }),
    };
    agent = await signIn(env, members.agent.email);
    clinician = await signIn(env, members.clinician.email);
    supervisor = await signIn(env, members.supervisor.email);
    dermatology = await newTeam('Dermatologie', [members.agent.id]);
    paediatrics = await newTeam('Pédiatrie', []);
  });
  afterAll(async () => {
    await env?.close();
  });

  async function newTeam(name: string, userIds: string[]): Promise<string> {
    const team = await call(env, clinic, 'POST', '/teams', { name });
    expect(team.status).toBe(201);
    const id = String(team.body.id);
    expect((await call(env, clinic, 'PUT', `/teams/${id}/members`, { user_ids: userIds })).status).toBe(200);
    return id;
  }

  async function conversationOfTeam(text: string, teamId: string): Promise<string> {
    const { conversation } = await patientWrites(env, clinic, newPhone(), text);
    const id = String(conversation.id);
    expect((await call(env, clinic, 'POST', `/conversations/${id}/assign`, { team_id: teamId })).status).toBe(
      200,
    );
    return id;
  }

  const texts = (page: Json) => (page as unknown as PageJson).data.map((m) => m.text);
  const ids = (page: Json) => (page as unknown as PageJson).data.map((m) => m.id);

  test('a medical note and intake answers are hidden from the front desk, shown to a clinician', async () => {
    const id = await conversationOfTeam('Bonjour, j’ai des plaques rouges sur les bras', dermatology);
    const notes = [
      { text: 'Antécédents : eczéma atopique, sous dermocorticoïdes', medical: true },
      { text: 'Rappeler la patiente après 14 h', medical: false },
    ];
    for (const note of notes) {
      expect((await call(env, clinic, 'POST', `/conversations/${id}/notes`, note)).status).toBe(201);
    }

    const seenByAgent = await agent.call('GET', `/conversations/${id}/messages`);
    expect(seenByAgent.status).toBe(200);
    expect(texts(seenByAgent.body)).toEqual([
      'Rappeler la patiente après 14 h',
      'Bonjour, j’ai des plaques rouges sur les bras',
    ]);
    const seenByClinician = await clinician.call('GET', `/conversations/${id}/messages`);
    expect(texts(seenByClinician.body)).toContain('Antécédents : eczéma atopique, sous dermocorticoïdes');
    const medical = (seenByClinician.body as unknown as PageJson).data.find((m) => m.medical === true);
    expect(medical?.direction).toBe('note');

    const agentSearch = await agent.call('GET', '/search?q=eczema');
    expect(agentSearch.body.messages).toEqual([]);
    const clinicianSearch = await clinician.call('GET', '/search?q=eczema');
    expect(clinicianSearch.body.messages).toHaveLength(1);
  });

  test('kept to their teams, an agent lists, opens, searches and streams only their teams’ conversations', async () => {
    const theirs = await conversationOfTeam(
      'Je voudrais décaler mon rendez-vous de dermatologie',
      dermatology,
    );
    const other = await conversationOfTeam('Ma fille a une otite, rendez-vous possible ?', paediatrics);
    const listed = async (browser: SignedInBrowser) =>
      ids((await browser.call('GET', '/conversations?limit=100')).body);
    expect(await listed(agent)).toEqual(expect.arrayContaining([theirs, other]));

    expect(
      (await agent.call('PATCH', '/access-settings', { agents_see_only_their_teams: true })).status,
    ).toBe(403);
    const turnedOn = await call(env, clinic, 'PATCH', '/access-settings', {
      agents_see_only_their_teams: true,
    });
    expect(turnedOn.body).toEqual({ agents_see_only_their_teams: true });

    expect(await listed(agent)).toContain(theirs);
    expect(await listed(agent)).not.toContain(other);
    expect(await listed(supervisor)).toEqual(expect.arrayContaining([theirs, other]));
    expect((await agent.call('GET', `/conversations/${other}`)).status).toBe(404);
    expect((await agent.call('GET', `/conversations/${other}/messages`)).status).toBe(404);
    expect((await agent.call('POST', `/conversations/${other}/notes`, { text: 'vu' })).status).toBe(404);
    expect((await agent.call('GET', `/conversations/${theirs}`)).status).toBe(200);
    const counts = await agent.call('GET', '/conversations/counts');
    const everyone = await supervisor.call('GET', '/conversations/counts');
    expect(Number(counts.body.all)).toBeLessThan(Number(everyone.body.all));
    expect((await agent.call('GET', '/search?q=otite')).body.messages).toEqual([]);
    expect((await supervisor.call('GET', '/search?q=otite')).body.messages).toHaveLength(1);

    const stream = await connectLiveEvents(env.url, { cookie: agent.cookie });
    try {
      expect(stream.status).toBe(200);
      await call(env, clinic, 'POST', `/conversations/${other}/notes`, { text: 'Pédiatre prévenu' });
      await call(env, clinic, 'POST', `/conversations/${theirs}/notes`, { text: 'Dermatologue prévenu' });
      const seen: LiveEvent[] = [];
      for (;;) {
        const event = await stream.next(5000);
        if (!event) throw new Error('the agent’s team’s event did not arrive');
        seen.push(event);
        if (event.data.conversationId === theirs) break;
      }
      expect(seen.filter((e) => e.data.conversationId === other)).toEqual([]);
    } finally {
      stream.close();
      await call(env, clinic, 'PATCH', '/access-settings', { agents_see_only_their_teams: false });
    }
  });
});
