import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulatorServer } from '../simulator-server.ts';

const TOKEN = '7000000009:AAH4ctTestTokenForTheBotApiTests_9';
const person = { key: '+33699999999', name: 'Louis Pasteur' };
let sim: RunningSimulator;
let chatId: number;

async function call(method: string, body: unknown, token = TOKEN) {
  const response = await fetch(`${sim.url}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a test reads Telegram's JSON answers freely
  const answer: any = await response.json();
  return { status: response.status, body: answer };
}

beforeAll(async () => {
  sim = await startSimulatorServer({ port: 0 });
  sim.simulator.telegram.registerBot({ token: TOKEN, name: 'Clinique', username: 'clinique_bot' });
  // No webhook yet: the update is kept, as Telegram keeps it until one is set.
  const result = await sim.simulator.telegram.patientActs('7000000009', {
    person,
    action: { type: 'text', text: 'Bonjour' },
  });
  expect(result.httpStatus).toBeNull();
  chatId = sim.simulator.telegram.userOf(person.key)?.id ?? 0;
});

afterAll(() => sim.close());

describe('Telegram Bot API stand-in', () => {
  it('answers getMe and getWebhookInfo, with the kept updates counted', async () => {
    expect((await call('getMe', {})).body).toMatchObject({
      ok: true,
      result: { id: 7000000009, is_bot: true, username: 'clinique_bot' },
    });
    expect((await call('getWebhookInfo', {})).body).toMatchObject({
      ok: true,
      result: { url: '', pending_update_count: 2 },
    });
  });

  it('refuses as Telegram does: unknown token 401, unknown method 404, unknown chat, too long, bad button data', async () => {
    expect(
      await call(
        'sendMessage',
        { chat_id: chatId, text: 'x' },
        '7000000009:AAH4ctNotTheTokenAtAllForTheBot_0',
      ),
    ).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect((await call('sendTelepathy', {})).status).toBe(404);
    expect((await call('sendMessage', { chat_id: 42, text: 'x' })).body).toMatchObject({
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
    expect((await call('sendMessage', { chat_id: chatId, text: 'x'.repeat(4097) })).body.description).toBe(
      'Bad Request: message is too long',
    );
    const keyboard = { inline_keyboard: [[{ text: 'Oui', callback_data: 'é'.repeat(33) }]] };
    expect(
      (await call('sendMessage', { chat_id: chatId, text: 'Venez-vous ?', reply_markup: keyboard })).body
        .description,
    ).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it('numbers messages per chat, quotes, and answers callback queries once', async () => {
    const sent = await call('sendMessage', {
      chat_id: chatId,
      text: 'Venez-vous ?',
      reply_parameters: { message_id: 2 },
      reply_markup: { inline_keyboard: [[{ text: 'Oui', callback_data: 'yes' }]] },
    });
    expect(sent.body).toMatchObject({
      ok: true,
      result: {
        message_id: 3,
        chat: { id: chatId, type: 'private' },
        reply_to_message: { message_id: 2, text: 'Bonjour' },
      },
    });
    await sim.simulator.telegram.patientActs('7000000009', {
      person,
      action: { type: 'tap', messageId: '3', buttonId: 'yes' },
    });
    // Still no webhook: the tap is kept with the other updates, nothing is posted.
    expect(sim.simulator.telegram.deliveries('7000000009')).toHaveLength(0);
    expect((await call('answerCallbackQuery', { callback_query_id: 'nope' })).body.description).toMatch(
      /query ID is invalid/,
    );
  });

  it('serves a patient’s photo through getFile and /file/bot<token>/<path>', async () => {
    await sim.simulator.telegram.patientActs('7000000009', {
      person,
      action: { type: 'photo', bytes: Buffer.from('jpeg').toString('base64') },
    });
    const photo = sim.simulator.telegram.messages('7000000009', person.key).at(-1)?.photo;
    const fileId = Array.isArray(photo) ? photo.at(-1)?.file_id : undefined;
    const file = await call('getFile', { file_id: fileId });
    expect(file.body).toMatchObject({
      ok: true,
      result: { file_path: expect.stringMatching(/^photos\/file_\d+\.jpg$/) },
    });
    const download = await fetch(`${sim.url}/file/bot${TOKEN}/${file.body.result.file_path}`);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('jpeg');
  });

  it('runs the Bot API method a webhook’s answer names: a tap answered there loses its spinner', async () => {
    // A bot that answers each tap in its webhook answer, as Telegram's docs allow.
    const taps: string[] = [];
    const bot = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        const update = JSON.parse(body) as { callback_query?: { id: string } };
        if (update.callback_query) taps.push(update.callback_query.id);
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify(
            update.callback_query
              ? { method: 'answerCallbackQuery', callback_query_id: update.callback_query.id }
              : { ok: true },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = bot.address() as AddressInfo;
      expect((await call('setWebhook', { url: `http://127.0.0.1:${port}/hook` })).body.ok).toBe(true);
      await call('sendMessage', {
        chat_id: chatId,
        text: 'Confirmez-vous ?',
        reply_markup: { inline_keyboard: [[{ text: 'Oui', callback_data: 'confirm' }]] },
      });
      const keyboardMessage = sim.simulator.telegram.messages('7000000009', person.key).at(-1);
      await sim.simulator.telegram.patientActs('7000000009', {
        person,
        action: { type: 'tap', messageId: String(keyboardMessage?.message_id), buttonId: 'confirm' },
      });
      const tap = taps.at(-1) ?? '';
      expect(sim.simulator.telegram.callbackAnswered('7000000009', tap)).toBe(true);
      // Answered once: the same call again is refused, as Telegram does.
      expect((await call('answerCallbackQuery', { callback_query_id: tap })).body.ok).toBe(false);
    } finally {
      await call('deleteWebhook', {});
      await new Promise((resolve) => bot.close(resolve));
    }
  });

  it('takes uploads as multipart/form-data, objects JSON-encoded in their fields', async () => {
    const form = new FormData();
    form.append('chat_id', String(chatId));
    form.append('caption', 'Ordonnance');
    form.append(
      'reply_markup',
      JSON.stringify({ inline_keyboard: [[{ text: 'Merci', callback_data: 'thanks' }]] }),
    );
    form.append('document', new Blob([Buffer.from('%PDF')], { type: 'application/pdf' }), 'ordonnance.pdf');
    const response = await fetch(`${sim.url}/bot${TOKEN}/sendDocument`, { method: 'POST', body: form });
    expect(await response.json()).toMatchObject({
      ok: true,
      result: {
        caption: 'Ordonnance',
        document: { file_name: 'ordonnance.pdf', mime_type: 'application/pdf' },
        reply_markup: { inline_keyboard: [[{ callback_data: 'thanks' }]] },
      },
    });
  });
});
