import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Send API call the stand-in received. */
export interface SendApiCall {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/**
 * A stand-in for Meta's Messenger Send API as documented (`POST /{version}/me/messages`, a Page token as
 * Bearer, answers `{recipient_id, message_id}` or `{error: {message, type, code, fbtrace_id}}`), JSON
 * bodies only: enough for a test to see what Careline sent to which person.
 */
export async function startSendApiStandIn(pageToken: string): Promise<{
  url: string;
  calls: SendApiCall[];
  close(): Promise<void>;
}> {
  const calls: SendApiCall[] = [];
  let nextId = 0;
  const server: Server = createServer(async (request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (!/^\/v\d+\.\d+\/me\/messages$/.test(path) || request.method !== 'POST')
      return answer(400, {
        error: { message: 'Unsupported request', type: 'GraphMethodException', code: 100 },
      });
    if (request.headers.authorization !== `Bearer ${pageToken}`)
      return answer(401, {
        error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 },
      });
    const body = JSON.parse((await bodyOf(request)) || '{}') as Record<string, unknown>;
    calls.push({ path, authorization: request.headers.authorization, body });
    const recipient = (body.recipient as { id?: string } | undefined)?.id ?? '';
    nextId += 1;
    return answer(200, { recipient_id: recipient, message_id: `m_standin${nextId}` });
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
