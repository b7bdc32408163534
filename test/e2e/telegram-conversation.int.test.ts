import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { webhookEvents } from '../../src/db-schema.ts';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import { BUILT_IN_TEAMS } from '../../src/modules/flows/library/built-in-teams.ts';
import { createTeam } from '../../src/modules/teams/team.service.ts';
import { type BotApiCall, connectTelegramBot, type startBotApiStandIn } from '../support/telegram-bot-api.ts';
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

const BOT_ID = '7000000001';

/**
 * A clinic's Telegram bot end to end: Careline's webhook route, the ingest job, the inbox, the flows and
 * the outbox, against a stand-in of the Bot API over real HTTP — the same path as WhatsApp from the
 * ingest on, through the Telegram adapter at each end.
 */
describe.each(TEST_ENGINES)('a Telegram conversation end to end (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let account: ChannelAccount;
  let botApi: Awaited<ReturnType<typeof startBotApiStandIn>>;
  let secret: string;
  let updateId = 900_000;
  let messageId = 10;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Maison de santé du Port');
    for (const name of Object.values(BUILT_IN_TEAMS)) {
      await createTeam(env.handle.db, clinic.org.id, { name, assignmentMode: 'round_robin' });
    }
    await installBuiltInFlows(env.handle.db, clinic.org.id);
    ({ account, botApi, secret } = await connectTelegramBot(env, clinic, {
      id: BOT_ID,
      name: '@MaisonDuPortBot',
    }));
  });
  afterAll(async () => {
    await botApi?.close();
    await env?.close();
  });

  function textUpdate(chatId: number, text: string, name = { first_name: 'Léa', last_name: 'Martin' }) {
    updateId += 1;
    messageId += 1;
    return {
      update_id: updateId,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', ...name },
        from: { id: chatId, is_bot: false, language_code: 'fr', ...name },
        text,
      },
    };
  }

  async function deliver(update: unknown, secretToken = secret, accountId = account.id) {
    return fetch(`${env.url}/webhooks/telegram/${accountId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secretToken },
      body: JSON.stringify(update),
    });
  }

  function sentTo(chatId: number): BotApiCall[] {
    return botApi.calls.filter((c) => String(c.params.chat_id) === String(chatId));
  }

  function conversationOfChat(chatId: number, messageNumber: number): Promise<Json> {
    return conversationOfMessage(env, clinic, `${chatId}:${messageNumber}`);
  }

  test('a patient writes to the bot: one patient, one conversation, the welcome back on Telegram', async () => {
    const chatId = 5_100_000_001;
    const update = textUpdate(chatId, 'Bonjour');
    const response = await deliver(update);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, stored: 1 });

    const conversation = await conversationOfChat(chatId, update.message.message_id);
    expect(conversation.status).toBe('open');
    const contact = await getJson(env, clinic, `/contacts/${String(conversation.contact_id)}`);
    expect(contact).toMatchObject({
      display_name: 'Léa Martin',
      identities: [{ channel: 'telegram' }],
    });
    const timeline = await getJson<PageJson>(
      env,
      clinic,
      `/conversations/${String(conversation.id)}/messages`,
    );
    expect(timeline.data.find((m) => m.direction === 'inbound')).toMatchObject({
      type: 'text',
      text: 'Bonjour',
      external_id: `${chatId}:${update.message.message_id}`,
    });

    // The built-in welcome answers on the channel the patient wrote from; its menu of five choices is
    // five Telegram buttons (WhatsApp, with three at most, gets a list).
    const [welcome, menu] = await eventually(async () => {
      const sent = sentTo(chatId);
      return sent.length >= 2 ? sent : undefined;
    });
    expect(welcome?.method).toBe('sendMessage');
    expect(String(welcome?.params.text)).toMatch(/Bienvenue chez Maison de santé du Port/);
    const markup = menu?.params.reply_markup as
      | { inline_keyboard: Array<Array<{ text: string }>> }
      | undefined;
    const keyboard = markup?.inline_keyboard ?? [];
    expect(keyboard.flat().map((button) => button.text)).toEqual([
      'Conseils santé',
      'Questions fréquentes',
      'Question médicale',
      'Prendre rendez-vous',
      'Autre chose',
    ]);

    // The same update delivered again (Telegram retries): nothing new is stored.
    expect((await deliver(update)).status).toBe(200);
    await env.settle();
    expect(await messagesStoredAs(env, `${chatId}:${update.message.message_id}`)).toBe(1);
  });

  test('a tapped button is answered in the webhook’s answer, so Telegram stops its spinner', async () => {
    const chatId = 5_100_000_041;
    const update = textUpdate(chatId, 'Bonjour');
    await deliver(update);
    const menu = await eventually(async () => sentTo(chatId)[1]);
    const keyboard = menu.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> };
    const data = keyboard.inline_keyboard[0]?.[0]?.callback_data;
    updateId += 1;
    const tap = {
      update_id: updateId,
      callback_query: {
        id: '4382bfdwdsb323b2d9',
        from: update.message.from,
        message: { message_id: 900, date: update.message.date, chat: update.message.chat, text: 'Menu' },
        chat_instance: '-42',
        data,
      },
    };
    const response = await deliver(tap);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      method: 'answerCallbackQuery',
      callback_query_id: '4382bfdwdsb323b2d9',
    });
  });

  test('an agent’s reply goes to the patient’s chat, quoted ids qualified by the chat', async () => {
    const chatId = 5_100_000_002;
    const update = textUpdate(chatId, 'Est-ce que mes résultats sont arrivés ?', {
      first_name: 'Karim',
      last_name: 'Benali',
    });
    await deliver(update);
    const conversation = await conversationOfChat(chatId, update.message.message_id);
    const reply = await call(env, clinic, 'POST', `/conversations/${String(conversation.id)}/messages`, {
      type: 'text',
      text: 'Oui, le Dr Morel vous appelle cet après-midi.',
    });
    expect(reply.status).toBe(202);
    const sent = await eventually(async () =>
      sentTo(chatId).find((c) => c.params.text === 'Oui, le Dr Morel vous appelle cet après-midi.'),
    );
    expect(sent.method).toBe('sendMessage');
    const stored = await eventually(async () => {
      const timeline = await getJson<PageJson>(
        env,
        clinic,
        `/conversations/${String(conversation.id)}/messages`,
      );
      const message = timeline.data.find((m) => m.id === reply.body.id);
      // Telegram sends no delivery receipts: the Bot API's acceptance is the last word.
      return message?.status === 'accepted' ? message : undefined;
    });
    expect(String(stored.external_id)).toMatch(new RegExp(`^${chatId}:\\d+$`));
  });

  test('a red flag on Telegram: the advice goes out at once on Telegram and the conversation is urgent', async () => {
    const chatId = 5_100_000_003;
    const update = textUpdate(chatId, "j'ai une douleur dans la poitrine qui serre et je transpire", {
      first_name: 'Paul',
      last_name: 'Girard',
    });
    await deliver(update);
    const advice = await eventually(async () => sentTo(chatId)[0], 10_000);
    expect(String(advice.params.text)).toMatch(/15/);
    expect(String(advice.params.text)).not.toMatch(/Bienvenue/);
    const conversation = await conversationOfChat(chatId, update.message.message_id);
    expect(conversation.urgent).toBe(true);
    expect(conversation.red_flag).toMatchObject({ category: 'chest_pain' });
  });

  test('deliveries that are not Telegram’s are refused and nothing is kept', async () => {
    const before = await env.handle.db.select({ n: count() }).from(webhookEvents);
    const forged = await deliver(textUpdate(5_100_000_004, 'hello'), 'not-the-secret');
    expect(forged.status).toBe(401);
    const elsewhere = await deliver(textUpdate(5_100_000_004, 'hello'), secret, clinic.account.id);
    expect(elsewhere.status).toBe(404);
    const notAnId = await fetch(`${env.url}/webhooks/telegram/not-a-uuid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: '{}',
    });
    expect(notAnId.status).toBe(400);
    expect(JSON.stringify(await notAnId.json())).toMatch(/channelAccountId/);
    const notJson = await fetch(`${env.url}/webhooks/telegram/${account.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: '{"update_id": 1, "message": ',
    });
    expect(notJson.status).toBe(400);
    const after = await env.handle.db.select({ n: count() }).from(webhookEvents);
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
