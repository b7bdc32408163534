/**
 * How one HTTP call to Meta ended. `answered`: a whole answer came back (`body` is its JSON, or null
 * when it is not JSON). `not_sent`: it broke before any byte could reach Meta (no such host, connection
 * refused, TLS refused): nothing can have happened there. `unknown`: it broke later or we cannot tell
 * (timed out, connection reset, the answer cut off), so Meta may have acted on it.
 *
 * fetch() does not say on which side of "the request left" its errors fall (WhatsApp's sender uses
 * node:http for that); the causes below are the ones that can only happen before the connection is up.
 */
export type GraphExchange =
  | { kind: 'answered'; status: number; body: unknown }
  | { kind: 'not_sent'; reason: string }
  | { kind: 'unknown'; reason: string };

export type Fetch = typeof fetch;

/** A Send API answer is a few hundred bytes; a longer one is not Meta's. */
const MAX_ANSWER_BYTES = 1024 * 1024;

const BEFORE_CONNECTION_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

/** Calls Graph with a deadline; never throws. */
export async function exchangeWithGraph(
  fetchFn: Fetch,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string | FormData },
  timeoutMs: number,
): Promise<GraphExchange> {
  if (!URL.canParse(url)) return { kind: 'not_sent', reason: 'the Graph API URL is not valid' };
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return failedCall(error, timeoutMs);
  }
  try {
    const bytes = await readAtMost(response, MAX_ANSWER_BYTES);
    if (bytes === null) return { kind: 'unknown', reason: 'the answer is too long for a Graph answer' };
    return { kind: 'answered', status: response.status, body: parseJson(bytes) };
  } catch (error) {
    return { kind: 'unknown', reason: `the answer broke off: ${describe(error, timeoutMs)}` };
  }
}

function failedCall(error: unknown, timeoutMs: number): GraphExchange {
  const code = causeCode(error);
  if (code !== null && BEFORE_CONNECTION_CODES.has(code)) {
    return { kind: 'not_sent', reason: describe(error, timeoutMs) };
  }
  return { kind: 'unknown', reason: describe(error, timeoutMs) };
}

/** The body's bytes, or null once it passes `max` (the rest is not read). */
export async function readAtMost(response: Response, max: number): Promise<Buffer | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    return null;
  }
  if (response.body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > max) {
      await response.body.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

/** The error's code, on the error or its cause (undici wraps network errors in a TypeError). */
function causeCode(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return null;
}

/** What went wrong, without the URL or anything of the request. */
export function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const code = causeCode(error);
  if (code !== null) return code;
  return error instanceof Error ? error.name : 'the call failed';
}
