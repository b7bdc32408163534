import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations } from '../../src/db-schema.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, newPhone, type PageJson, patientWrites } from './inbox-support.ts';

describe.each(TEST_ENGINES)('inbox: unread messages and waiting patients (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function messagesOf(conversationId: unknown): Promise<Json[]> {
    return (await getJson<PageJson>(env, clinic, `/conversations/${conversationId}/messages`)).data;
  }

  test('each patient message is unread and starts the wait; a reply ends the wait; reading clears unread', async () => {
    const phone = newPhone();
    const first = await patientWrites(env, clinic, phone, 'Bonjour');
    const id = first.conversation.id;
    expect(first.conversation).toMatchObject({ unread_count: 1, urgent: false });
    const [firstMessage] = await messagesOf(id);
    expect(first.conversation.waiting_since).toBe(firstMessage?.occurred_at);

    const second = await patientWrites(env, clinic, phone, 'Vous êtes là ?');
    expect(second.conversation.id).toBe(id);
    // Still waiting since the first unanswered message.
    expect(second.conversation).toMatchObject({
      unread_count: 2,
      waiting_since: first.conversation.waiting_since,
    });

    const reply = await call(env, clinic, 'POST', `/conversations/${id}/messages`, {
      type: 'text',
      text: 'Oui !',
    });
    expect(reply.status).toBe(202);
    const answered = await getJson(env, clinic, `/conversations/${id}`);
    expect(answered).toMatchObject({ unread_count: 2, waiting_since: null });

    const third = await patientWrites(env, clinic, phone, 'Merci, et pour demain ?');
    // WhatsApp stamps messages to the second: find it by its id, not by its place in the timeline.
    const latest = (await messagesOf(id)).find((m) => m.external_id === third.wamid);
    expect(third.conversation).toMatchObject({ unread_count: 3, waiting_since: latest?.occurred_at });

    const read = await call(env, clinic, 'POST', `/conversations/${id}/read`);
    expect(read.status).toBe(202);
    expect(read.body.receipt_queued).toBe(true);
    const afterRead = await getJson(env, clinic, `/conversations/${id}`);
    expect(afterRead).toMatchObject({ unread_count: 0, waiting_since: latest?.occurred_at });
    const list = await getJson<PageJson>(env, clinic, '/conversations');
    expect(list.data.find((c) => c.id === id)).toMatchObject({ unread_count: 0 });
  });

  test('a reply refused because the window closed does not end the wait', async () => {
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour, des nouvelles ?');
    const id = String(conversation.id);
    const dayAndAHourAgo = new Date(Date.now() - 25 * 3_600_000);
    await env.handle.db
      .update(conversations)
      .set({ lastInboundAt: dayAndAHourAgo, waitingSince: dayAndAHourAgo })
      .where(eq(conversations.id, id));

    const refused = await call(env, clinic, 'POST', `/conversations/${id}/messages`, {
      type: 'text',
      text: 'Désolé',
    });
    expect(refused.status).toBe(422);
    const after = await getJson(env, clinic, `/conversations/${id}`);
    expect(after.waiting_since).toBe(dayAndAHourAgo.toISOString());
    expect(after.window).toEqual({
      policy: 'templates',
      open: false,
      closes_at: new Date(dayAndAHourAgo.getTime() + 24 * 3_600_000).toISOString(),
      human_reply_until: null,
      allows: 'templates',
    });
  });

  test('a patient who writes after the conversation was closed gets a new conversation', async () => {
    const phone = newPhone();
    const { conversation } = await patientWrites(env, clinic, phone, 'Première demande');
    const closed = await call(env, clinic, 'POST', `/conversations/${conversation.id}/status`, {
      status: 'closed',
    });
    expect(closed.status).toBe(200);

    const again = await patientWrites(env, clinic, phone, 'Nouvelle demande');
    expect(again.conversation.id).not.toBe(conversation.id);
    expect(again.conversation).toMatchObject({ status: 'open', unread_count: 1, closed_at: null });
    const old = await getJson(env, clinic, `/conversations/${conversation.id}`);
    expect(old).toMatchObject({ status: 'closed', unread_count: 1 });
  });
});
