import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { sessions, signInDevices } from '../../db-schema.ts';
import { createUser } from '../users/user.service.ts';
import { hashSessionToken } from './session-token.ts';

interface Json {
  [key: string]: unknown;
}
interface PageJson {
  data: Json[];
}
interface SignedInJson {
  user: Json & { org: Json };
  csrf_token: string;
}

const PASSWORD = 'correct horse battery staple';

describe.each(TEST_ENGINES)('staff sign-in with a session cookie (%s)', (engine) => {
  let env: TestCareline;
  let lilas: TestClinic;
  let pasteur: TestClinic;
  let lilasConversationId: string;
  let pasteurConversationId: string;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    lilas = await env.addClinic('Clinique des Lilas');
    pasteur = await env.addClinic('Cabinet Pasteur');
    for (const clinic of [lilas, pasteur]) {
      await env.simulator.simulator.patientSends({
        phoneNumberId: clinic.number.phoneNumberId,
        from: '+33612340000',
        name: 'Louis',
        text: `Bonjour ${clinic.org.name}`,
      });
    }
    const firstConversationOf = (clinic: TestClinic) =>
      eventually(async () => {
        const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as PageJson;
        return page.data[0] ? String(page.data[0].id) : undefined;
      });
    lilasConversationId = await firstConversationOf(lilas);
    pasteurConversationId = await firstConversationOf(pasteur);
  });
  afterAll(async () => {
    await env?.close();
  });

  let nextUser = 0;
  async function newAgent(clinic: TestClinic = lilas, role: 'admin' | 'agent' = 'agent') {
    nextUser += 1;
    return createUser(env.handle.db, {
      orgId: clinic.org.id,
      email: `Agent${nextUser}@${clinic.org.slug}.test`,
      password: PASSWORD,
      role,
      name: `Agent ${nextUser}`,
    });
  }

  function login(email: string, password: string, headers: Record<string, string> = {}) {
    return fetch(`${env.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    });
  }

  async function signedIn(email: string) {
    const response = await login(email, PASSWORD);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SignedInJson;
    return { cookie: sessionCookieOf(response), csrf: body.csrf_token, body, response };
  }

  function asBrowser(cookie: string, path: string, init: { method?: string; csrf?: string } = {}) {
    return fetch(`${env.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, ...(init.csrf !== undefined ? { 'x-csrf-token': init.csrf } : {}) },
    });
  }

  test('signing in sets an HttpOnly, SameSite=Lax cookie that alone opens the API', async () => {
    const agent = await newAgent();
    const { cookie, body, response } = await signedIn(agent.email.toUpperCase());
    expect(body).toEqual({
      user: {
        id: agent.id,
        email: agent.email,
        name: agent.name,
        role: 'agent',
        permissions: expect.arrayContaining(['conversations.read', 'conversations.write']),
        language: null,
        org: {
          id: lilas.org.id,
          name: lilas.org.name,
          slug: lilas.org.slug,
          time_zone: 'Europe/Paris',
          kind: 'clinic',
        },
        two_factor_enabled: false,
      },
      two_factor_enrolment_required: false,
      csrf_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^careline_session=[A-Za-z0-9_-]{43};/);
    for (const attribute of ['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=14400'])
      expect(setCookie).toContain(attribute);
    expect(setCookie).not.toContain('Secure');

    const conversations = await asBrowser(cookie, '/api/v1/conversations');
    expect(conversations.status).toBe(200);
    const page = (await conversations.json()) as PageJson;
    expect(page.data.map((c) => c.id)).toEqual([lilasConversationId]);

    const me = await asBrowser(cookie, '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(body);
  });

  test('X-Forwarded-Proto from a proxy nobody named does not make the cookie Secure', async () => {
    const agent = await newAgent();
    const response = await login(agent.email, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join('\n')).not.toContain('Secure');
  });

  test('changes need the session’s X-CSRF-Token; reads do not', async () => {
    const { cookie, csrf } = await signedIn((await newAgent()).email);
    const path = `/api/v1/conversations/${lilasConversationId}/read`;
    for (const wrong of [undefined, '', 'x'.repeat(43), `${csrf}x`]) {
      const refused = await asBrowser(cookie, path, {
        method: 'POST',
        ...(wrong !== undefined ? { csrf: wrong } : {}),
      });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(((await refused.json()) as Json).detail).toBe('Missing or wrong CSRF token');
    }
    const other = await signedIn((await newAgent()).email);
    expect((await asBrowser(cookie, path, { method: 'POST', csrf: other.csrf })).status).toBe(403);
    expect((await asBrowser(cookie, path, { method: 'POST', csrf })).status).toBe(202);
    // API keys need no CSRF token: a browser never sends them on its own.
    expect((await env.api(lilas.apiKey, path, { method: 'POST' })).status).toBe(202);
  });

  test('a wrong password and an unknown e-mail get the same 401', async () => {
    const agent = await newAgent();
    const wrong = await login(agent.email, 'not the password at all');
    const unknown = await login('nobody@nowhere.test', PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const [a, b] = [(await wrong.json()) as Json, (await unknown.json()) as Json];
    expect(a).toEqual(b);
    expect(a.detail).toBe('Wrong e-mail or password');
  });

  test('bad input is a 400 naming the field', async () => {
    const response = await login('not-an-email', PASSWORD);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Json & { errors: Json[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['body.email']);
    const empty = await login('a@b.test', '');
    expect(((await empty.json()) as { errors: Json[] }).errors.map((e) => e.field)).toEqual([
      'body.password',
    ]);
  });

  test('a stranger’s wrong passwords cannot keep a colleague out of the browser she signs in from', async () => {
    const agent = await newAgent();
    const herBrowser = await signedIn(agent.email);
    // What her browser keeps from signing in (besides the session).
    const herCookies = herBrowser.response.headers
      .getSetCookie()
      .filter((cookie) => !cookie.startsWith('careline_session='));
    const herDevice = herCookies.map((cookie) => cookie.split(';')[0]).join('; ');

    // Someone else, elsewhere, guesses: five wrong passwords pause sign-ins from unknown browsers.
    for (let i = 1; i <= 4; i += 1)
      expect((await login(agent.email, `wrong password ${i}`)).status).toBe(401);
    const fifth = await login(agent.email, 'wrong password 5');
    expect(fifth.status).toBe(423);
    const paused = await login(agent.email, PASSWORD);
    expect(paused.status).toBe(423);
    expect(paused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await paused.json()) as Json;
    const pausedUntil = new Date(String(problem.locked_until)).getTime();
    expect(pausedUntil - Date.now()).toBeGreaterThan(50_000);
    expect(pausedUntil - Date.now()).toBeLessThanOrEqual(60_000);
    expect(problem.detail).toContain(new Date(pausedUntil).toISOString().slice(11, 16));
    expect(Number(paused.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(paused.headers.getSetCookie()).toEqual([]);

    // Her own browser is not paused: the right password signs her in at once.
    const again = await login(agent.email, PASSWORD, { cookie: herDevice });
    expect(again.status).toBe(200);
    // Its own wrong passwords are counted apart, and pause only it.
    for (let i = 1; i <= 4; i += 1)
      expect((await login(agent.email, `typo ${i}`, { cookie: herDevice })).status).toBe(401);
    expect((await login(agent.email, 'typo 5', { cookie: herDevice })).status).toBe(423);
    // The cookie that tells her browser apart: HttpOnly, sent to the sign-in routes only, by our pages only.
    expect(herCookies.join('\n')).toMatch(
      /^careline_device=[A-Za-z0-9_-]{43}; Max-Age=15552000; Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict$/,
    );
  });

  test('an unknown e-mail and a paused account get the same answers', async () => {
    const agent = await newAgent();
    const answers = async (email: string) => {
      const seen: { status: number; body: Json; cookies: string[]; retryAfter: string | null }[] = [];
      for (let i = 1; i <= 6; i += 1) {
        const response = await login(email, `wrong password ${i}`);
        const body = (await response.json()) as Json;
        seen.push({
          status: response.status,
          // The time of day the pause ends is the only thing that may differ.
          body: {
            ...body,
            detail: String(body.detail).replace(/\d\d:\d\d/, 'HH:MM'),
            locked_until: typeof body.locked_until,
          },
          cookies: response.headers.getSetCookie(),
          retryAfter: response.headers.get('retry-after') === null ? null : 'set',
        });
      }
      return seen;
    };
    const known = await answers(agent.email);
    const unknown = await answers(`nobody-${agent.id}@nowhere.test`);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown).toEqual(known);
  });

  test('a success resets the count: failures must be consecutive to pause', async () => {
    const agent = await newAgent();
    for (let i = 0; i < 4; i += 1) expect((await login(agent.email, 'wrong password')).status).toBe(401);
    await signedIn(agent.email);
    for (let i = 0; i < 4; i += 1) expect((await login(agent.email, 'wrong password')).status).toBe(401);
    await signedIn(agent.email);
  });

  test('signing out ends the session and clears the cookie', async () => {
    const { cookie, csrf } = await signedIn((await newAgent()).email);
    const withoutCsrf = await asBrowser(cookie, '/api/v1/auth/logout', { method: 'POST' });
    expect(withoutCsrf.status).toBe(403);
    expect((await asBrowser(cookie, '/api/v1/conversations')).status).toBe(200);

    const logout = await asBrowser(cookie, '/api/v1/auth/logout', { method: 'POST', csrf });
    expect(logout.status).toBe(204);
    const cleared = logout.headers.getSetCookie().join('\n');
    expect(cleared).toMatch(/^careline_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);

    const after = await asBrowser(cookie, '/api/v1/conversations');
    expect(after.status).toBe(401);
    expect(((await after.json()) as Json).detail).toBe('Your session has ended; sign in again');
    expect((await asBrowser(cookie, '/api/v1/auth/me')).status).toBe(401);
    // Signing out twice is harmless.
    expect((await asBrowser(cookie, '/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
  });

  test('an expired session is refused', async () => {
    const agent = await newAgent();
    const { cookie } = await signedIn(agent.email);
    await env.handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, agent.id));
    expect((await asBrowser(cookie, '/api/v1/conversations')).status).toBe(401);
    expect((await asBrowser(cookie, '/api/v1/auth/me')).status).toBe(401);
  });

  test('the database holds the token’s hash, never the token nor the CSRF token', async () => {
    const agent = await newAgent();
    const { cookie, csrf, response } = await signedIn(agent.email);
    const token = cookie.slice('careline_session='.length);
    const device = deviceCookieOf(response).slice('careline_device='.length);
    const rows = await env.handle.db.select().from(sessions).where(eq(sessions.userId, agent.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashSessionToken(token));
    for (const secret of [token, csrf, device]) {
      for (const table of [sessions, signInDevices]) {
        const [found] = await env.handle.db
          .select({ n: sql<number>`count(*)::int` })
          .from(table)
          .where(sql`${table}::text like ${`%${secret}%`}`);
        expect(found?.n).toBe(0);
      }
    }
    // The page gets its CSRF token again after a reload, and it still works.
    const me = (await (await asBrowser(cookie, '/api/v1/auth/me')).json()) as SignedInJson;
    expect(me.csrf_token).toBe(csrf);
    const path = `/api/v1/conversations/${lilasConversationId}/read`;
    expect((await asBrowser(cookie, path, { method: 'POST', csrf: me.csrf_token })).status).toBe(202);
  });

  test('signing in again replaces the browser’s previous session', async () => {
    const agent = await newAgent();
    const first = await signedIn(agent.email);
    const again = await login(agent.email, PASSWORD, { cookie: first.cookie });
    expect(again.status).toBe(200);
    expect((await asBrowser(first.cookie, '/api/v1/conversations')).status).toBe(401);
    expect((await asBrowser(sessionCookieOf(again), '/api/v1/conversations')).status).toBe(200);
  });

  test('a user sees only their clinic: another clinic’s conversation is 404', async () => {
    const { cookie } = await signedIn((await newAgent(lilas)).email);
    expect((await asBrowser(cookie, `/api/v1/conversations/${lilasConversationId}`)).status).toBe(200);
    expect((await asBrowser(cookie, `/api/v1/conversations/${pasteurConversationId}`)).status).toBe(404);
    const pasteurAdmin = await signedIn((await newAgent(pasteur, 'admin')).email);
    const page = (await (await asBrowser(pasteurAdmin.cookie, '/api/v1/conversations')).json()) as PageJson;
    expect(page.data.map((c) => c.id)).toEqual([pasteurConversationId]);
  });

  test('the OpenAPI document describes the sign-in routes', async () => {
    const response = await fetch(`${env.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/me']),
    );
  });
});

function deviceCookieOf(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('careline_device='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no device cookie was set');
  return cookie;
}

function sessionCookieOf(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('careline_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no session cookie was set');
  return cookie;
}
