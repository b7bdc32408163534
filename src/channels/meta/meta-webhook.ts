import { createHash, timingSafeEqual } from 'node:crypto';
import type { WebhookRequest, WebhookVerdict } from '../channel-adapter.ts';
import { verifyMetaSignature } from './webhook-signature.ts';

// What every Meta webhook shares (WhatsApp, Messenger, Instagram): the signature and the handshake.

/** Meta's challenge is a number; anything else is echoed nowhere (the handshake answer is our body). */
const CHALLENGE = /^[A-Za-z0-9_.-]{1,256}$/;

/**
 * A Meta delivery of another product than `object` (a Page's posted to the WhatsApp URL), or without its
 * `entry` list: refused naming the field, so that a misconfigured subscription shows instead of vanishing.
 */
export function foreignMetaObject(body: object, object: string): { field: string; message: string } | null {
  const given = 'object' in body ? body.object : undefined;
  if (given !== object) return { field: 'body.object', message: `expected a ${object} webhook` };
  if (!('entry' in body) || !Array.isArray(body.entry))
    return { field: 'body.entry', message: 'expected a list of entries' };
  return null;
}

/** Meta signs every delivery: one without the header is refused before its accounts are looked up. */
export function missingSignature(request: WebhookRequest): string | null {
  return headerOf(request.headers, 'x-hub-signature-256') === undefined
    ? 'Missing X-Hub-Signature-256'
    : null;
}

export function verifySignature(request: WebhookRequest, appSecret: string): WebhookVerdict {
  if (appSecret === '') return { ok: false, reason: 'no app secret is configured' };
  const header = headerOf(request.headers, 'x-hub-signature-256');
  if (header === undefined) return { ok: false, reason: 'no X-Hub-Signature-256 header' };
  return verifyMetaSignature(request.rawBody, header, appSecret)
    ? { ok: true }
    : { ok: false, reason: 'the X-Hub-Signature-256 signature does not match' };
}

/** `hub.challenge` when `hub.mode` is `subscribe` and `hub.verify_token` is ours; else null (refuse). */
export function answerHandshake(
  query: Readonly<Record<string, string | undefined>>,
  verifyToken: string,
): string | null {
  const challenge = query['hub.challenge'];
  const token = query['hub.verify_token'];
  if (query['hub.mode'] !== 'subscribe' || token === undefined || challenge === undefined) return null;
  if (verifyToken === '' || !sameSecret(token, verifyToken)) return null;
  return CHALLENGE.test(challenge) ? challenge : null;
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes before comparing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Node lowercases header names, but a caller's record may not: look the name up either way. */
function headerOf(headers: WebhookRequest['headers'], name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
