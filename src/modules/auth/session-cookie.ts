import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_LIFETIME_MS } from './session.service.ts';

export const SESSION_COOKIE = 'careline_session';

/**
 * HttpOnly: page scripts never see the token. SameSite=Lax: other sites' forms and fetches do not
 * carry it (the CSRF token covers the rest). Secure whenever the request came over https, proxies
 * included (the server trusts X-Forwarded-Proto).
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

export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { ...COOKIE_OPTIONS, maxAge: SESSION_LIFETIME_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
}
