import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signViberBody } from '../../src/channels/viber/verify-viber-signature.ts';
import {
  startViberApiStandIn,
  type ViberApiStandIn,
} from '../../src/channels/viber/viber-api-stand-in.test-support.ts';
import { updateChannelSettings } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { connectChannel } from '../support/connect-channel.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import {
  call,
  conversationOfMessage,
  getJson,
  type Json,
  messagesStoredAs,
  type PageJson,
} from './inbox-support.ts';

const TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec5f1a6ce5e81a';
const ACCOUNT = 'pa:5741311803571721000';

/**
 * A clinic's Viber channel end to end: Careline's webhook route (the signature checked on the raw body),
 * the ingest job, the inbox and the outbox, against a stand-in of the REST Bot API over real HTTP.
 * message_tokens are beyond 2^53 and written as raw digits, as Viber sends them.
 */
describe.each(TEST_ENGINES)('a Viber conversation end to end (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let account: ChannelAccount;
  let api: ViberApiStandIn;
  let token = 5741311803571700000n;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique Balkan');
    api = await startViberApiStandIn({
      token: TOKEN,
      media: {
        'radio.jpg': { bytes: Buffer.from('\xff\xd8\xff\xe0JPEG', 'latin1'), mimeType: 'image/jpeg' },
      },
    });
    account = await connectChannel(env, clinic, {
      type: 'viber',
      name: 'Viber Balkan',
      externalId: ACCOUNT,
      settings: { apiUrl: api.url },
      secrets: { authToken: TOKEN },
    });
  });
  afterAll(async () => {
    await api?.close();
    await env?.close();
  });

  /** A callback as Viber writes it: the message_token as 64-bit digits, never a JS number. */
  function callback(
    fields: Record<string, unknown>,
    at = env.clock.now().getTime(),
  ): { raw: string; token: string } {
    token += 1n;
    const json = JSON.stringify({ timestamp: at, ...fields });
    return { raw: `${json.slice(0, -1)},"message_token":${token}}`, token: String(token) };
  }

  function message(userId: string, content: Record<string, unknown>, at?: number) {
    return callback(
      { event: 'message', sender: { id: userId, name: 'Milica Petrović', language: 'sr' }, message: content },
      at,
    );
  }

  async function deliver(raw: string, signature: string | null = signViberBody(raw, TOKEN)) {
    return fetch(`${env.url}/webhooks/viber/${account.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'x-viber-content-signature': signature }),
      },
      body: raw,
    });
  }

  const sends = () => api.calls.filter((c) => c.path === '/pa/send_message');

  test('a patient writes: the message in the inbox under its full 64-bit token; a redelivery stores nothing new', async () => {
    const userId = 'Mx7bQ0e1kz3XwUe1aLp0Ag==';
    const body = message(userId, { type: 'text', text: 'Dobar dan, mogu li pomeriti termin?' });
    const response = await deliver(body.raw);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, stored: 1 });
    const conversation = await conversationOfMessage(env, clinic, body.token);
    expect(conversation.status).toBe('open');
    const contact = await getJson(env, clinic, `/contacts/${String(conversation.contact_id)}`);
    expect(contact).toMatchObject({ identities: [{ channel: 'viber' }] });
    const timeline = await getJson<PageJson>(
      env,
      clinic,
      `/conversations/${String(conversation.id)}/messages`,
    );
    expect(timeline.data.find((m) => m.direction === 'inbound')).toMatchObject({
      type: 'text',
      text: 'Dobar dan, mogu li pomeriti termin?',
      external_id: body.token,
    });

    expect((await deliver(body.raw)).status).toBe(200);
    await env.settle();
    expect(await messagesStoredAs(env, body.token)).toBe(1);
  });

  test('the agent’s reply with buttons goes out as a Viber keyboard, is seen, and the tap comes back as a button reply', async () => {
    const userId = 'Mx7bQ0e1kz3XwUe1aLp0Bg==';
    const body = message(userId, { type: 'text', text: 'Da li je termin u utorak potvrđen?' });
    await deliver(body.raw);
    const conversation = await conversationOfMessage(env, clinic, body.token);
    const path = `/conversations/${String(conversation.id)}/messages`;
    const reply = await call(env, clinic, 'POST', path, {
      type: 'buttons',
      body: 'Potvrđujete li termin u utorak u 10h?',
      buttons: [
        { id: 'appt:confirm:77', title: 'Potvrđujem' },
        { id: 'appt:cancel:77', title: 'Otkazujem' },
      ],
    });
    expect(reply.status).toBe(202);
    const sent = await eventually(async () => sends().find((c) => c.body?.receiver === userId));
    expect(sent.authToken).toBe(TOKEN);
    expect(sent.body).toMatchObject({
      receiver: userId,
      type: 'text',
      text: 'Potvrđujete li termin u utorak u 10h?',
      sender: { name: 'Careline' },
      keyboard: {
        Type: 'keyboard',
        Buttons: [
          { ActionType: 'reply', ActionBody: 'appt:confirm:77', Text: 'Potvrđujem' },
          { ActionType: 'reply', ActionBody: 'appt:cancel:77', Text: 'Otkazujem' },
        ],
      },
    });
    const stored = await eventually(async () => {
      const timeline = await getJson<PageJson>(env, clinic, path);
      return timeline.data.find((m) => m.id === reply.body.id && m.status === 'accepted');
    });
    // The token Viber answered, with all its digits: a JS number would have rounded it.
    expect(String(stored.external_id)).toMatch(/^57413118035718\d{5}$/);

    // Viber's receipt names the message by that token, written as the 64-bit number it is.
    const at = env.clock.now().getTime();
    const receipt = `{"event":"seen","timestamp":${at},"user_id":"${userId}","message_token":${String(stored.external_id)}}`;
    expect((await deliver(receipt)).status).toBe(200);
    await eventually(async () => {
      const timeline = await getJson<PageJson>(env, clinic, path);
      return timeline.data.find((m) => m.id === reply.body.id && m.status === 'read');
    });

    const tap = message(userId, {
      type: 'text',
      text: 'appt:confirm:77',
      tracking_data: String(sent.body?.tracking_data),
    });
    await deliver(tap.raw);
    await conversationOfMessage(env, clinic, tap.token);
    const timeline = await getJson<PageJson>(env, clinic, path);
    expect(timeline.data.find((m) => m.external_id === tap.token)).toMatchObject({ type: 'button_reply' });
  });

  test('a picture the patient sent is downloaded from its media URL', async () => {
    const userId = 'Mx7bQ0e1kz3XwUe1aLp0Cg==';
    const body = message(userId, { type: 'picture', text: 'Snimak', media: `${api.url}/media/radio.jpg` });
    await deliver(body.raw);
    const conversation = await conversationOfMessage(env, clinic, body.token);
    const path = `/conversations/${String(conversation.id)}/messages`;
    const picture = await eventually(async () => {
      const timeline = await getJson<PageJson>(env, clinic, path);
      const found = timeline.data.find((m) => m.external_id === body.token) as Json | undefined;
      const media = (found?.media as Json[] | undefined)?.[0];
      return media && media.status === 'stored' ? found : undefined;
    });
    expect(picture).toMatchObject({ type: 'image', text: 'Snimak' });
  });

  test('a forged signature, another bot’s token or no signature is refused with 401; nothing is stored', async () => {
    const body = message('Mx7bQ0e1kz3XwUe1aLp0Dg==', { type: 'text', text: 'forged' });
    expect((await deliver(body.raw, 'ab'.repeat(32))).status).toBe(401);
    expect((await deliver(body.raw, signViberBody(body.raw, 'another-bots-auth-token-0000'))).status).toBe(
      401,
    );
    expect((await deliver(body.raw, null)).status).toBe(401);
    await env.settle();
    expect(await messagesStoredAs(env, body.token)).toBe(0);
  });

  test('an unsubscribed patient’s consent is withdrawn on Viber', async () => {
    const userId = 'Mx7bQ0e1kz3XwUe1aLp0Eg==';
    const body = message(userId, { type: 'text', text: 'Hvala!' });
    await deliver(body.raw);
    const conversation = await conversationOfMessage(env, clinic, body.token);
    const gone = callback({ event: 'unsubscribed', user_id: userId });
    expect((await deliver(gone.raw)).status).toBe(200);
    const consents = await eventually(async () => {
      const answer = await getJson<{ current: Json[] }>(
        env,
        clinic,
        `/contacts/${String(conversation.contact_id)}/consents`,
      );
      const viber = answer.current.filter((c) => c.channel === 'viber');
      return viber.length > 0 && viber.every((c) => c.state === 'withdrawn') ? viber : undefined;
    });
    expect(consents.map((c) => c.purpose).sort()).toEqual([
      'appointment_reminders',
      'health_information',
      'marketing',
      'pharmacy_notifications',
    ]);
  });

  test('outside the 24-hour session, without bot-initiated messages, a reply is refused saying why', async () => {
    const userId = 'Mx7bQ0e1kz3XwUe1aLp0Fg==';
    const yesterday = env.clock.now().getTime() - 25 * 3600 * 1000;
    const body = message(userId, { type: 'text', text: 'Jučerašnja poruka' }, yesterday);
    await deliver(body.raw);
    const conversation = await conversationOfMessage(env, clinic, body.token);
    const before = sends().length;
    const reply = await call(env, clinic, 'POST', `/conversations/${String(conversation.id)}/messages`, {
      type: 'text',
      text: 'Izvinite na kašnjenju.',
    });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ failure_reason: 'window_closed', message: { status: 'refused' } });
    expect(String(reply.body.detail)).toMatch(
      /^The 24-hour window closed at .+: on Viber nothing can be sent until the patient writes again\.$/,
    );
    await env.settle();
    expect(sends().length).toBe(before);
  });

  test('where the bot may write first, the inbox shows no window and the reply goes out a day later', async () => {
    const userId = 'Qk2lV9rPz0WbU4d1mTg8Hw==';
    const yesterday = env.clock.now().getTime() - 25 * 3600 * 1000;
    const body = message(userId, { type: 'text', text: 'Pitanje od juče' }, yesterday);
    await deliver(body.raw);
    const conversation = await conversationOfMessage(env, clinic, body.token);
    expect(conversation.window).toMatchObject({ allows: 'nothing' });
    await updateChannelSettings(env.handle.db, account.id, { ...account.settings, botInitiated: true });
    try {
      const now = await getJson(env, clinic, `/conversations/${String(conversation.id)}`);
      // What the composer reads: nothing closes, anything can go.
      expect(now.window).toMatchObject({ policy: 'none', open: true, allows: 'anything' });
      const reply = await call(env, clinic, 'POST', `/conversations/${String(conversation.id)}/messages`, {
        type: 'text',
        text: 'Odgovor stiže.',
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      await eventually(async () =>
        sends().find((c) => JSON.stringify(c.body).includes('Odgovor stiže.')) ? true : undefined,
      );
    } finally {
      await updateChannelSettings(env.handle.db, account.id, account.settings);
    }
  });
});
