import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations, flowSessions, messages } from '../../src/db-schema.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, newPhone } from './inbox-support.ts';

/** A small reception flow: a menu of three buttons, an answer, a hand-off, a question with a re-prompt. */
const RECEPTION = {
  key: 'accueil',
  version: 1,
  name: { fr: 'Accueil', en: 'Reception' },
  start: 'menu',
  steps: {
    menu: {
      type: 'menu',
      prompt: {
        fr: 'Bonjour {{contact.firstName}} ! Que souhaitez-vous ?',
        en: 'Hello {{contact.firstName}}! What would you like?',
      },
      options: [
        { id: 'hours', title: { fr: 'Horaires', en: 'Opening hours' }, next: 'hours' },
        { id: 'age', title: { fr: 'Mon âge', en: 'My age' }, next: 'ask_age' },
        { id: 'human', title: { fr: 'Un humain', en: 'A person' }, next: 'human' },
      ],
    },
    hours: {
      type: 'send',
      message: { type: 'text', text: { fr: 'Ouvert de 9 h à 18 h.', en: 'Open 9am to 6pm.' } },
    },
    ask_age: {
      type: 'ask',
      kind: 'number',
      prompt: { fr: 'Quel âge avez-vous ?', en: 'How old are you?' },
      min: 0,
      max: 120,
      saveAs: 'age',
      maxAttempts: 2,
      next: 'thanks',
      failure: 'human',
    },
    thanks: {
      type: 'send',
      message: {
        type: 'text',
        text: { fr: 'Merci, noté : {{answers.age}} ans.', en: 'Thanks: {{answers.age}}.' },
      },
    },
    human: {
      type: 'handoff',
      reason: 'asked_for_human',
      note: 'Le patient veut parler à quelqu’un',
      urgent: false,
    },
  },
};

describe.each(TEST_ENGINES)('automation flows through the simulator (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    const created = await call(env, clinic, 'POST', '/flows', {
      key: 'accueil',
      definition: RECEPTION,
      triggers: [{ kind: 'keyword', match: 'exact', words: { fr: ['menu', 'accueil'], en: ['menu'] } }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });
  afterAll(async () => {
    await env?.close();
  });

  /** What the patient's phone received from the clinic, in order. */
  async function phoneReceived(
    phone: string,
    count: number,
  ): Promise<Array<{ wamid: string; type: string; text: string; request: Json }>> {
    return eventually(async () => {
      const sent = env.simulator.simulator
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
      return sent.length >= count ? sent : undefined;
    }, 10_000).catch((error: unknown) => {
      const texts = env.simulator.simulator
        .sends(clinic.number.phoneNumberId)
        .map((s) => JSON.stringify(s.request).slice(0, 300));
      throw new Error(`${String(error)}; sent so far: ${texts.join('\n')}`);
    });
  }

  async function writes(phone: string, text: string, name = 'Marie Curie'): Promise<void> {
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      text,
      name,
    });
    expect(sent.httpStatus).toBe(200);
  }

  test('a keyword starts the flow; a tapped button leads to its answer; the flow ends', async () => {
    const phone = newPhone();
    await writes(phone, 'Menu');
    const [menu] = await phoneReceived(phone, 1);
    expect(menu?.type).toBe('interactive');
    expect(menu?.text).toBe('Bonjour Marie ! Que souhaitez-vous ?');

    const tapped = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      type: 'button_reply',
      replyTo: menu?.wamid ?? '',
      id: 'hours',
      title: 'Horaires',
    });
    expect(tapped.httpStatus).toBe(200);
    const received = await phoneReceived(phone, 2);
    expect(received[1]?.text).toBe('Ouvert de 9 h à 18 h.');
    await env.settle();
    const [session] = await env.handle.db
      .select()
      .from(flowSessions)
      .where(eq(flowSessions.orgId, clinic.org.id));
    expect(session?.status).toBe('completed');
  });

  test('a typed answer is checked, re-asked once, then accepted; the bot’s messages are marked as automation', async () => {
    const phone = newPhone();
    await writes(phone, 'accueil');
    await phoneReceived(phone, 1);
    await writes(phone, '2');
    expect((await phoneReceived(phone, 2))[1]?.text).toBe('Quel âge avez-vous ?');
    await writes(phone, 'vieux');
    expect((await phoneReceived(phone, 3))[2]?.text).toMatch(/nombre/i);
    await writes(phone, '42');
    expect((await phoneReceived(phone, 4))[3]?.text).toBe('Merci, noté : 42 ans.');

    await env.settle();
    const conversationId = await conversationOf(phone);
    const page = await getJson<{ data: Json[] }>(env, clinic, `/conversations/${conversationId}/messages`);
    const outbound = page.data.filter((m) => m.direction === 'outbound');
    expect(outbound).toHaveLength(4);
    const stored = await env.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'outbound')));
    expect(stored.every((m) => m.sentByFlowSessionId !== null)).toBe(true);
  });

  test('two messages in a burst are answered in the order the patient wrote them', async () => {
    const phone = newPhone();
    await writes(phone, 'menu');
    await phoneReceived(phone, 1);
    // "2" then "35" arrive together: the second answers the question the first one opened.
    await writes(phone, '2');
    await writes(phone, '35');
    const received = await phoneReceived(phone, 3);
    expect(received.map((r) => r.text).slice(1)).toEqual(['Quel âge avez-vous ?', 'Merci, noté : 35 ans.']);
  });

  test('an agent’s reply pauses the flow; handing back resumes it; stopping ends it', async () => {
    const phone = newPhone();
    await writes(phone, 'menu');
    await phoneReceived(phone, 1);
    const conversationId = await conversationOf(phone);
    const reply = await call(env, clinic, 'POST', `/conversations/${conversationId}/messages`, {
      type: 'text',
      text: 'Je prends le relais.',
    });
    expect(reply.status).toBe(202);
    await phoneReceived(phone, 2);
    await writes(phone, '1');
    await env.settle();
    // Paused: the bot said nothing about opening hours.
    expect((await phoneReceived(phone, 2)).map((r) => r.text)).not.toContain('Ouvert de 9 h à 18 h.');
    expect(await liveSessionStatus(conversationId)).toBe('paused');

    expect(
      (await call(env, clinic, 'POST', `/conversations/${conversationId}/automation/resume`)).status,
    ).toBe(200);
    await writes(phone, '1');
    expect((await phoneReceived(phone, 3))[2]?.text).toBe('Ouvert de 9 h à 18 h.');

    await writes(phone, 'menu');
    await phoneReceived(phone, 4);
    expect((await call(env, clinic, 'POST', `/conversations/${conversationId}/automation/stop`)).status).toBe(
      200,
    );
    expect(await liveSessionStatus(conversationId)).toBeUndefined();
    expect((await call(env, clinic, 'POST', `/conversations/${conversationId}/automation/stop`)).status).toBe(
      409,
    );
  });

  test('a hand-off leaves a note for the team and the conversation to people', async () => {
    const phone = newPhone();
    await writes(phone, 'menu');
    await phoneReceived(phone, 1);
    await writes(phone, 'un humain');
    await env.settle();
    const conversationId = await conversationOf(phone);
    const page = await getJson<{ data: Json[] }>(env, clinic, `/conversations/${conversationId}/messages`);
    expect(page.data.find((m) => m.direction === 'note')?.text).toBe('Le patient veut parler à quelqu’un');
    const [session] = await env.handle.db
      .select()
      .from(flowSessions)
      .where(eq(flowSessions.conversationId, conversationId));
    expect(session?.status).toBe('handed_off');
  });

  test('a flow HTTP step cannot reach a loopback/private/metadata address', async () => {
    // Something on Careline's own machine, as an admin writing a flow would aim at it.
    let asked = 0;
    const inside = createServer((_request, response) => {
      asked += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"secret":"s3cr3t"}');
    });
    await new Promise<void>((resolve) => inside.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = inside.address() as AddressInfo;
      const probe = {
        key: 'sonde',
        version: 1,
        name: { fr: 'Sonde', en: 'Probe' },
        start: 'call',
        steps: {
          call: {
            type: 'http',
            method: 'GET',
            url: `http://localhost:${port}/secret`,
            saveAs: 'r',
            next: 'leak',
            failure: 'leak',
          },
          leak: { type: 'note', text: 'Réponse : {{vars.r.body.secret}} / {{vars.r.error}}' },
        },
      };
      const created = await call(env, clinic, 'POST', '/flows', {
        key: 'sonde',
        definition: probe,
        triggers: [{ kind: 'keyword', match: 'exact', words: { fr: ['sonde'], en: ['probe'] } }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const phone = newPhone();
      await writes(phone, 'sonde');
      const conversationId = await eventually(() => conversationOf(phone));
      const note = await eventually(async () => {
        const page = await getJson<{ data: Json[] }>(
          env,
          clinic,
          `/conversations/${conversationId}/messages`,
        );
        return page.data.find((m) => m.direction === 'note')?.text;
      });
      expect(note).toBe('Réponse :  / network');
      expect(asked).toBe(0);
    } finally {
      inside.close();
    }
  });

  test('flows are checked when saved: each problem names its path', async () => {
    const broken = {
      ...RECEPTION,
      steps: { ...RECEPTION.steps, ask_age: { ...RECEPTION.steps.ask_age, maxAttempts: 0, next: 'nowhere' } },
    };
    const response = await call(env, clinic, 'PUT', '/flows/accueil/definition', { definition: broken });
    expect(response.status).toBe(400);
    const fields = (response.body.errors as Json[]).map((e) => e.field);
    expect(fields).toContain('body.definition.steps.ask_age.maxAttempts');
    const fixed = await call(env, clinic, 'PUT', '/flows/accueil/definition', { definition: RECEPTION });
    expect(fixed.status).toBe(200);
    expect(fixed.body.version).toBe(2);
    const other = await env.addClinic('Cabinet Pasteur');
    expect((await call(env, other, 'GET', '/flows/accueil')).status).toBe(404);
  });

  async function conversationOf(phone: string): Promise<string> {
    const rows = await env.handle.db
      .select({ id: conversations.id, contactId: conversations.contactId })
      .from(conversations)
      .where(eq(conversations.orgId, clinic.org.id));
    const contacts = await getJson<{ data: Json[] }>(
      env,
      clinic,
      `/contacts?phone=${encodeURIComponent(phone)}`,
    );
    const contactId = contacts.data[0]?.id;
    const row = rows.find((r) => r.contactId === contactId);
    if (!row) throw new Error(`no conversation for ${phone}`);
    return row.id;
  }

  async function liveSessionStatus(conversationId: string): Promise<string | undefined> {
    const rows = await env.handle.db
      .select()
      .from(flowSessions)
      .where(eq(flowSessions.conversationId, conversationId));
    return rows.find((r) => r.status === 'running' || r.status === 'paused')?.status;
  }
});
