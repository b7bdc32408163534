import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONSENT_PURPOSES } from '../../src/modules/consent/consent.schema.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, conversationOfMessage, getJson, type Json, type PageJson } from './inbox-support.ts';

const TOKEN = '4453b6ac12345678-e02c5f12174805f9-5e7f1a2b3c4d5e6f';

/**
 * A Viber bot added the way a clinic adds one (the API of Settings › Channels), against the simulator's
 * Viber stand-in: Careline stores the account, set_webhook makes Viber check the URL at once with a signed
 * callback, which Careline answers; then a patient writes, gets a keyboard, taps it, and unsubscribes.
 */
describe.each(TEST_ENGINES)('a Viber bot set up against the simulator (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let accountId: string;
  let channelId: string;

  async function simulator(path: string, body: unknown): Promise<Json> {
    const response = await fetch(`${env.simulator.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Json;
    if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  const person = { key: '+381641239876', name: 'Jovana Ilić' };
  const acts = (action: Json) =>
    simulator(`/_sim/apps/viber/${accountId}/patient-actions`, { person, action }) as Promise<{
      messageToken: string;
      httpStatus: number | null;
    }>;
  const bot = () =>
    env.simulator.simulator.viber.conversation(accountId, person.key).filter((entry) => entry.side === 'bot');

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique Sava');
    const registered = await simulator('/_sim/apps/viber/accounts', {
      authToken: TOKEN,
      name: 'Clinique Sava',
    });
    accountId = String((registered.account as Json).accountId);
  });
  afterAll(async () => {
    await env?.close();
  });

  test('adding the bot sets its webhook, which Viber checks at once and Careline answers', async () => {
    const added = await call(env, clinic, 'POST', '/channels', {
      type: 'viber',
      name: 'Viber Sava',
      settings: { apiUrl: env.simulator.url },
      secrets: { authToken: TOKEN },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    channelId = String(added.body.id);
    expect(added.body).toMatchObject({
      type: 'viber',
      external_id: accountId,
      webhook_url: `${env.url}/webhooks/viber/${channelId}`,
      window: { kind: 'session', hours: 24, after: 'nothing' },
    });
    expect(env.simulator.simulator.viber.deliveries(accountId)).toMatchObject([
      { event: { kind: 'viber_event', event: 'webhook' }, attempts: [{ httpStatus: 200 }] },
    ]);
  });

  test('a patient writes, is answered with a keyboard that is delivered, taps it, then unsubscribes', async () => {
    const wrote = await acts({ type: 'text', text: 'Dobar dan, imam pitanje o terapiji.' });
    expect(wrote.httpStatus).toBe(200);
    const conversation = await conversationOfMessage(env, clinic, wrote.messageToken);
    const path = `/conversations/${String(conversation.id)}/messages`;
    const reply = await call(env, clinic, 'POST', path, {
      type: 'buttons',
      body: 'Da li želite da vas pozovemo?',
      buttons: [
        { id: 'call:yes', title: 'Da' },
        { id: 'call:no', title: 'Ne' },
      ],
    });
    expect(reply.status).toBe(202);
    const sent = await eventually(async () => bot().at(-1));
    expect(sent.message).toMatchObject({
      type: 'text',
      keyboard: {
        Buttons: [
          { ActionBody: 'call:yes', Text: 'Da' },
          { ActionBody: 'call:no', Text: 'Ne' },
        ],
      },
    });
    await eventually(async () => {
      const timeline = await getJson<PageJson>(env, clinic, path);
      return timeline.data.find((m) => m.id === reply.body.id && m.status === 'delivered');
    });

    const tap = await acts({ type: 'tap', actionBody: 'call:yes' });
    await conversationOfMessage(env, clinic, tap.messageToken);
    const timeline = await getJson<PageJson>(env, clinic, path);
    expect(timeline.data.find((m) => m.external_id === tap.messageToken)).toMatchObject({
      type: 'button_reply',
    });

    await acts({ type: 'unsubscribe' });
    await eventually(async () => {
      const consents = await getJson<{ current: Json[] }>(
        env,
        clinic,
        `/contacts/${String(conversation.contact_id)}/consents`,
      );
      const viber = consents.current.filter((c) => c.channel === 'viber');
      return viber.length === CONSENT_PURPOSES.length && viber.every((c) => c.state === 'withdrawn')
        ? true
        : undefined;
    });
    const late = await call(env, clinic, 'POST', path, { type: 'text', text: 'Javite nam se.' });
    expect(late.status).toBe(202);
    const failed = await eventually(async () => {
      const after = await getJson<PageJson>(env, clinic, path);
      return after.data.find((m) => m.id === late.body.id && m.status === 'failed');
    });
    expect(JSON.stringify(failed)).toContain('has not subscribed to this Viber account');
  });
});
