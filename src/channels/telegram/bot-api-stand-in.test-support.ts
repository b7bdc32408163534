import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the stand-in received: the Bot API method and its JSON parameters. */
export interface BotApiCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
}

export interface BotApiStandIn {
  url: string;
  calls: BotApiCall[];
  /** The webhook each bot has, as setWebhook left it (url and secret_token). */
  webhooks: Map<string, { url: string; secretToken: string | undefined; allowedUpdates: unknown }>;
  /**
   * The next call of `method` gets this answer instead of the usual one: a refusal as the Bot API words
   * it (`{ok:false, error_code, description, parameters}`), or a body that is not the Bot API's at all (a
   * string, sent as it is).
   * Answers given for one method are used in the order given, one call each.
   */
  answerNext(method: string, answer: { status: number; body: unknown }): void;
  close(): Promise<void>;
}

/**
 * A stand-in for the Telegram Bot API on 127.0.0.1 answering `getMe` and `setWebhook` as the Bot API
 * documents (https://core.telegram.org/bots/api#setwebhook): `{ok:true, result:true, description:
 * "Webhook was set"}`; an unknown token is `401 Unauthorized`; a URL that is not HTTPS is `400 Bad Request:
 * bad webhook: HTTPS url must be provided for webhook` (unless `allowHttp`, for tests whose Careline
 * listens on plain HTTP); a secret token outside `[A-Za-z0-9_-]{1,256}` is `400 Bad Request: secret token
 * contains unallowed characters`. `sendMessage` answers the Message sent
 * (https://core.telegram.org/bots/api#sendmessage), its `message_id` counting up per chat as Telegram's do.
 */
export async function startBotApiStandIn(options: {
  tokens: readonly string[];
  allowHttp?: boolean;
}): Promise<BotApiStandIn> {
  const calls: BotApiCall[] = [];
  const webhooks: BotApiStandIn['webhooks'] = new Map();
  const known = new Set(options.tokens);
  const scripted = new Map<string, { status: number; body: unknown }[]>();
  const lastMessageId = new Map<string, number>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? '');
    const answer = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(typeof json === 'string' ? json : JSON.stringify(json));
    };
    if (!match) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token = '', method = ''] = match;
    let params: Record<string, unknown> = {};
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      params = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      return answer(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
    }
    calls.push({ token, method, params });
    if (!known.has(token)) return answer(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const next = scripted.get(method)?.shift();
    if (next) return answer(next.status, next.body);
    const botId = Number(token.split(':')[0]);
    if (method === 'sendMessage') {
      const chatId = String(params.chat_id);
      const messageId = (lastMessageId.get(chatId) ?? 0) + 1;
      lastMessageId.set(chatId, messageId);
      return answer(200, {
        ok: true,
        result: {
          message_id: messageId,
          from: { id: botId, is_bot: true, first_name: 'Clinic bot', username: `clinic_${botId}_bot` },
          chat: { id: Number(chatId), type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text: params.text,
        },
      });
    }
    if (method === 'getMe') {
      return answer(200, {
        ok: true,
        result: { id: botId, is_bot: true, first_name: 'Clinic bot', username: `clinic_${botId}_bot` },
      });
    }
    if (method !== 'setWebhook') {
      return answer(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
    const url = typeof params.url === 'string' ? params.url : '';
    if (!url.startsWith('https://') && !(options.allowHttp && url.startsWith('http://'))) {
      return answer(400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: bad webhook: HTTPS url must be provided for webhook',
      });
    }
    const secretToken = params.secret_token;
    if (
      secretToken !== undefined &&
      !(typeof secretToken === 'string' && /^[\w-]{1,256}$/.test(secretToken))
    ) {
      return answer(400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: secret token contains unallowed characters',
      });
    }
    webhooks.set(token, { url, secretToken, allowedUpdates: params.allowed_updates });
    return answer(200, { ok: true, result: true, description: 'Webhook was set' });
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    webhooks,
    answerNext(method, answer) {
      scripted.set(method, [...(scripted.get(method) ?? []), answer]);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
