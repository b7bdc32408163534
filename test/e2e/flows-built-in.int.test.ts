import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations, csatResponses, flowSessions, jobs } from '../../src/db-schema.ts';
import { findSession } from '../../src/modules/flows/flow.repository.ts';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import { CSAT_COMMENT_PURPOSE } from '../../src/modules/flows/flow-effects.ts';
import { flowsQueue } from '../../src/modules/flows/flow-queue.ts';
import { sealFlowStatesStep } from '../../src/modules/flows/flow-state-seal-step.ts';
import { BUILT_IN_TEAMS } from '../../src/modules/flows/library/built-in-teams.ts';
import { createTeam } from '../../src/modules/teams/team.service.ts';
import { rowsOf } from '../../src/platform/db/raw-rows.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, newPhone } from './inbox-support.ts';

interface Received {
  wamid: string;
  type: string;
  text: string;
  request: Json;
}

describe.each(TEST_ENGINES)('the built-in flows, played by a patient on the simulator (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  const teamIds = new Map<string, string>();

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Maison de santé des Lilas');
    for (const name of Object.values(BUILT_IN_TEAMS)) {
      teamIds.set(
        name,
        (await createTeam(env.handle.db, clinic.org.id, { name, assignmentMode: 'round_robin' })).id,
      );
    }
    expect(await installBuiltInFlows(env.handle.db, clinic.org.id)).toEqual(
      expect.arrayContaining(['faq_menu', 'symptom_intake', 'non_urgent_question', 'csat']),
    );
  });
  afterAll(async () => {
    await env?.close();
  });

  function received(phone: string): Received[] {
    return env.simulator.simulator
      .sends(clinic.number.phoneNumberId)
      .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''))
      .map((s) => {
        const message = env.simulator.simulator.message(s.wamid ?? '');
        return {
          wamid: s.wamid ?? '',
          type: message?.type ?? '',
          text: message?.text ?? '',
          request: s.request as Json,
        };
      });
  }

  /** Waits for the phone to hold at least `count` messages from the clinic. */
  async function phoneHas(phone: string, count: number): Promise<Received[]> {
    return eventually(async () => {
      const all = received(phone);
      return all.length >= count ? all : undefined;
    }, 10_000).catch((error: unknown) => {
      throw new Error(
        `${String(error)}; the phone has: ${received(phone)
          .map((r) => r.text)
          .join(' | ')}`,
      );
    });
  }

  async function writes(phone: string, text: string): Promise<void> {
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      text,
      name: 'Chloé Martin',
    });
    expect(sent.httpStatus).toBe(200);
  }

  async function conversationOf(phone: string): Promise<typeof conversations.$inferSelect> {
    const contacts = await getJson<{ data: Json[] }>(
      env,
      clinic,
      `/contacts?phone=${encodeURIComponent(phone)}`,
    );
    const rows = await env.handle.db
      .select()
      .from(conversations)
      .where(eq(conversations.orgId, clinic.org.id));
    const row = rows.filter((r) => r.contactId === contacts.data[0]?.id).at(-1);
    if (!row) throw new Error(`no conversation for ${phone}`);
    return row;
  }

  test('a new conversation opens on the menu; the FAQ answers, by number and by title without accents', async () => {
    const phone = newPhone();
    await writes(phone, 'Bonjour');
    const [welcome, menu] = await phoneHas(phone, 2);
    expect(welcome?.text).toContain('Bienvenue chez Maison de santé des Lilas');
    expect(menu?.type).toBe('interactive');
    expect(JSON.stringify(menu?.request)).toContain('Questions fréquentes');

    await writes(phone, '2');
    const faq = (await phoneHas(phone, 3))[2];
    expect(JSON.stringify(faq?.request)).toContain('Documents à apporter');

    await writes(phone, 'documents a apporter');
    const answer = (await phoneHas(phone, 4))[3];
    expect(answer?.text).toMatch(/carte Vitale|pièce d’identité|ordonnance/i);
  });

  test('"j’ai une douleur dans la poitrine" stops the intake at once: emergency advice, urgent, a person', async () => {
    const phone = newPhone();
    await writes(phone, 'Je suis malade');
    const before = (await phoneHas(phone, 2)).length;
    await writes(phone, 'j’ai une douleur dans la poitrine');
    const after = await eventually(async () => {
      const all = received(phone);
      return all.some((r) => /Appelez le 15 maintenant/.test(r.text)) ? all : undefined;
    }, 10_000);
    const advice = after.slice(before).find((r) => /Appelez le 15 maintenant/.test(r.text));
    expect(advice?.text).toMatch(/112/);
    await env.settle();

    const conversation = await conversationOf(phone);
    expect(conversation.urgent).toBe(true);
    const [session] = await env.handle.db
      .select()
      .from(flowSessions)
      .where(eq(flowSessions.conversationId, conversation.id));
    expect(session?.status).toBe('handed_off');
    expect(session?.reason).toBe('red_flag');
    // No further intake question after the advice: the bot stopped.
    expect(
      received(phone)
        .slice(before)
        .some((r) => /depuis quand/i.test(r.text)),
    ).toBe(false);
    const timeline = await getJson<{ data: Json[] }>(
      env,
      clinic,
      `/conversations/${conversation.id}/messages`,
    );
    expect(
      timeline.data.some((m) => m.direction === 'note' && String(m.text).includes('douleur thoracique')),
    ).toBe(true);
    const listed = await getJson<Json>(env, clinic, `/conversations/${conversation.id}`);
    expect(listed.urgent).toBe(true);
  });

  test('an intake without red flag routes a child to paediatrics with the summary as a note', async () => {
    const phone = newPhone();
    await writes(phone, 'consultation');
    await phoneHas(phone, 2);
    const answers = ['de la fièvre et de la toux', 'depuis 2 jours', '4', '6', 'doliprane'];
    for (const [index, answer] of answers.entries()) {
      const count = received(phone).length;
      await writes(phone, answer);
      await phoneHas(phone, count + 1);
      if (index === answers.length - 1) await env.settle();
    }
    await env.settle();
    const conversation = await conversationOf(phone);
    expect(conversation.teamId).toBe(teamIds.get(BUILT_IN_TEAMS.paediatrics));
    expect(conversation.urgent).toBe(false);
    const timeline = await getJson<{ data: Json[] }>(
      env,
      clinic,
      `/conversations/${conversation.id}/messages`,
    );
    const note = timeline.data.find((m) => m.direction === 'note');
    for (const answer of answers) expect(String(note?.text)).toContain(answer);

    // What a DBA sees of the intake: the state sealed with the patient's key, no answer in clear.
    const rows = rowsOf(
      await env.handle.db.execute(
        sql`select id, state, state_sealed from flow_sessions where conversation_id = ${conversation.id}`,
      ),
    ) as Array<{ id: string; state: unknown; state_sealed: string | null }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.state).toBeNull();
      expect(row.state_sealed).toMatch(/^cl1\./);
      // (The numeric answers, one digit, could turn up in any base64 text.)
      for (const answer of answers.filter((a) => a.length > 3))
        expect(row.state_sealed).not.toContain(answer);
    }
    // Careline itself still reads the answers.
    const states = await Promise.all(
      rows.map((row) => findSession(env.handle.db, env.careline.keyring, clinic.org.id, row.id)),
    );
    expect(JSON.stringify(states.map((s) => s?.state))).toContain('doliprane');
  });

  test('a patient erased mid-intake (key destroyed): the session ends, nothing fails, no step replays', async () => {
    const phone = newPhone();
    await writes(phone, 'consultation');
    await phoneHas(phone, 2);
    await writes(phone, 'une entorse à la cheville');
    const asked = await phoneHas(phone, 3);
    await env.settle();
    const conversation = await conversationOf(phone);
    await env.careline.keyring.destroyPatientKey(env.handle.db, clinic.org.id, conversation.contactId);
    env.careline.keyring.clearCache();

    expect((await call(env, clinic, 'GET', `/conversations/${conversation.id}`)).status).toBe(200);
    await writes(phone, 'depuis hier');
    await env.settle();
    const [session] = await env.handle.db
      .select({ status: flowSessions.status, reason: flowSessions.reason })
      .from(flowSessions)
      .where(eq(flowSessions.conversationId, conversation.id));
    expect(session).toEqual({ status: 'failed', reason: 'state_unreadable' });
    const failed = await env.handle.db
      .select({ lastError: jobs.lastError })
      .from(jobs)
      .where(and(eq(jobs.queue, flowsQueue.name), ne(jobs.status, 'done'), isNotNull(jobs.lastError)));
    expect(failed).toEqual([]);
    // The intake's next question is not asked again as if it started over.
    expect(
      received(phone)
        .slice(asked.length)
        .map((r) => r.text),
    ).not.toContain(asked[2]?.text);
    expect((await call(env, clinic, 'GET', `/conversations/${conversation.id}`)).status).toBe(200);
  });

  test('a session state stored in plain by an older Careline is sealed in place and still read', async () => {
    const phone = newPhone();
    await writes(phone, 'consultation');
    await phoneHas(phone, 2);
    await env.settle();
    const conversation = await conversationOf(phone);
    const [live] = await env.handle.db
      .select({ id: flowSessions.id })
      .from(flowSessions)
      .where(eq(flowSessions.conversationId, conversation.id));
    const id = String(live?.id);
    const plain = await findSession(env.handle.db, env.careline.keyring, clinic.org.id, id);
    const old = { ...plain?.state, vars: { ...plain?.state?.vars, motif: 'sciatique gauche' } };
    // As the version before sealing wrote it: the state as plain jsonb.
    await env.handle.db.execute(
      sql`update flow_sessions set state = ${JSON.stringify(old)}::jsonb, state_sealed = null where id = ${id}::uuid`,
    );
    expect((await findSession(env.handle.db, env.careline.keyring, clinic.org.id, id))?.state).toEqual(old);

    expect(await sealFlowStatesStep.run(env.handle.db, env.careline.keyring, { batchSize: 10 })).toBe(1);
    expect(await sealFlowStatesStep.run(env.handle.db, env.careline.keyring, { batchSize: 10 })).toBe(0);
    const [row] = rowsOf(
      await env.handle.db.execute(sql`select state, state_sealed from flow_sessions where id = ${id}::uuid`),
    ) as Array<{ state: unknown; state_sealed: string }>;
    expect(row?.state).toBeNull();
    expect(row?.state_sealed).toMatch(/^cl1\./);
    expect(row?.state_sealed).not.toContain('sciatique');
    expect((await findSession(env.handle.db, env.careline.keyring, clinic.org.id, id))?.state).toEqual(old);
    // The flow goes on from where the old state left it.
    const count = received(phone).length;
    await writes(phone, 'de la fièvre');
    await phoneHas(phone, count + 1);
    expect(received(phone).at(-1)?.text).toMatch(/depuis quand/i);
  });

  test('closing a conversation asks for a rating; the answer is stored and counted', async () => {
    const phone = newPhone();
    await writes(phone, 'Bonjour');
    await phoneHas(phone, 2);
    const conversation = await conversationOf(phone);
    // A person answers (the menu pauses), then closes the conversation.
    await call(env, clinic, 'POST', `/conversations/${conversation.id}/messages`, {
      type: 'text',
      text: 'Voilà, c’est fait.',
    });
    await phoneHas(phone, 3);
    expect(
      (await call(env, clinic, 'POST', `/conversations/${conversation.id}/status`, { status: 'closed' }))
        .status,
    ).toBe(200);
    const survey = (await phoneHas(phone, 4))[3];
    expect(survey?.type).toBe('interactive');

    const before = await getJson<Json>(env, clinic, '/csat');
    await writes(phone, '4');
    await phoneHas(phone, 5);
    await writes(phone, 'Très bien reçue, merci');
    await phoneHas(phone, 6);
    await env.settle();
    const after = await getJson<{ count: number; distribution: Record<string, number> }>(
      env,
      clinic,
      '/csat',
    );
    expect(after.count).toBe(Number(before.count) + 1);
    expect(after.distribution['4']).toBe(Number((before.distribution as Json)['4']) + 1);
    // The rating is the closed conversation's; the one the answer opened holds nothing left to do.
    const [response] = await env.handle.db
      .select()
      .from(csatResponses)
      .where(eq(csatResponses.contactId, conversation.contactId));
    expect(response).toMatchObject({ conversationId: conversation.id, rating: 4 });
    // The comment is kept sealed with the patient's key.
    expect(response?.comment).not.toContain('merci');
    const opener = await env.careline.keyring.opener(env.handle.db, clinic.org.id, [response?.comment]);
    expect(opener.open(response?.comment, CSAT_COMMENT_PURPOSE)).toBe('Très bien reçue, merci');
    const answered = await conversationOf(phone);
    expect(answered.id).not.toBe(conversation.id);
    expect(answered.status).toBe('closed');
  });
});
