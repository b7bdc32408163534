import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'careline_session';
export const DEVICE_COOKIE = 'careline_device';

/** One cookie remembers this many accounts' browsers: a shared reception computer serves a few people. */
const DEVICES_PER_BROWSER = 5;
const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;

/**
 * HttpOnly: page scripts never see the token. SameSite=Lax: other sites' forms and fetches do not
 * carry it (the CSRF token covers the rest). Secure whenever the request came over https, proxies
 * included when TRUST_PROXY names them.
 */
const COOKIE_OPTIONS: CookieSerializeOptions = {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: 'auto',
};

export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined;
}

/** The cookie lives as long as the session: until `expiresAt`. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, now: Date): void {
  const maxAge = Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
  reply.setCookie(SESSION_COOKIE, token, { ...COOKIE_OPTIONS, maxAge });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
}

/** The tokens of the accounts this browser signed in to (newest first). */
export function deviceTokensOf(request: FastifyRequest): string[] {
  return (request.cookies[DEVICE_COOKIE] ?? '').split('.').filter(Boolean).slice(0, DEVICES_PER_BROWSER);
}

/**
 * Adds an account's device token to the browser's careline_device cookie, sent only to the sign-in
 * routes under `path`, and only by our own pages (SameSite=Strict).
 */
export function rememberDevice(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  path: string,
): void {
  const tokens = [token, ...deviceTokensOf(request).filter((t) => t !== token)].slice(0, DEVICES_PER_BROWSER);
  reply.setCookie(DEVICE_COOKIE, tokens.join('.'), {
    ...COOKIE_OPTIONS,
    sameSite: 'strict',
    path,
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}
