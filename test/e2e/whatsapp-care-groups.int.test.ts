import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { events } from '../../src/db-schema.ts';
import { forgetCareGroupAccess } from '../../src/modules/care-groups/care-group.service.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';

interface Json {
  [key: string]: unknown;
}

const ANNE = '+33611000001';
const BRUNO = '+33611000002';

/**
 * WhatsApp care groups end to end: Careline over HTTP, the simulator playing Meta's Groups API over
 * HTTP (Graph endpoints, signed webhooks, the participants' side through its /_sim control API).
 */
describe.each(TEST_ENGINES)('WhatsApp care groups (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  let groupId: string;
  let inviteLink: string;

  beforeAll(async () => {
    forgetCareGroupAccess();
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Maison de santé des Lilas');
    other = await env.addClinic('Cabinet Voltaire');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function call(apiKey: string, path: string, init: { method?: string; body?: unknown } = {}) {
    const response = await env.api(apiKey, `/api/v1${path}`, init);
    return { status: response.status, json: (await response.json()) as Json };
  }

  async function sim(path: string, body: unknown): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${env.simulator.url}/_sim${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  async function group(apiKey: string, id: string): Promise<Json> {
    return (await call(apiKey, `/care-groups/${id}`)).json;
  }

  test('a care group is created on the number and becomes active with its invite link', async () => {
    const created = await call(clinic.apiKey, '/care-groups', {
      method: 'POST',
      body: {
        channel_account_id: clinic.account.id,
        subject: 'Diabète — atelier de mars',
        description: 'Questions entre deux séances',
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('creating');
    groupId = String(created.json.id);

    const active = await eventually(async () => {
      const g = await group(clinic.apiKey, groupId);
      return g.status === 'active' ? g : undefined;
    });
    inviteLink = String(active.invite_link);
    expect(inviteLink).toMatch(/^https:\/\/chat\.whatsapp\.com\/\S+$/);
    // Meta's request: the subject and description as given, on the clinic's number.
    const metaGroup = env.simulator.simulator.groups.groupsOf(clinic.number.phoneNumberId)[0];
    expect(metaGroup?.subject).toBe('Diabète — atelier de mars');
    expect(metaGroup?.inviteLink).toBe(inviteLink);

    const list = await call(clinic.apiKey, '/care-groups');
    expect((list.json.data as Json[]).map((g) => g.subject)).toEqual(['Diabète — atelier de mars']);
    expect(list.json.availability).toEqual([
      expect.objectContaining({ channel_account_id: clinic.account.id, available: true, reason: null }),
    ]);
  });

  test('two patients join by the link; a participant’s message reaches the group’s timeline with their name', async () => {
    expect((await sim('/group-joins', { inviteLink, from: ANNE, name: 'Anne' })).status).toBe(200);
    expect((await sim('/group-joins', { inviteLink, from: BRUNO, name: 'Bruno' })).status).toBe(200);
    const joined = await eventually(async () => {
      const g = await group(clinic.apiKey, groupId);
      return (g.participants as Json[]).length === 2 ? g : undefined;
    });
    expect((joined.participants as Json[]).map((p) => p.wa_id).sort()).toEqual([
      '33611000001',
      '33611000002',
    ]);

    const metaGroupId = env.simulator.simulator.groups.groupsOf(clinic.number.phoneNumberId)[0]?.id;
    const said = await sim(`/groups/${encodeURIComponent(String(metaGroupId))}/messages`, {
      from: ANNE,
      text: 'Ma glycémie était à 1,8 ce matin, est-ce normal ?',
    });
    expect(said.status).toBe(200);
    const timeline = await eventually(async () => {
      const page = await call(clinic.apiKey, `/care-groups/${groupId}/messages`);
      const data = page.json.data as Json[];
      return data.length > 0 ? data : undefined;
    });
    expect(timeline[0]).toMatchObject({
      direction: 'inbound',
      text: 'Ma glycémie était à 1,8 ce matin, est-ce normal ?',
    });
    const withName = await group(clinic.apiKey, groupId);
    const anne = (withName.participants as Json[]).find((p) => p.id === timeline[0]?.participant_id);
    expect(anne?.name).toBe('Anne');
    // A group message is not a one-to-one conversation: the inbox stays empty.
    const conversations = await call(clinic.apiKey, '/conversations');
    expect(conversations.json.data).toEqual([]);
  });

  test('the agent’s text and template go to the group; interactive messages are refused', async () => {
    const text = await call(clinic.apiKey, `/care-groups/${groupId}/messages`, {
      method: 'POST',
      body: { type: 'text', text: 'Bonjour à tous, l’infirmière répond cet après-midi.' },
    });
    expect(text.status).toBe(201);
    expect(text.json.status).toBe('sent');
    const template = await call(clinic.apiKey, `/care-groups/${groupId}/messages`, {
      method: 'POST',
      body: { type: 'template', name: 'atelier_rappel', language: 'fr', parameters: ['jeudi'] },
    });
    expect(template.status).toBe(201);

    const sends = env.simulator.simulator
      .sends(clinic.number.phoneNumberId)
      .map((s) => s.request as Json)
      .filter((r) => r.recipient_type === 'group');
    const metaGroupId = env.simulator.simulator.groups.groupsOf(clinic.number.phoneNumberId)[0]?.id;
    expect(sends).toEqual([
      expect.objectContaining({
        to: metaGroupId,
        type: 'text',
        text: expect.objectContaining({ body: 'Bonjour à tous, l’infirmière répond cet après-midi.' }),
      }),
      expect.objectContaining({
        to: metaGroupId,
        type: 'template',
        template: expect.objectContaining({ name: 'atelier_rappel' }),
      }),
    ]);
    // Meta's `delivered` status for the group message reaches the timeline.
    await eventually(async () => {
      const data = (await call(clinic.apiKey, `/care-groups/${groupId}/messages`)).json.data as Json[];
      return data.find((m) => m.id === text.json.id)?.status === 'delivered' ? true : undefined;
    });

    const interactive = await call(clinic.apiKey, `/care-groups/${groupId}/messages`, {
      method: 'POST',
      body: { type: 'buttons', text: 'Venez-vous ?', buttons: [{ id: 'oui', title: 'Oui' }] },
    });
    expect(interactive.status).toBe(422);
    expect(interactive.json.errors).toEqual([expect.objectContaining({ field: 'body.type' })]);
    const empty = await call(clinic.apiKey, `/care-groups/${groupId}/messages`, {
      method: 'POST',
      body: { type: 'text', text: '  ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.json.errors).toEqual([expect.objectContaining({ field: 'body.text' })]);
  });

  test('a participant’s emergency is flagged and put on the live feed, for the staff’s alert, without the words', async () => {
    const metaGroupId = env.simulator.simulator.groups.groupsOf(clinic.number.phoneNumberId)[0]?.id;
    const said = await sim(`/groups/${encodeURIComponent(String(metaGroupId))}/messages`, {
      from: BRUNO,
      text: 'J’ai une douleur dans la poitrine qui serre depuis une heure',
    });
    expect(said.status).toBe(200);
    const flagged = await eventually(async () => {
      const data = (await call(clinic.apiKey, `/care-groups/${groupId}/messages`)).json.data as Json[];
      return data.find((m) => String(m.text).includes('poitrine'));
    });
    expect(flagged.red_flag).toBe('chest_pain');
    const published = await env.handle.db
      .select({ type: events.type, payload: events.payload, orgId: events.orgId })
      .from(events)
      .where(eq(events.type, 'care_group.message'));
    const alert = published.find((e) => (e.payload as Json).messageId === flagged.id);
    expect(alert).toMatchObject({
      orgId: clinic.org.id,
      payload: { careGroupId: groupId, direction: 'inbound', redFlag: 'chest_pain' },
    });
    expect(JSON.stringify(published)).not.toContain('poitrine');

    // The group gets the emergency advice, addressed to him, once: a second alarm within the half hour
    // adds nothing to what the group already has.
    const advice = () =>
      env.simulator.simulator
        .sends(clinic.number.phoneNumberId)
        .map((s) => s.request as Json)
        .filter((r) => r.recipient_type === 'group' && JSON.stringify(r.text ?? '').includes('urgence'));
    await eventually(async () => (advice().length > 0 ? true : undefined));
    expect(advice()).toEqual([
      expect.objectContaining({
        to: metaGroupId,
        type: 'text',
        text: expect.objectContaining({
          body: expect.stringMatching(
            /^Bruno, ce que vous décrivez peut être une urgence\. Appelez le 15 maintenant \(ou le 112\)\./,
          ),
        }),
      }),
    ]);
    await sim(`/groups/${encodeURIComponent(String(metaGroupId))}/messages`, {
      from: BRUNO,
      text: 'Ça serre encore plus fort dans la poitrine',
    });
    await eventually(async () => {
      const data = (await call(clinic.apiKey, `/care-groups/${groupId}/messages`)).json.data as Json[];
      return data.some((m) => String(m.text).includes('encore plus fort')) ? true : undefined;
    });
    await env.settle();
    expect(advice()).toHaveLength(1);
  });

  test('a ninth participant is refused: Meta’s limit is 8', async () => {
    for (let n = 3; n <= 8; n += 1) {
      expect((await sim('/group-joins', { inviteLink, from: `+3361100000${n}` })).status).toBe(200);
    }
    const ninth = await sim('/group-joins', { inviteLink, from: '+33611000009' });
    expect(ninth.status).toBe(409);
    expect(JSON.stringify(ninth.json)).toContain('8 participants');
    const full = await eventually(async () => {
      const g = await group(clinic.apiKey, groupId);
      return (g.participants as Json[]).length === 8 ? g : undefined;
    });
    expect(full.max_participants).toBe(8);
  });

  test('131208: too many group operations is told to the agent, not retried', async () => {
    await fetch(`${env.simulator.url}/_sim/numbers/${clinic.number.phoneNumberId}/group-operation-limit`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ max: 0, windowSeconds: 60 }),
    });
    const before = env.simulator.simulator.groups.groupsOf(clinic.number.phoneNumberId).length;
    const refused = await call(clinic.apiKey, '/care-groups', {
      method: 'POST',
      body: { channel_account_id: clinic.account.id, subject: 'Deuxième groupe' },
    });
    expect(refused.status).toBe(429);
    expect(String(refused.json.detail)).toContain('131208');
    expect(env.simulator.simulator.groups.groupsOf(clinic.number.phoneNumberId)).toHaveLength(before);
    // Nothing is stored for a refused creation, and nothing queued to try again.
    expect(((await call(clinic.apiKey, '/care-groups')).json.data as Json[]).length).toBe(1);
    await fetch(`${env.simulator.url}/_sim/numbers/${clinic.number.phoneNumberId}/group-operation-limit`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ max: 60, windowSeconds: 60 }),
    });
  });

  test('a number without Groups access is shown unavailable with WhatsApp’s reason', async () => {
    const put = await fetch(`${env.simulator.url}/_sim/numbers/${other.number.phoneNumberId}/groups-access`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowed: false }),
    });
    expect(put.status).toBe(200);
    const list = await call(other.apiKey, '/care-groups');
    expect(list.status).toBe(200);
    expect(list.json.availability).toEqual([
      expect.objectContaining({
        channel_account_id: other.account.id,
        available: false,
        reason: expect.stringContaining('Official Business Account'),
      }),
    ]);
    const refused = await call(other.apiKey, '/care-groups', {
      method: 'POST',
      body: { channel_account_id: other.account.id, subject: 'Asthme' },
    });
    expect(refused.status).toBe(409);
    expect(String(refused.json.detail)).toContain('cannot use WhatsApp groups');
  });

  test('each clinic sees only its own groups', async () => {
    expect((await call(other.apiKey, '/care-groups')).json.data).toEqual([]);
    expect((await call(other.apiKey, `/care-groups/${groupId}`)).status).toBe(404);
    expect((await call(other.apiKey, `/care-groups/${groupId}/messages`)).status).toBe(404);
    const post = await call(other.apiKey, `/care-groups/${groupId}/messages`, {
      method: 'POST',
      body: { type: 'text', text: 'Intrusion' },
    });
    expect(post.status).toBe(404);
    // Nor create a group on another clinic's number.
    const foreign = await call(other.apiKey, '/care-groups', {
      method: 'POST',
      body: { channel_account_id: clinic.account.id, subject: 'Pas chez nous' },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors).toEqual([expect.objectContaining({ field: 'body.channel_account_id' })]);
  });
});
