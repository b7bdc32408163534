import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jobs, messages } from '../../src/db-schema.ts';
import { pauseAutomation } from '../../src/modules/flows/automation-control.service.ts';
import { addNote } from '../../src/modules/inbox/note.service.ts';
import { submitReply } from '../../src/modules/outbox/agent-reply.service.ts';
import { whatsappSender } from '../../src/modules/outbox/whatsapp-sender.test-support.ts';
import { systemClock } from '../../src/platform/time/clock.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
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

describe.each(TEST_ENGINES)('inbox: internal notes and who wrote what (%s)', (engine) => {
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

  async function timeline(conversationId: unknown): Promise<Json[]> {
    return (await getJson<PageJson>(env, clinic, `/conversations/${conversationId}/messages`)).data;
  }

  test('a note is in the timeline with the rest, and never reaches the patient', async () => {
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour, j’ai mal au dos');
    const id = conversation.id;
    const reply = await call(env, clinic, 'POST', `/conversations/${id}/messages`, {
      type: 'text',
      text: 'Depuis quand ?',
    });
    expect(reply.status).toBe(202);
    await eventually(async () => ((await timeline(id))[0]?.status === 'read' ? true : undefined));
    const beforeNote = await getJson(env, clinic, `/conversations/${id}`);

    const posted = await call(env, clinic, 'POST', `/conversations/${id}/notes`, {
      text: '  Patient suivi par le Dr Martin, voir dossier  ',
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      conversation_id: id,
      direction: 'note',
      type: 'text',
      text: 'Patient suivi par le Dr Martin, voir dossier',
      status: 'received',
      author: null,
      external_id: null,
    });
    await env.settle();

    const messagesNow = await timeline(id);
    expect(messagesNow.map((m) => m.direction)).toEqual(['note', 'outbound', 'inbound']);
    // Meta got the reply and nothing else; no job was ever made for the note.
    const sends = env.simulator.simulator.sends(clinic.number.phoneNumberId);
    expect(sends.map((s) => JSON.stringify(s.request)).filter((r) => r.includes('Dr Martin'))).toEqual([]);
    expect(sends.filter((s) => JSON.stringify(s.request).includes('Depuis quand'))).toHaveLength(1);
    const allJobs = await env.handle.db.select({ payload: jobs.payload }).from(jobs);
    expect(allJobs.filter((j) => JSON.stringify(j.payload).includes(String(posted.body.id)))).toEqual([]);

    // A note is not patient-facing activity: the preview, the unread count and the wait are unchanged.
    const after = await getJson(env, clinic, `/conversations/${id}`);
    expect(after.last_message).toMatchObject({ direction: 'outbound', text: 'Depuis quand ?' });
    expect(after).toMatchObject({
      last_message_at: beforeNote.last_message_at,
      unread_count: 1,
      waiting_since: null,
    });
  });

  test('a note or a reply written by a signed-in agent names its author', async () => {
    const agent = await addStaff(env, clinic, { name: 'Inès Martin' });
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    const id = String(conversation.id);

    await addNote(env.handle.db, env.careline.keyring, {
      orgId: clinic.org.id,
      conversationId: id,
      text: 'Je m’en occupe',
      authorUserId: agent.id,
      apiKeyId: null,
      now: new Date(),
    });
    // What POST …/messages does for a signed-in agent (sessions are not wired into the tests yet).
    const submission = await submitReply(
      {
        db: env.handle.db,
        clock: systemClock,
        keyring: env.careline.keyring,
        senders: { whatsapp: whatsappSender({ graphUrl: '', apiVersion: 'v25.0' }) },
      },
      {
        orgId: clinic.org.id,
        conversationId: id,
        message: { type: 'text', text: 'Bonjour, je regarde votre dossier' },
        apiKeyId: null,
        authorUserId: agent.id,
      },
      pauseAutomation,
    );
    expect(submission).toMatchObject({ outcome: 'queued', message: { authorUserId: agent.id } });
    env.careline.worker.wake();

    const inesMartin = { id: agent.id, name: 'Inès Martin' };
    const list = await timeline(id);
    expect(list.find((m) => m.direction === 'note')).toMatchObject({
      text: 'Je m’en occupe',
      author: inesMartin,
    });
    expect(list.find((m) => m.direction === 'outbound')).toMatchObject({ author: inesMartin });
    expect(list.find((m) => m.direction === 'inbound')?.author).toBeNull();
    const summary = await getJson(env, clinic, `/conversations/${id}`);
    expect(summary.last_message).toMatchObject({ direction: 'outbound', author: inesMartin });
    await eventually(async () =>
      env.simulator.simulator
        .sends(clinic.number.phoneNumberId)
        .some((s) => JSON.stringify(s.request).includes('je regarde votre dossier'))
        ? true
        : undefined,
    );
  });

  test('notes are checked, and another clinic’s conversation is not found', async () => {
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    const empty = await call(env, clinic, 'POST', `/conversations/${conversation.id}/notes`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ field: 'body.text', message: 'must not be empty' }]);
    const tooLong = await call(env, clinic, 'POST', `/conversations/${conversation.id}/notes`, {
      text: 'x'.repeat(4097),
    });
    expect(tooLong.status).toBe(400);
    const foreign = await call(env, other, 'POST', `/conversations/${conversation.id}/notes`, {
      text: 'Coucou',
    });
    expect(foreign.status).toBe(404);
    const notes = await env.handle.db.select().from(messages).where(eq(messages.direction, 'note'));
    expect(notes.filter((n) => n.conversationId === conversation.id)).toEqual([]);
  });
});
