import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations, flowSessions, messages } from '../../src/db-schema.ts';
import type { PatientMessage } from '../../src/simulator/patient-message.ts';
import { eventually, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { startChatClinic } from './chat-clinic-support.ts';
import { addStaff, call, getJson, type Json, newPhone, type PageJson } from './inbox-support.ts';

/** A patient's message of any kind, without the sender (the test fills it in). */
type PatientSaid = PatientMessage extends infer M
  ? M extends unknown
    ? Omit<M, 'from' | 'phoneNumberId'>
    : never
  : never;

/**
 * The safety net, played by patients on the simulator: every message is screened before anything
 * answers it, in any state of the conversation, and an urgent conversation comes first for the team.
 */
describe.each(TEST_ENGINES)('the safety net under every patient message (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    ({ env, clinic } = await startChatClinic(engine, 'Centre médical des Tilleuls'));
  });
  afterAll(async () => {
    await env?.close();
  });

  /** What the patient's phone received from the clinic, in order. */
  function received(phone: string, of: TestClinic = clinic): Array<{ type: string; text: string }> {
    return env.simulator.simulator
      .sends(of.number.phoneNumberId)
      .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''))
      .map((s) => {
        const message = env.simulator.simulator.message(s.wamid ?? '');
        return { type: message?.type ?? '', text: message?.text ?? JSON.stringify(s.request) };
      });
  }

  async function phoneHas(phone: string, count: number, of: TestClinic = clinic) {
    return eventually(async () => {
      const all = received(phone, of);
      return all.length >= count ? all : undefined;
    }, 10_000).catch((error: unknown) => {
      throw new Error(
        `${String(error)}; the phone has: ${received(phone, of)
          .map((r) => r.text)
          .join(' | ')}`,
      );
    });
  }

  async function sends(phone: string, message: PatientSaid, of = clinic) {
    const sent = await env.simulator.simulator.patientSends({
      ...message,
      phoneNumberId: of.number.phoneNumberId,
      from: phone,
      name: 'Paul Girard',
    } as PatientMessage);
    expect(sent.httpStatus).toBe(200);
    await env.settle();
    return sent.wamid;
  }

  const writes = (phone: string, text: string, of = clinic) => sends(phone, { type: 'text', text }, of);

  async function conversationOf(wamid: string, of = clinic): Promise<Json> {
    const [row] = await env.handle.db
      .select({ conversationId: messages.conversationId })
      .from(messages)
      .where(eq(messages.externalId, wamid));
    if (!row) throw new Error(`message ${wamid} not stored`);
    return getJson(env, of, `/conversations/${row.conversationId}`);
  }

  async function notesOf(conversationId: unknown, of = clinic): Promise<string[]> {
    const timeline = await getJson<PageJson>(env, of, `/conversations/${String(conversationId)}/messages`);
    return timeline.data.filter((m) => m.direction === 'note').map((m) => String(m.text));
  }

  test('an emergency as the very first message gets the advice, not the welcome menu, and a person', async () => {
    const phone = newPhone();
    const wamid = await writes(phone, "je n'arrive plus à respirer depuis 10 minutes");
    const phoneSays = await phoneHas(phone, 1);
    expect(phoneSays).toHaveLength(1);
    expect(phoneSays[0]?.text).toMatch(/Appelez le 15 maintenant \(ou le 112\)/);
    expect(phoneSays[0]?.text).not.toMatch(/Bienvenue/);

    const conversation = await conversationOf(wamid);
    expect(conversation.urgent).toBe(true);
    expect(conversation.urgent_since).not.toBeNull();
    expect(conversation.red_flag).toMatchObject({ category: 'breathing_difficulty' });
    expect(String((conversation.red_flag as Json).words)).toMatch(/respirer/);
    expect(conversation.status).toBe('open');
    const notes = await notesOf(conversation.id);
    expect(notes.join('\n')).toMatch(/difficulté à respirer.*«\s.*respirer.*\s»/s);

    // Writing again: no bot answers « Je n'ai pas compris », no menu starts.
    await writes(phone, '...aidez-moi svp');
    expect(received(phone)).toHaveLength(1);
  });

  test('inside the welcome menu, the emergency stops the flow and the advice goes out at once', async () => {
    const phone = newPhone();
    await writes(phone, 'Bonjour');
    const before = (await phoneHas(phone, 2)).length;
    const wamid = await writes(phone, 'mon mari a une douleur dans la poitrine qui serre');
    const after = await phoneHas(phone, before + 1);
    expect(after.slice(before).map((m) => m.text)).toEqual([expect.stringMatching(/Appelez le 15/)]);
    const conversation = await conversationOf(wamid);
    const [session] = await env.handle.db
      .select()
      .from(flowSessions)
      .where(eq(flowSessions.conversationId, String(conversation.id)));
    expect(session).toMatchObject({ status: 'handed_off', reason: 'red_flag' });
    expect(conversation.urgent).toBe(true);
  });

  // Each built-in flow, waiting for the patient's answer at its first question, meets an emergency
  // (my_appointment asks nothing of a patient without an appointment: it ends at once).
  test.each(['faq_menu', 'symptom_intake', 'non_urgent_question', 'booking', 'csat'])(
    'inside the built-in flow %s, an emergency hands the patient to a person with the advice',
    async (flowKey) => {
      const phone = newPhone();
      const first = await writes(phone, 'Bonjour');
      const conversation = await conversationOf(first);
      const started = await call(
        env,
        clinic,
        'POST',
        `/conversations/${String(conversation.id)}/automation`,
        {
          flow_key: flowKey,
        },
      );
      expect(started.status).toBe(201);
      await env.settle();
      const sessionOf = async (id: unknown) =>
        (
          await env.handle.db
            .select()
            .from(flowSessions)
            .where(eq(flowSessions.id, String(id)))
        )[0];
      expect((await sessionOf(started.body.session_id))?.status).toBe('running');
      const before = received(phone).length;

      await writes(phone, 'ma fille a avalé toute la boîte de doliprane');
      const after = await phoneHas(phone, before + 1);
      expect(after.slice(before).map((m) => m.text)).toEqual([
        expect.stringMatching(/Appelez le 15 maintenant/),
      ]);
      expect(await sessionOf(started.body.session_id)).toMatchObject({
        status: 'handed_off',
        reason: 'red_flag',
      });
      expect((await conversationOf(first)).urgent).toBe(true);
    },
  );

  test('after an agent replied, the patient still gets the advice and the conversation turns urgent', async () => {
    const phone = newPhone();
    const first = await writes(phone, 'Bonjour');
    await phoneHas(phone, 2);
    const conversation = await conversationOf(first);
    const reply = await call(env, clinic, 'POST', `/conversations/${String(conversation.id)}/messages`, {
      type: 'text',
      text: 'Bonjour, je regarde votre dossier.',
    });
    expect(reply.status).toBe(202);
    await phoneHas(phone, 3);
    await writes(phone, "j'ai une douleur dans la poitrine qui serre");
    const all = await phoneHas(phone, 4);
    expect(all[3]?.text).toMatch(/Appelez le 15/);
    const after = await getJson(env, clinic, `/conversations/${String(conversation.id)}`);
    expect(after.urgent).toBe(true);
    expect((await notesOf(conversation.id)).join('\n')).toMatch(/Le patient a reçu les consignes d’urgence/);
  });

  test('a clinic that keeps staff-handled patients without advice: the person is alerted, no advice', async () => {
    const other = await env.addClinic('Cabinet du Parc');
    const settings = await call(env, other, 'PUT', '/safety-settings', {
      emergency_numbers: { emergency: '999' },
      advise_when_staff_handles: false,
    });
    expect(settings.status).toBe(200);
    const phone = newPhone();
    const first = await writes(phone, 'Bonjour', other);
    const conversation = await conversationOf(first, other);
    await call(env, other, 'POST', `/conversations/${String(conversation.id)}/messages`, {
      type: 'text',
      text: 'Bonjour !',
    });
    await phoneHas(phone, 1, other);
    await writes(phone, 'I want to kill myself', other);
    expect(received(phone, other)).toHaveLength(1);
    const after = await getJson(env, other, `/conversations/${String(conversation.id)}`);
    expect(after.urgent_since).not.toBeNull();
    expect((await notesOf(conversation.id, other)).join('\n')).toMatch(/ne lui ont pas été envoyées/);

    // Automation has a new patient: the clinic's own number is the one given.
    const stranger = newPhone();
    await writes(stranger, "I can't breathe", other);
    expect((await phoneHas(stranger, 1, other))[0]?.text).toMatch(/999/);
  });

  test('a patient writing again after the conversation closed is screened in the new one', async () => {
    const phone = newPhone();
    const first = await writes(phone, 'Bonjour');
    await phoneHas(phone, 2);
    const conversation = await conversationOf(first);
    await call(env, clinic, 'POST', `/conversations/${String(conversation.id)}/messages`, {
      type: 'text',
      text: 'Au revoir',
    });
    await call(env, clinic, 'POST', `/conversations/${String(conversation.id)}/status`, { status: 'closed' });
    const before = (await phoneHas(phone, 4)).length; // the satisfaction survey
    const wamid = await writes(phone, 'mon bébé de 6 semaines a 39 de fièvre');
    const reopened = await conversationOf(wamid);
    expect(reopened.id).not.toBe(conversation.id);
    expect(reopened.urgent).toBe(true);
    expect((await phoneHas(phone, before + 1)).at(-1)?.text).toMatch(/Appelez le 15/);
  });

  test("a tapped button's text counts as the patient's words", async () => {
    const phone = newPhone();
    const wamid = await sends(phone, { type: 'button', payload: 'x', text: 'Je saigne beaucoup' });
    expect((await conversationOf(wamid)).urgent).toBe(true);
    expect((await phoneHas(phone, 1))[0]?.text).toMatch(/Appelez le 15/);
  });

  test('a voice note automation cannot listen to gets an honest answer with the emergency number', async () => {
    const phone = newPhone();
    const wamid = await sends(phone, {
      type: 'audio',
      voice: true,
      bytes: new Uint8Array([79, 103, 103, 83, 0, 2, 0, 0]),
    });
    const [answer] = await phoneHas(phone, 1);
    expect(answer?.text).toMatch(/ne pouvons pas écouter les messages vocaux/);
    expect(answer?.text).toMatch(/appelez le 15 \(ou le 112\)/);
    const conversation = await conversationOf(wamid);
    expect((await notesOf(conversation.id)).join('\n')).toMatch(/Message vocal reçu/);
    expect(conversation.urgent).toBe(false);
  });

  test('urgent first: pinned at the top of every view, counted, acknowledged by a person, then reported', async () => {
    const clinicB = await env.addClinic('Clinique du Port');
    const calm = newPhone();
    const urgentPhone = newPhone();
    const urgentWamid = await writes(
      urgentPhone,
      "ma mère a la bouche de travers et n'arrive plus à parler",
      clinicB,
    );
    const calmWamid = await writes(calm, 'Bonjour, je voudrais un rendez-vous', clinicB);
    const urgent = await conversationOf(urgentWamid, clinicB);

    const counts = await getJson(env, clinicB, '/conversations/counts');
    expect(counts.urgent).toBe(1);
    const all = await getJson<PageJson>(env, clinicB, '/conversations?view=all');
    expect(all.data[0]?.id).toBe(urgent.id);
    expect(all.data).toHaveLength(2);
    const urgentView = await getJson<PageJson>(env, clinicB, '/conversations?view=urgent');
    expect(urgentView.data.map((c) => c.id)).toEqual([urgent.id]);

    const nurse = await addStaff(env, clinicB, { name: 'Inès Robert' });
    const ack = await env.api(
      clinicB.apiKey,
      `/api/v1/conversations/${String(urgent.id)}/acknowledge-urgent`,
      {
        method: 'POST',
      },
    );
    expect(ack.status).toBe(200);
    const acknowledged = (await ack.json()) as Json;
    expect(acknowledged.urgent).toBe(true);
    expect(acknowledged.urgent_since).toBeNull();
    expect((acknowledged.red_flag as Json).acknowledged_at).not.toBeNull();
    expect((await notesOf(urgent.id, clinicB)).join('\n')).toMatch(/Alerte prise en compte/);
    expect((await getJson(env, clinicB, '/conversations/counts')).urgent).toBe(0);
    // No longer pinned: the most recent activity comes first again.
    // (the desk answers the calm patient: a message stamped to the millisecond, after the advice)
    const calmConversation = await conversationOf(calmWamid, clinicB);
    await call(env, clinicB, 'POST', `/conversations/${String(calmConversation.id)}/messages`, {
      type: 'text',
      text: 'Bien sûr, quel jour vous arrange ?',
    });
    await env.settle();
    const listed = await getJson<PageJson>(env, clinicB, '/conversations?view=all');
    expect(listed.data.map((c) => c.id)).toEqual([calmConversation.id, urgent.id]);

    const report = await getJson(env, clinicB, '/red-flags/report');
    expect(report.total).toMatchObject({ count: 1, acknowledged: 1 });
    const stroke = (report.categories as Json[]).find((c) => c.category === 'stroke_signs');
    expect(stroke).toMatchObject({ count: 1, acknowledged: 1 });
    expect(typeof stroke?.p50_seconds_to_acknowledgement).toBe('number');
    const flags = await getJson<{ data: Json[] }>(env, clinicB, '/red-flags');
    expect(flags.data).toHaveLength(1);
    expect(flags.data[0]).toMatchObject({
      conversation_id: urgent.id,
      category: 'stroke_signs',
      handled_by: 'automation',
      advice_skipped_reason: null,
    });
    expect(flags.data[0]?.advice_message_id).toEqual(expect.any(String));
    // Another clinic sees none of it.
    expect(
      (await getJson<{ data: Json[] }>(env, clinic, '/red-flags')).data.map((r) => r.conversation_id),
    ).not.toContain(urgent.id);
    expect(nurse.id).toBeTruthy();
  });

  test('safety settings: administrators only, and a bad number is refused by name', async () => {
    const bad = await call(env, clinic, 'PUT', '/safety-settings', {
      emergency_numbers: { emergency: 'call 15' },
      advise_when_staff_handles: true,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/emergency_numbers\.emergency|emergency/);
    const current = await getJson(env, clinic, '/safety-settings');
    expect(current).toEqual({
      emergency_numbers: { emergency: '15', european: '112', suicide: '3114' },
      advise_when_staff_handles: true,
    });
    const rows = await env.handle.db
      .select()
      .from(conversations)
      .where(eq(conversations.orgId, clinic.org.id));
    expect(rows.length).toBeGreaterThan(0);
  });
});
