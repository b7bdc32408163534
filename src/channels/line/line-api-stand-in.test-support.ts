import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the stand-in received. */
export interface LineApiCall {
  method: string;
  path: string;
  authorization: string | undefined;
  retryKey: string | undefined;
  body: Record<string, unknown> | null;
}

export interface LineApiStandIn {
  url: string;
  calls: LineApiCall[];
  /** The next call of this path gets this answer instead of the usual one; in order, one call each. */
  answerNext(path: string, answer: { status: number; body: unknown; headers?: Record<string, string> }): void;
  close(): Promise<void>;
}

/**
 * A scripted stand-in for the Messaging API on 127.0.0.1 for the adapter's own tests: reply and push
 * answer `{sentMessages:[{id, quoteToken}]}` with ids counting up, the content endpoint answers the
 * bytes given for a message id, `/v2/bot/info` the bot; any other token than `token` is a 401 as LINE
 * words it. The simulator's stand-in (src/simulator/line/) is the faithful one.
 */
export async function startLineApiStandIn(options: {
  token: string;
  content?: Readonly<Record<string, { bytes: Buffer; mimeType: string }>>;
}): Promise<LineApiStandIn> {
  const calls: LineApiCall[] = [];
  const scripted = new Map<string, { status: number; body: unknown; headers?: Record<string, string> }[]>();
  let nextId = 100000000000000000n;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = request.url ?? '';
    const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(typeof json === 'string' ? json : JSON.stringify(json));
    };
    calls.push({
      method: request.method ?? '',
      path,
      authorization: request.headers.authorization,
      retryKey: request.headers['x-line-retry-key'] as string | undefined,
      body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
    });
    const next = scripted.get(path)?.shift();
    if (next) return answer(next.status, next.body, next.headers);
    if (request.headers.authorization !== `Bearer ${options.token}`)
      return answer(401, {
        message: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
      });
    const content = /^\/v2\/bot\/message\/(\d+)\/content$/.exec(path);
    if (content) {
      const file = options.content?.[content[1] ?? ''];
      if (!file) return answer(404, { message: 'Not found' });
      response.writeHead(200, { 'content-type': file.mimeType });
      response.end(file.bytes);
      return;
    }
    if (path === '/v2/bot/info')
      return answer(200, {
        userId: 'U0a1b2c3d4e5f60718293a4b5c6d7e8f9',
        basicId: '@123abcde',
        displayName: 'Clinique',
      });
    if (path === '/v2/bot/message/reply' || path === '/v2/bot/message/push') {
      const sent = (JSON.parse(text) as { messages?: unknown }).messages;
      const messages: unknown[] = Array.isArray(sent) ? sent : [];
      const sentMessages = messages.map(() => {
        nextId += 1n;
        return { id: String(nextId), quoteToken: `qt${nextId}` };
      });
      return answer(200, { sentMessages });
    }
    if (path === '/v2/bot/channel/webhook/endpoint' && request.method === 'PUT') return answer(200, {});
    return answer(404, { message: 'Not found' });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    answerNext(path, answer) {
      scripted.set(path, [...(scripted.get(path) ?? []), answer]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
