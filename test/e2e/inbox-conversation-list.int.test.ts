import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { automationOf } from '../../src/modules/flows/automation-control.service.ts';
import { countOpenConversations } from '../../src/modules/inbox/conversation.repository.ts';
import { listConversations } from '../../src/modules/inbox/inbox.service.ts';
import { latestOpenRedFlags } from '../../src/modules/safety/conversation-red-flags.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import {
  addStaff,
  call,
  getJson,
  type Json,
  newPhone,
  type PageJson,
  patientWrites,
} from './inbox-support.ts';

describe.each(TEST_ENGINES)('inbox: the agents’ conversation list (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  let agentId: string;
  /** Five conversations: two assigned to the agent (one of them closed), one to a team, two unassigned. */
  const ids: Record<'mine' | 'mineClosed' | 'team' | 'free' | 'pending', string> = {
    mine: '',
    mineClosed: '',
    team: '',
    free: '',
    pending: '',
  };

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
    const agent = await addStaff(env, clinic, { name: 'Inès Martin' });
    agentId = agent.id;
    const team = await call(env, clinic, 'POST', '/teams', { name: 'Accueil', assignment_mode: 'manual' });
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      const { conversation } = await patientWrites(
        env,
        clinic,
        newPhone(),
        `Bonjour (${key})`,
        `Patient ${key}`,
      );
      ids[key] = String(conversation.id);
    }
    await call(env, clinic, 'POST', `/conversations/${ids.mine}/assign`, { user_id: agentId });
    await call(env, clinic, 'POST', `/conversations/${ids.mineClosed}/assign`, { user_id: agentId });
    await call(env, clinic, 'POST', `/conversations/${ids.mineClosed}/status`, { status: 'closed' });
    await call(env, clinic, 'POST', `/conversations/${ids.team}/assign`, { team_id: team.body.id });
    await call(env, clinic, 'POST', `/conversations/${ids.pending}/status`, { status: 'pending' });
    await call(env, clinic, 'POST', `/conversations/${ids.free}/read`);
    await patientWrites(env, other, newPhone(), 'Bonjour Pasteur');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function listed(query: string): Promise<string[]> {
    return (await getJson<PageJson>(env, clinic, `/conversations${query}`)).data.map((c) => String(c.id));
  }

  test('each item carries what the inbox shows, besides the fields integrations already use', async () => {
    const page = await getJson<PageJson>(env, clinic, '/conversations');
    const mine = page.data.find((c) => c.id === ids.mine) as Json;
    const lastInbound = Date.parse(String(mine.last_inbound_at));
    expect(mine).toMatchObject({
      id: ids.mine,
      contact_id: expect.any(String),
      channel_account_id: clinic.account.id,
      status: 'open',
      last_message_at: expect.any(String),
      created_at: expect.any(String),
      closed_at: null,
      channel: 'whatsapp',
      contact: { id: mine.contact_id, display_name: 'Patient mine', phone: expect.stringMatching(/^\+336/) },
      assignee: { id: agentId, name: 'Inès Martin' },
      team: null,
      unread_count: 1,
      waiting_since: mine.last_inbound_at,
      urgent: false,
      window: { open: true, closes_at: new Date(lastInbound + 24 * 3_600_000).toISOString() },
      last_message: { direction: 'inbound', text: 'Bonjour (mine)', author: null },
    });
    expect(page.data.find((c) => c.id === ids.team)).toMatchObject({
      assignee: null,
      team: { name: 'Accueil' },
    });
    expect(page.data.find((c) => c.id === ids.free)).toMatchObject({ unread_count: 0 });
  });

  test('views, status and channel filter the list', async () => {
    expect(new Set(await listed(''))).toEqual(new Set(Object.values(ids)));
    expect(new Set(await listed('?view=all'))).toEqual(new Set(Object.values(ids)));
    expect(new Set(await listed('?view=unassigned'))).toEqual(new Set([ids.team, ids.free, ids.pending]));
    expect(new Set(await listed('?view=unassigned&status=open'))).toEqual(new Set([ids.team, ids.free]));
    expect(await listed('?status=closed')).toEqual([ids.mineClosed]);
    expect(await listed('?status=pending')).toEqual([ids.pending]);
    expect((await listed('?channel=whatsapp')).length).toBe(5);
    expect(await listed('?channel=telegram')).toEqual([]);

    // "Mine" is the signed-in user's: what the route asks the service for a user.
    const mine = await listConversations(
      env.handle.db,
      clinic.org.id,
      { assignee: { userId: agentId }, status: 'open', limit: 25 },
      {
        now: new Date(),
        keyring: env.careline.keyring,
        windowPolicyOf: () => ({ kind: 'session', hours: 24, after: 'templates' }),
        redFlagsOf: latestOpenRedFlags,
        automationOf,
      },
    );
    expect(mine.data.map((c) => c.id)).toEqual([ids.mine]);
  });

  test('"mine" needs a person: an API key gets a 400 naming query.view', async () => {
    const response = await call(env, clinic, 'GET', '/conversations?view=mine');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'query.view' })]);
    const unknown = await call(env, clinic, 'GET', '/conversations?view=everything');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'query.view' })]);
    const badChannel = await call(env, clinic, 'GET', '/conversations?channel=fax');
    expect(badChannel.body.errors).toEqual([expect.objectContaining({ field: 'query.channel' })]);
  });

  test('filtered lists page with the cursor, without overlap', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: PageJson = await getJson<PageJson>(
        env,
        clinic,
        `/conversations?view=unassigned&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.data.length).toBeLessThanOrEqual(1);
      seen.push(...page.data.map((c) => String(c.id)));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen)).toEqual(new Set([ids.team, ids.free, ids.pending]));
  });

  test('counts: open conversations per view and unread messages, for this clinic only', async () => {
    const counts = await getJson(env, clinic, '/conversations/counts');
    // Open only: the closed and the pending ones are not counted; "mine" is null for an API key.
    expect(counts).toEqual({ mine: null, unassigned: 2, all: 3, unread: 2, urgent: 0 });
    expect(await countOpenConversations(env.handle.db, clinic.org.id, agentId)).toEqual({
      mine: 1,
      unassigned: 2,
      all: 3,
      unread: 2,
      urgent: 0,
    });
    expect(await getJson(env, other, '/conversations/counts')).toEqual({
      mine: null,
      unassigned: 1,
      all: 1,
      unread: 1,
      urgent: 0,
    });
  });

  test('another clinic’s conversation is not found', async () => {
    expect((await call(env, other, 'GET', `/conversations/${ids.mine}`)).status).toBe(404);
    expect((await call(env, other, 'POST', `/conversations/${ids.mine}/read`)).status).toBe(404);
    expect((await getJson<PageJson>(env, other, '/conversations')).data.map((c) => c.id)).not.toContain(
      ids.mine,
    );
  });

  test('a clinic with two numbers sees each number’s conversations and counts apart', async () => {
    const pharmacy = await env.addNumber(clinic, '+33180000099');
    const { conversation } = await patientWrites(env, pharmacy, newPhone(), 'Mon ordonnance est prête ?');
    const pharmacyId = String(conversation.id);

    expect(await listed(`?channel_account_id=${pharmacy.account.id}`)).toEqual([pharmacyId]);
    const first = await listed(`?channel_account_id=${clinic.account.id}`);
    expect(new Set(first)).toEqual(new Set(Object.values(ids)));
    expect(await listed('')).toContain(pharmacyId);

    expect(
      await getJson(env, clinic, `/conversations/counts?channel_account_id=${pharmacy.account.id}`),
    ).toEqual({
      mine: null,
      unassigned: 1,
      all: 1,
      unread: 1,
      urgent: 0,
    });
    expect(
      await getJson(env, clinic, `/conversations/counts?channel_account_id=${clinic.account.id}`),
    ).toEqual({
      mine: null,
      unassigned: 2,
      all: 3,
      unread: 2,
      urgent: 0,
    });
    expect(await getJson(env, clinic, '/conversations/counts')).toMatchObject({ all: 4, unread: 3 });

    // Another clinic's number filters to nothing; a malformed id is named.
    expect(await listed(`?channel_account_id=${other.account.id}`)).toEqual([]);
    const bad = await call(env, clinic, 'GET', '/conversations?channel_account_id=pharmacie');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'query.channel_account_id' })]);
  });
});
