import { expect } from 'vitest';
import type { TestCareline } from '../support/test-careline.ts';
import type { Json } from './inbox-support.ts';

/** What the settings tests share: a member of the staff signed in as the web app is. */

export const PASSWORD = 'correct horse battery staple';

export interface SignedInBrowser {
  cookie: string;
  csrf: string;
  userId: string;
  /** Calls the API with the session cookie and, for changes, the CSRF token (as the web app does). */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
}

export function signInAttempt(env: TestCareline, email: string, password: string): Promise<Response> {
  return fetch(`${env.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

export async function signIn(
  env: TestCareline,
  email: string,
  password = PASSWORD,
): Promise<SignedInBrowser> {
  const response = await signInAttempt(env, email, password);
  expect(response.status).toBe(200);
  const signedIn = (await response.json()) as { csrf_token: string; user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.startsWith('careline_session='))
    .join('; ');
  return {
    cookie,
    csrf: signedIn.csrf_token,
    userId: signedIn.user.id,
    async call(method, path, body) {
      const result = await fetch(`${env.url}/api/v1${path}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': signedIn.csrf_token }),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await result.text();
      return { status: result.status, body: text ? (JSON.parse(text) as Json) : {} };
    },
  };
}
