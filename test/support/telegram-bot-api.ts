import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
