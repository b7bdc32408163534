import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { TLSSocket } from 'node:tls';

/**
 * How a POST to the Graph API ended. `answered`: a whole answer came back (`body` is its JSON, or null
 * when it is not JSON). `not_sent`: it broke before the whole request was handed to the network (no
 * name, connection refused, TLS refused, timed out while connecting): Meta cannot have acted on it.
 * `unknown`: it broke after that (timed out waiting, connection reset or closed, the answer cut off),
 * so Meta may have acted on it.
 */
export type GraphExchange =
  | { kind: 'answered'; status: number; body: unknown }
  | { kind: 'not_sent'; reason: string }
  | { kind: 'unknown'; reason: string };

/** A send's answer is a few hundred bytes; a longer one is not Meta's. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * POSTs JSON and tells a call that certainly left nothing at Meta from one that may have: the line is
 * the request's `finish` (its last byte handed to the operating system). Until then the server cannot
 * have the whole request, so it cannot have acted on it; after it, only an answer can tell. fetch()
 * does not say which side of that line its errors fall on.
 */
export function postGraphJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  timeoutMs: number,
): Promise<GraphExchange> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve({ kind: 'not_sent', reason: 'the Graph API URL is not valid' });
  }
  const transport = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
  if (!transport)
    return Promise.resolve({
      kind: 'not_sent',
      reason: `the Graph API URL is not http(s): ${target.protocol}`,
    });
  const payload = Buffer.from(JSON.stringify(body));
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise((resolve) => {
    let settled = false;
    let requestSent = false;
    const settle = (exchange: GraphExchange) => {
      if (settled) return;
      settled = true;
      resolve(exchange);
    };
    const request = transport.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
        signal,
      },
      (response) => readAnswer(request, response, settle),
    );
    request.on('finish', () => {
      requestSent = true;
    });
    // `finish` may fire while the bytes still wait in a socket that is connecting (Node 22 does so during
    // a TLS handshake): nothing can reach Meta before the connection, TLS included, is established.
    let connected = false;
    request.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', () => (connected = true));
    });
    request.on('error', (error) =>
      settle({
        kind: requestSent && connected ? 'unknown' : 'not_sent',
        reason: signal.aborted ? `no answer within ${timeoutMs} ms` : describe(error),
      }),
    );
    request.end(payload);
  });
}

function readAnswer(
  request: ClientRequest,
  response: IncomingMessage,
  settle: (exchange: GraphExchange) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) request.destroy(new Error('the answer is too long for a Graph answer'));
    else chunks.push(chunk);
  });
  response.on('error', (error) =>
    settle({ kind: 'unknown', reason: `the answer broke off: ${error.message}` }),
  );
  // A socket that closes mid-answer may end the answer without an `error` on some paths.
  response.on('close', () => {
    if (!response.complete) settle({ kind: 'unknown', reason: 'the answer broke off' });
  });
  response.on('end', () => {
    if (!response.complete) {
      settle({ kind: 'unknown', reason: 'the answer broke off' });
      return;
    }
    settle({ kind: 'answered', status: response.statusCode ?? 0, body: parseJson(Buffer.concat(chunks)) });
  });
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

/** What went wrong, without the URL (it names the number) or anything of the request. */
function describe(error: Error): string {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code ? `${code} (${error.message})` : error.message;
}
