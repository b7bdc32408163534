import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readViberJson } from './read-viber-json.ts';

/** One call the stand-in received. */
export interface ViberApiCall {
  method: string;
  path: string;
  authToken: string | undefined;
  body: Record<string, unknown> | null;
}

export interface ViberApiStandIn {
  url: string;
  calls: ViberApiCall[];
  /** The next call of this method (`send_message`) gets this answer; in order, one call each. */
  answerNext(method: string, answer: Record<string, unknown>): void;
  close(): Promise<void>;
}

/**
 * A scripted stand-in for the REST Bot API on 127.0.0.1 for the adapter's own tests: send_message
 * answers a `message_token` beyond 2^53 (written as raw digits, as Viber does), get_account_info the
 * account, set_webhook ok; any other token is `status: 2` as Viber words it (HTTP 200). `GET /media/…`
 * serves the files given, as Viber's media host does. The simulator's stand-in (src/simulator/viber/)
 * is the faithful one.
 */
export async function startViberApiStandIn(options: {
  token: string;
  media?: Readonly<Record<string, { bytes: Buffer; mimeType: string }>>;
}): Promise<ViberApiStandIn> {
  const calls: ViberApiCall[] = [];
  const scripted = new Map<string, Record<string, unknown>[]>();
  let nextToken = 5741311803571800000n;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = request.url ?? '';
    const media = /^\/media\/([\w.-]+)$/.exec(path);
    if (request.method === 'GET' && media) {
      const file = options.media?.[media[1] ?? ''];
      response.writeHead(file ? 200 : 404, { 'content-type': file?.mimeType ?? 'text/plain' });
      response.end(file?.bytes ?? 'not found');
      return;
    }
    const authToken = request.headers['x-viber-auth-token'] as string | undefined;
    calls.push({
      method: request.method ?? '',
      path,
      authToken,
      body: text === '' ? null : (readViberJson(text) as Record<string, unknown>),
    });
    const answer = (json: Record<string, unknown>, rawToken?: bigint) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const body = JSON.stringify(json);
      // The token is written as digits, as Viber's 64-bit number: JSON.stringify cannot write a bigint.
      response.end(rawToken === undefined ? body : `${body.slice(0, -1)},"message_token":${rawToken}}`);
    };
    const method = path.replace(/^\/pa\//, '');
    const next = scripted.get(method)?.shift();
    if (next) return answer(next);
    if (authToken !== options.token) return answer({ status: 2, status_message: 'invalidAuthToken' });
    if (method === 'get_account_info')
      return answer({
        status: 0,
        status_message: 'ok',
        id: 'pa:5741311803571721000',
        name: 'Clinique Viber',
      });
    if (method === 'set_webhook')
      return answer({ status: 0, status_message: 'ok', event_types: ['delivered', 'seen', 'failed'] });
    if (method === 'send_message') {
      nextToken += 1n;
      return answer(
        { status: 0, status_message: 'ok', chat_hostname: 'SN-CHAT-05_', billing_status: 1 },
        nextToken,
      );
    }
    return answer({ status: 3, status_message: 'badData' });
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
    answerNext(method, answer) {
      scripted.set(method, [...(scripted.get(method) ?? []), answer]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
