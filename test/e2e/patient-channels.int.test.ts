import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { connectChannel } from '../support/connect-channel.ts';
import { type BotApiCall, connectTelegramBot, type startBotApiStandIn } from '../support/telegram-bot-api.ts';
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
  conversationOfMessage,
  getJson,
  type Json,
  newPhone,
  type PageJson,
  patientWrites,
} from './inbox-support.ts';
import { type SignedInBrowser, signIn } from './settings-support.ts';

const BOT_ID = '7000000777';

/**
 * One patient on two channels (WhatsApp and Telegram, one record): the agent reads their whole history in
 * one timeline, sees what each channel's window allows, and answers on the other channel — through the
 * API, Careline's webhook routes, the WhatsApp simulator and a Telegram Bot API stand-in over real HTTP.
 */
describe.each(TEST_ENGINES)('one patient, several channels (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let telegram: ChannelAccount;
  let botApi: Awaited<ReturnType<typeof startBotApiStandIn>>;
  let token: string;
  let secret: string;
  let update = 500_000;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Cabinet des Tilleuls');
    ({
      account: telegram,
      botApi,
      token,
      secret,
    } = await connectTelegramBot(env, clinic, {
      id: BOT_ID,
      name: '@TilleulsBot',
    }));
  });
  afterAll(async () => {
    await botApi?.close();
    await env?.close();
  });

  const api = (method: string, path: string, body?: unknown) => call(env, clinic, method, path, body);

  /** The patient writes to the clinic's bot; resolves with the conversation Careline filed it in. */
  async function writesOnTelegram(chatId: number, text: string): Promise<Json> {
    update += 1;
    const response = await fetch(`${env.url}/webhooks/telegram/${telegram.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify({
        update_id: update,
        message: {
          message_id: update,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private', first_name: 'Inès' },
          from: { id: chatId, is_bot: false, first_name: 'Inès', language_code: 'fr' },
          text,
        },
      }),
    });
    expect(response.status).toBe(200);
    return conversationOfMessage(env, clinic, `${chatId}:${update}`);
  }

  /**
   * The same person writes on WhatsApp and on Telegram, and the front desk merges the two records into
   * one patient (the WhatsApp record survives with the Telegram identity and conversation).
   */
  async function patientOnTwoChannels(): Promise<{ whatsapp: Json; telegram: Json; chatId: number }> {
    const chatId = 880_000 + Math.floor(Math.random() * 100_000);
    const onWhatsApp = await patientWrites(
      env,
      clinic,
      newPhone(),
      'Bonjour, c’est pour un certificat',
      'Inès',
    );
    const onTelegram = await writesOnTelegram(chatId, 'Je vous écris aussi ici');
    const merged = await api('POST', `/contacts/${String(onWhatsApp.conversation.contact_id)}/merge`, {
      other_id: onTelegram.contact_id,
      fields: {},
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    return { whatsapp: onWhatsApp.conversation, telegram: onTelegram, chatId };
  }

  function sentTo(chatId: number): BotApiCall[] {
    return botApi.calls.filter(
      (c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId),
    );
  }

  test('the composer’s channels: the conversation’s own first, each with what its window allows now', async () => {
    const { whatsapp, telegram: onTelegram } = await patientOnTwoChannels();
    const channels = await getJson<{ data: Json[] }>(
      env,
      clinic,
      `/conversations/${String(whatsapp.id)}/channels`,
    );
    expect(channels.data.map((c) => [c.channel, c.current, c.conversation_id])).toEqual([
      ['whatsapp', true, whatsapp.id],
      ['telegram', false, onTelegram.id],
    ]);
    const [own, other] = channels.data as [Json, Json];
    // The patient just wrote on WhatsApp: anything goes for 24 hours; Telegram has no window at all.
    expect(own.window).toMatchObject({ policy: 'templates', open: true, allows: 'anything' });
    expect(Date.parse(String((own.window as Json).closes_at)) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(other.window).toMatchObject({ policy: 'none', allows: 'anything', closes_at: null });
    expect(other.last_wrote_at).not.toBeNull();
  });

  test('the patient’s timeline holds every channel’s messages in one time order, each naming its channel', async () => {
    const { whatsapp, telegram: onTelegram } = await patientOnTwoChannels();
    const note = await api('POST', `/conversations/${String(whatsapp.id)}/notes`, {
      text: 'Certificat de sport',
    });
    expect(note.status).toBe(201);

    const own = await getJson<PageJson>(env, clinic, `/conversations/${String(whatsapp.id)}/messages`);
    expect(own.data.map((m) => m.text)).toEqual(['Certificat de sport', 'Bonjour, c’est pour un certificat']);

    const all = await getJson<PageJson>(
      env,
      clinic,
      `/conversations/${String(whatsapp.id)}/messages?channels=all`,
    );
    expect(all.data.map((m) => [m.text, m.conversation_id])).toEqual([
      ['Certificat de sport', whatsapp.id],
      ['Je vous écris aussi ici', onTelegram.id],
      ['Bonjour, c’est pour un certificat', whatsapp.id],
    ]);
    expect(all.data.map((m) => m.channel_account_id)).toEqual([
      whatsapp.channel_account_id,
      telegram.id,
      whatsapp.channel_account_id,
    ]);

    // Paged like any timeline: the cursor walks on across both conversations.
    const first = await getJson<PageJson>(
      env,
      clinic,
      `/conversations/${String(whatsapp.id)}/messages?channels=all&limit=2`,
    );
    expect(first.data).toHaveLength(2);
    const rest = await getJson<PageJson>(
      env,
      clinic,
      `/conversations/${String(whatsapp.id)}/messages?channels=all&limit=2&cursor=${encodeURIComponent(String(first.next_cursor))}`,
    );
    expect(rest.data.map((m) => m.text)).toEqual(['Bonjour, c’est pour un certificat']);

    const wrong = await api('GET', `/conversations/${String(whatsapp.id)}/messages?channels=every`);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('channels');
  });

  test('an agent answers on the patient’s other channel: the message goes out there, in that conversation', async () => {
    const { whatsapp, telegram: onTelegram, chatId } = await patientOnTwoChannels();
    const sent = await api(
      'POST',
      `/conversations/${String(whatsapp.id)}/messages?channel_account_id=${telegram.id}`,
      {
        type: 'text',
        text: 'Votre certificat est prêt à l’accueil.',
      },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body.conversation_id).toBe(onTelegram.id);
    expect(sent.body.channel_account_id).toBe(telegram.id);
    const delivered = await eventually(async () =>
      sentTo(chatId).find((c) => c.params.text === 'Votre certificat est prêt à l’accueil.'),
    );
    expect(delivered.token).toBe(token);

    // Nothing went to the patient's WhatsApp, and that conversation's own timeline did not change.
    const own = await getJson<PageJson>(env, clinic, `/conversations/${String(whatsapp.id)}/messages`);
    expect(own.data.map((m) => m.text)).toEqual(['Bonjour, c’est pour un certificat']);
  });

  test('the same Idempotency-Key on another channel is another request; a retry is answered once', async () => {
    const { whatsapp, chatId } = await patientOnTwoChannels();
    const key = `reply-${randomBytes(6).toString('hex')}`;
    const send = (query: string) =>
      fetch(`${env.url}/api/v1/conversations/${String(whatsapp.id)}/messages${query}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${clinic.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify({ type: 'text', text: 'Rappel : apportez votre carnet.' }),
      });
    expect((await send(`?channel_account_id=${telegram.id}`)).status).toBe(202);
    const again = await send(`?channel_account_id=${telegram.id}`);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // The same key and text, but to WhatsApp: not the request the key was first used for.
    expect((await send('')).status).toBe(422);
    await eventually(async () => (sentTo(chatId).length > 0 ? true : undefined));
    expect(sentTo(chatId).filter((c) => c.params.text === 'Rappel : apportez votre carnet.')).toHaveLength(1);
  });

  test('a channel the patient cannot be reached on is refused, naming the parameter', async () => {
    const { whatsapp } = await patientOnTwoChannels();
    // A bot of the clinic the patient never wrote to and has no identity on… is a Telegram bot, and they
    // already talk to another one: that bot could not reach them.
    const otherBot = await connectChannel(env, clinic, {
      type: 'telegram',
      name: '@TilleulsRdvBot',
      externalId: '7000000778',
      settings: { apiUrl: botApi.url },
      secrets: { botToken: '7000000778:AAHother', secretToken: 'other-secret' },
    });
    const otherClinic = await env.addClinic('Clinique voisine');
    for (const accountId of [otherBot.id, otherClinic.account.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await api(
        'POST',
        `/conversations/${String(whatsapp.id)}/messages?channel_account_id=${accountId}`,
        {
          type: 'text',
          text: 'Bonjour',
        },
      );
      expect(refused.status, accountId).toBe(400);
      expect(String(refused.body.detail)).toContain('querystring.channel_account_id');
    }
    const malformed = await api(
      'POST',
      `/conversations/${String(whatsapp.id)}/messages?channel_account_id=abc`,
      {
        type: 'text',
        text: 'Bonjour',
      },
    );
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('channel_account_id');
  });

  test('kept to their teams, an agent sees and writes only in their teams’ conversations of the patient', async () => {
    const { whatsapp, telegram: onTelegram } = await patientOnTwoChannels();
    const member = await addStaff(env, clinic, { name: 'Anna Accueil', role: 'agent', online: false });
    const agent: SignedInBrowser = await signIn(env, member.email);
    const team = await api('POST', '/teams', { name: `Accueil ${randomBytes(3).toString('hex')}` });
    const teamId = String(team.body.id);
    expect((await api('PUT', `/teams/${teamId}/members`, { user_ids: [member.id] })).status).toBe(200);
    expect(
      (await api('POST', `/conversations/${String(whatsapp.id)}/assign`, { team_id: teamId })).status,
    ).toBe(200);
    expect((await api('PATCH', '/access-settings', { agents_see_only_their_teams: true })).status).toBe(200);
    try {
      const all = await agent.call('GET', `/conversations/${String(whatsapp.id)}/messages?channels=all`);
      expect(all.status).toBe(200);
      expect((all.body.data as Json[]).map((m) => m.conversation_id)).not.toContain(onTelegram.id);
      const refused = await agent.call(
        'POST',
        `/conversations/${String(whatsapp.id)}/messages?channel_account_id=${telegram.id}`,
        {
          type: 'text',
          text: 'Bonjour',
        },
      );
      expect(refused.status).toBe(403);
      expect(String(refused.body.detail)).toContain('Another team');
    } finally {
      await api('PATCH', '/access-settings', { agents_see_only_their_teams: false });
    }
  });
});
