import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { connectChannel } from './connect-channel.ts';
import type { TestCareline, TestClinic } from './test-careline.ts';

/** One Bot API call the stand-in received. */
export interface BotApiCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
}

/**
 * A stand-in for Telegram's Bot API as its documentation describes it (`POST /bot<token>/<method>`,
 * answers `{ok: true, result}` or `{ok: false, error_code, description}`): enough for a test to see what
 * Careline sent to which chat. JSON bodies only; message ids count up per chat, as Telegram's do.
 */
export async function startBotApiStandIn(token: string): Promise<{
  url: string;
  calls: BotApiCall[];
  close(): Promise<void>;
}> {
  const calls: BotApiCall[] = [];
  const nextId = new Map<string, number>();
  const server: Server = createServer(async (request, response) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? '');
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (!match?.[1] || !match[2])
      return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== token) return answer(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const params = JSON.parse((await bodyOf(request)) || '{}') as Record<string, unknown>;
    calls.push({ token: match[1], method: match[2], params });
    if (match[2] === 'setMessageReaction' || match[2] === 'setWebhook')
      return answer(200, { ok: true, result: true });
    const chatId = String(params.chat_id);
    const id = (nextId.get(chatId) ?? 500) + 1;
    nextId.set(chatId, id);
    return answer(200, {
      ok: true,
      result: {
        message_id: id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(chatId), type: 'private' },
        ...(typeof params.text === 'string' ? { text: params.text } : {}),
      },
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A Telegram bot of the clinic, its Bot API played by a stand-in, connected as Careline stores one (token
 * and webhook secret sealed); `close` stops the stand-in.
 */
export async function connectTelegramBot(
  env: TestCareline,
  clinic: TestClinic,
  bot: { id: string; name: string },
): Promise<{
  account: ChannelAccount;
  botApi: Awaited<ReturnType<typeof startBotApiStandIn>>;
  token: string;
  secret: string;
}> {
  const token = `${bot.id}:AAH${randomBytes(16).toString('hex')}`;
  const secret = `s3cret_${randomBytes(8).toString('hex')}`;
  const botApi = await startBotApiStandIn(token);
  const account = await connectChannel(env, clinic, {
    type: 'telegram',
    name: bot.name,
    externalId: bot.id,
    settings: { apiUrl: botApi.url },
    secrets: { botToken: token, secretToken: secret },
  });
  return { account, botApi, token, secret };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
