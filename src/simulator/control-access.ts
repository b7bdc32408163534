import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/**
 * Who may use the control API, and on which numbers. The control API makes patients write (validly
 * signed webhooks), shows what a business sent, and says where webhooks go: it is for the demo and
 * tests, on this machine, or for a caller that has the token.
 */
export interface SimulatorAccess {
  /** A caller from elsewhere than this machine sends it as `Authorization: Bearer …`; unset, it is refused. */
  token?: string;
  /**
   * Whether the simulator may play this business number (register it, make its patients write).
   * Careline answers yes only for numbers whose channel account points at this simulator; unset, any.
   */
  playsNumber?(phoneNumberId: string): Promise<boolean>;
  /**
   * Whether the simulator may play this Telegram bot, Page or Instagram account (make its patients
   * write, show its conversations): Careline answers yes only for accounts pointing at it; unset, any.
   */
  playsAccount?(
    app: 'telegram' | 'messenger' | 'instagram' | 'line' | 'sms' | 'viber',
    accountId: string,
  ): Promise<boolean>;
  /** Where a number registered through the control API may send webhooks; unset, anywhere. */
  acceptsWebhookUrl?(url: string): boolean;
}

/** What the access check reads of a request (Fastify's request has it; tests give it plainly). */
export interface ControlCaller {
  /** The TCP peer, not `request.ip`: a forwarded-for header must not make a stranger local. */
  remoteAddress: string | undefined;
  headers: IncomingHttpHeaders;
}

/** A caller on this machine, or one with the token. */
export function mayControl(caller: ControlCaller, token: string | undefined): boolean {
  return isLoopbackCaller(caller) || (token !== undefined && carriesToken(caller.headers, token));
}

/**
 * The connection comes from this machine and was not forwarded for someone else (a reverse proxy on
 * the same machine connects from loopback), nor sent by a web page that renamed an outside host to
 * this machine (DNS rebinding: its Host header keeps the outside name).
 */
export function isLoopbackCaller(caller: ControlCaller): boolean {
  if (!isLoopbackAddress(caller.remoteAddress)) return false;
  const { headers } = caller;
  if (headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined) return false;
  if (headers['x-real-ip'] !== undefined) return false;
  return headers.host === undefined || isLoopbackHost(headers.host);
}

function carriesToken(headers: IncomingHttpHeaders, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (!match?.[1]) return false;
  // Digests have one length: the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const bare = address.replace(/^::ffff:(?=\d+\.)/i, '');
  return isIP(bare) === 4 ? bare.startsWith('127.') : bare === '::1';
}

function isLoopbackHost(host: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname.endsWith('.localhost') || isLoopbackAddress(hostname);
}
