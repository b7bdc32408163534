import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations, messages } from '../../src/db-schema.ts';
import { insertChannelAccount } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import { sealChannelSecrets } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import { BUILT_IN_TEAMS } from '../../src/modules/flows/library/built-in-teams.ts';
import { createTeam } from '../../src/modules/teams/team.service.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, getJson, type Json, type PageJson } from './inbox-support.ts';
import { type SignedInBrowser, signIn } from './settings-support.ts';

const PAGE_ID = '104000000000042';
const PAGE_TOKEN = `EAAG${randomBytes(12).toString('hex')}`;
const APP_SECRET = `app-${randomBytes(8).toString('hex')}`;
const HOUR_MS = 3_600_000;

/**
 * Messenger's rule after its 24-hour window, end to end over real HTTP: a patient writes to the Page
 * through the simulator's Messenger Platform stand-in (which enforces Meta's window: 10/2018278 outside
 * it), the conversation's last message is moved back, and then a signed-in agent's reply goes tagged
 * `HUMAN_AGENT` while anything automated — an API key's message, a flow — is refused naming the rule;
 * 7 days after the patient's last message nothing goes, not even a person's reply.
 */
describe.each(TEST_ENGINES)('Messenger after 24 hours: a person’s reply only, for 7 days (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let agent: SignedInBrowser;
  const person = { key: 'psid-window', name: 'Léa Martin' };

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Cabinet du Marché');
    for (const name of Object.values(BUILT_IN_TEAMS))
      await createTeam(env.handle.db, clinic.org.id, { name, assignmentMode: 'round_robin' });
    await installBuiltInFlows(env.handle.db, clinic.org.id);
    await insertChannelAccount(env.handle.db, {
      orgId: clinic.org.id,
      type: 'messenger',
      name: 'Cabinet du Marché (Facebook)',
      externalId: PAGE_ID,
      settings: { graphUrl: env.simulator.url, apiVersion: 'v25.0' },
      secrets: await sealChannelSecrets(env.handle.db, env.careline.keyring, clinic.org.id, {
        pageAccessToken: PAGE_TOKEN,
        appSecret: APP_SECRET,
        verifyToken: 'verify-window',
      }),
    });
    env.simulator.simulator.messenger.registerAccount({
      app: 'messenger',
      accountId: PAGE_ID,
      name: 'Cabinet du Marché',
      accessToken: PAGE_TOKEN,
      appSecret: APP_SECRET,
      webhookUrl: `${env.url}/webhooks/messenger`,
    });
    const staff = await addStaff(env, clinic, { name: 'Inès Agent' });
    agent = await signIn(env, staff.email);
  });
  afterAll(async () => {
    await env?.close();
  });

  const sends = () => env.simulator.simulator.messenger.sends(PAGE_ID);
  const sentSaying = (text: string) =>
    sends().find((m) => (m.request as { message?: { text?: string } }).message?.text === text);

  /** The patient writes on Messenger; resolves with their conversation once Careline stored the message. */
  async function patientWrites(text: string): Promise<Json> {
    const { mid } = await env.simulator.simulator.messenger.patientActs(
      PAGE_ID,
      { person, action: { type: 'text', text } },
      env.simulator.url,
    );
    const conversationId = await eventually(async () => {
      const [row] = await env.handle.db
        .select({ id: messages.conversationId })
        .from(messages)
        .where(eq(messages.externalId, String(mid)));
      return row?.id;
    });
    return getJson(env, clinic, `/conversations/${conversationId}`);
  }

  /**
   * As if the patient's last message had been written `hours` earlier: in Careline's conversation and in
   * what Meta (the stand-in) knows of the person, so both sides judge the same window.
   */
  async function movePatientsLastMessageBack(conversationId: string, hours: number): Promise<void> {
    await env.handle.db
      .update(conversations)
      .set({ lastInboundAt: sql`${conversations.lastInboundAt} - make_interval(hours => ${hours})` })
      .where(eq(conversations.id, conversationId));
    const user = env.simulator.simulator.messenger.userOf(PAGE_ID, person.key);
    if (!user?.lastInboundAt) throw new Error('the stand-in does not know the patient');
    user.lastInboundAt = new Date(user.lastInboundAt.getTime() - hours * HOUR_MS);
  }

  async function timelineMessage(conversationId: string, find: (m: Json) => boolean): Promise<Json> {
    return eventually(async () => {
      const timeline = await getJson<PageJson>(env, clinic, `/conversations/${conversationId}/messages`);
      return timeline.data.find(find);
    });
  }

  test('after 30 hours the agent’s reply is delivered tagged HUMAN_AGENT; an API key’s message and a flow’s are refused', async () => {
    const conversation = await patientWrites('Bonjour, avez-vous reçu mes résultats ?');
    const id = String(conversation.id);
    expect(conversation.window).toMatchObject({ policy: 'human_agent_tag', open: true, allows: 'anything' });
    // The welcome menu goes out within the window, untagged.
    await eventually(async () => sends().find((m) => (m.request as Json).messaging_type === 'RESPONSE'));
    await env.settle();

    await movePatientsLastMessageBack(id, 30);
    const lastInbound = Date.parse(
      String((await getJson(env, clinic, `/conversations/${id}`)).last_inbound_at),
    );
    expect((await getJson(env, clinic, `/conversations/${id}`)).window).toEqual({
      policy: 'human_agent_tag',
      open: false,
      closes_at: new Date(lastInbound + 24 * HOUR_MS).toISOString(),
      human_reply_until: new Date(lastInbound + 7 * 24 * HOUR_MS).toISOString(),
      allows: 'person_reply',
    });

    const reply = await agent.call('POST', `/conversations/${id}/messages`, {
      type: 'text',
      text: 'Oui, ils sont normaux. Bonne journée !',
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ status: 'queued', author: { name: 'Inès Agent' } });
    const tagged = await eventually(async () => sentSaying('Oui, ils sont normaux. Bonne journée !'));
    expect(tagged.request).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    const delivered = await timelineMessage(
      id,
      (m) => m.id === reply.body.id && (m.status === 'delivered' || m.status === 'read'),
    );
    expect(delivered.external_id).toBe(tagged.mid);

    const before = sends().length;
    const automated = await call(env, clinic, 'POST', `/conversations/${id}/messages`, {
      type: 'text',
      text: 'Message automatique : vos résultats sont disponibles.',
    });
    expect(automated.status).toBe(422);
    expect(automated.body).toMatchObject({
      failure_reason: 'window_closed',
      message: { status: 'refused', author: null },
    });
    expect(String(automated.body.detail)).toMatch(
      /^The 24-hour window closed at .+: on Messenger only a person’s reply can be sent now \(tagged HUMAN_AGENT, until .+\), nothing automated\.$/,
    );
    expect(String(automated.body.detail)).not.toContain('template');

    const started = await call(env, clinic, 'POST', `/conversations/${id}/automation`, {
      flow_key: 'faq_menu',
    });
    expect(started.status).toBe(201);
    const flowMessage = await timelineMessage(id, (m) => m.automated === true && m.status === 'refused');
    expect(flowMessage).toMatchObject({
      failure_reason: 'window_closed',
      error: { title: expect.stringContaining('only a person’s reply can be sent now') },
    });
    await env.settle();
    expect(sends().length, 'nothing automated reached Meta').toBe(before);
  });

  test('8 days after the patient’s last message the agent’s reply is refused too, and nothing reaches Meta', async () => {
    const list = await getJson<PageJson>(env, clinic, '/conversations');
    const id = String(list.data.find((c) => c.channel === 'messenger')?.id);
    await movePatientsLastMessageBack(id, 8 * 24 - 30);
    expect((await getJson(env, clinic, `/conversations/${id}`)).window).toMatchObject({
      policy: 'human_agent_tag',
      open: false,
      allows: 'nothing',
    });
    const before = sends().length;
    const late = await agent.call('POST', `/conversations/${id}/messages`, {
      type: 'text',
      text: 'Pardon pour le délai, je reviens vers vous.',
    });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ failure_reason: 'window_closed', message: { status: 'refused' } });
    expect(String(late.body.detail)).toMatch(
      /^The patient last wrote more than 7 days ago, at .+: on Messenger nothing can be sent until they write again/,
    );
    await env.settle();
    expect(sends().length).toBe(before);

    // The patient writes again: the window is open for anything, untagged.
    await patientWrites('Vous êtes là ?');
    const again = await agent.call('POST', `/conversations/${id}/messages`, { type: 'text', text: 'Oui !' });
    expect(again.status).toBe(202);
    const sent = await eventually(async () => sentSaying('Oui !'));
    expect(sent.request).toMatchObject({ messaging_type: 'RESPONSE' });
    expect(sent.request).not.toHaveProperty('tag');
  });
});
