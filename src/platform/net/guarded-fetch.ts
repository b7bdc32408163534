import { lookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { internalRange } from './internal-address.ts';
import { OutboundAllowList } from './outbound-allow-list.ts';
import { OutboundRequestError } from './outbound-request-error.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** The part of a pino logger the client uses. */
export interface OutboundLogger {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface OutboundPolicy {
  /** Internal hosts the operator lets Careline call (`OUTBOUND_ALLOWED_HOSTS`): names or IP addresses. */
  allowedHosts?: readonly string[];
  /** Where refusals and failures are told, by host only: paths and queries can hold secrets. */
  logger?: OutboundLogger;
  /** How names are resolved (the system resolver by default; tests give their own). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface GuardedRequest {
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** For the whole exchange: name resolution, every redirect, and reading the body. */
  timeoutMs: number;
  /** For opening each connection (default 5 s, never more than `timeoutMs`). */
  connectTimeoutMs?: number;
  /** The most of the body that is read. */
  maxBytes: number;
  /** A longer body: keep its first `maxBytes` (`truncate`) or fail with `too_large` (`fail`). */
  overflow: 'truncate' | 'fail';
  /** Redirects followed, each checked like the first address (at most 3). */
  maxRedirects?: number;
}

export interface GuardedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body went on past `maxBytes` and was cut there. */
  truncated: boolean;
}

export type GuardedFetch = (request: GuardedRequest) => Promise<GuardedResponse>;

const MAX_REDIRECTS = 3;
const CONNECT_TIMEOUT_MS = 5_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The client sets these, or they describe a connection the caller does not own: never taken from it. */
const CONTROLLED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'proxy-authorization',
  'proxy-connection',
]);
/** Credentials meant for one server are not handed to another one that a redirect names. */
const CREDENTIALS = ['authorization', 'cookie'];

/**
 * The one way Careline fetches a URL a user gave (a flow's HTTP step, a busy calendar…): http(s)
 * only; the name resolved first and every address checked (no loopback, private, link-local or
 * metadata, unique-local or multicast address unless the operator allowed the host); the connection
 * made to the address checked, so a second DNS answer cannot lead elsewhere; redirects followed by
 * hand, few, each checked again; a time limit on the whole and on each connection; at most `maxBytes`
 * read. Fails with `OutboundRequestError`, whose reasons do not tell a refused address from an
 * unreachable one: what lies behind an internal address stays unknown. Details go to the logger.
 */
export function createGuardedFetch(policy: OutboundPolicy = {}): GuardedFetch {
  const allowList = new OutboundAllowList(policy.allowedHosts ?? []);
  const resolve = policy.resolve ?? resolveWithSystem;
  const log = policy.logger;

  return async (request) => {
    const deadline = AbortSignal.timeout(request.timeoutMs);
    const connectTimeoutMs = Math.min(request.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, request.timeoutMs);
    const maxRedirects = Math.min(request.maxRedirects ?? MAX_REDIRECTS, MAX_REDIRECTS);
    let url = targetOf(request.url);
    let hop: Hop = { method: (request.method ?? 'GET').toUpperCase(), ...bodyAndHeaders(request) };
    try {
      for (let redirects = 0; ; redirects += 1) {
        const addresses = await withDeadline(permittedAddresses(url), deadline);
        const response = await exchange(url, addresses, hop, deadline, connectTimeoutMs);
        const location = response.headers.location;
        if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined) {
          return { status: response.statusCode ?? 0, headers: response.headers, ...(await read(response)) };
        }
        response.destroy();
        if (redirects >= maxRedirects) throw refused(url, 'too many redirects');
        const next = redirectTarget(url, location);
        hop = nextHop(hop, response.statusCode ?? 0, url.origin === next.origin);
        url = next;
      }
    } catch (error) {
      if (error instanceof OutboundRequestError) throw error;
      if (deadline.aborted) {
        log?.info({ host: url.hostname, timeoutMs: request.timeoutMs }, 'outbound request timed out');
        throw new OutboundRequestError('timeout');
      }
      log?.info({ host: url.hostname, code: errorCode(error) }, 'outbound request failed');
      throw new OutboundRequestError('unreachable');
    }

    async function read(response: IncomingMessage): Promise<{ body: Buffer; truncated: boolean }> {
      const declared = Number(response.headers['content-length']);
      if (request.overflow === 'fail' && Number.isFinite(declared) && declared > request.maxBytes) {
        response.destroy();
        throw new OutboundRequestError('too_large');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        const room = request.maxBytes - size;
        if (bytes.length > room) {
          response.destroy();
          if (request.overflow === 'fail') throw new OutboundRequestError('too_large');
          chunks.push(bytes.subarray(0, room));
          return { body: Buffer.concat(chunks), truncated: true };
        }
        chunks.push(bytes);
        size += bytes.length;
      }
      if (!response.complete) throw new Error('the connection closed before the end of the body');
      return { body: Buffer.concat(chunks), truncated: false };
    }
  };

  /** Every address the host stands for, each one permitted; refuses when one is not. */
  async function permittedAddresses(url: URL): Promise<ResolvedAddress[]> {
    const host = bareHost(url);
    const family = isIP(host);
    const addresses: ResolvedAddress[] =
      family === 4 || family === 6 ? [{ address: host, family }] : await resolve(host);
    if (addresses.length === 0) throw refused(url, 'the name resolves to no address');
    if (allowList.allowsName(host)) return addresses;
    for (const { address } of addresses) {
      const range = internalRange(address);
      if (range !== undefined && !allowList.allowsAddress(address)) {
        throw refused(url, `${range} address not allowed`);
      }
    }
    return addresses;
  }

  function refused(url: URL, why: string): OutboundRequestError {
    log?.warn({ host: url.hostname, why }, 'outbound request refused');
    return new OutboundRequestError('unreachable');
  }
}

interface Hop {
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

function targetOf(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundRequestError('invalid_url');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new OutboundRequestError('invalid_url');
  return parsed;
}

function redirectTarget(from: URL, location: string): URL {
  try {
    return targetOf(new URL(location, from));
  } catch {
    // A redirect to a non-web address is the server's fault, not the URL the user gave.
    throw new OutboundRequestError('unreachable');
  }
}

function bodyAndHeaders(request: GuardedRequest): Pick<Hop, 'headers' | 'body'> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!CONTROLLED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
  return { headers, body };
}

/** As browsers do: 303 (and 301/302 after a POST) become a GET without body; credentials stay home. */
function nextHop(hop: Hop, status: number, sameOrigin: boolean): Hop {
  const headers = { ...hop.headers };
  if (!sameOrigin) for (const name of CREDENTIALS) delete headers[name];
  const becomesGet =
    (status === 303 && hop.method !== 'HEAD') ||
    ((status === 301 || status === 302) && hop.method === 'POST');
  if (!becomesGet) return { ...hop, headers };
  delete headers['content-type'];
  return { method: 'GET', headers, body: undefined };
}

function exchange(
  url: URL,
  addresses: readonly ResolvedAddress[],
  hop: Hop,
  signal: AbortSignal,
  connectTimeoutMs: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    let request: http.ClientRequest;
    try {
      request = transport.request({
        protocol: url.protocol,
        hostname: bareHost(url),
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: hop.method,
        headers: {
          ...hop.headers,
          ...(hop.body === undefined ? {} : { 'content-length': String(hop.body.byteLength) }),
        },
        ...(url.username === ''
          ? {}
          : { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` }),
        // A fresh connection each time: a pooled one could lead to an address checked for another URL.
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
      });
    } catch {
      // Node refuses a header value it cannot send (a control character): the request is invalid.
      reject(new OutboundRequestError('invalid_request'));
      return;
    }
    request.once('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => request.destroy(new Error(`no connection within ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    request.once('response', resolve);
    // Kept after the answer: an error while the body is read must not go unhandled (the body's reader
    // sees it too).
    request.on('error', reject);
    request.end(hop.body);
  });
}

/** Hands the socket the addresses already checked instead of asking DNS again (no rebinding). */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
    const usable = addresses.filter((a) => wanted === undefined || a.family === wanted);
    const [first] = usable;
    if (first === undefined) {
      callback(Object.assign(new Error('no address of the family asked for'), { code: 'ENOTFOUND' }), '');
      return;
    }
    if (options.all)
      callback(
        null,
        usable.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, first.address, first.family);
  };
}

async function resolveWithSystem(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await lookup(hostname, { all: true, order: 'verbatim' });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && typeof e.code === 'string') return e.code;
  }
  return error instanceof Error ? error.message : undefined;
}

/** The client with no internal host allowed, for callers given none. */
export const guardedFetch: GuardedFetch = createGuardedFetch();
