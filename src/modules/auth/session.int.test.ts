import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { sessions, users } from '../../platform/db/schema.ts';
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
        language: null,
        org: { id: lilas.org.id, name: lilas.org.name, slug: lilas.org.slug, time_zone: 'Europe/Paris' },
      },
      csrf_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^careline_session=[A-Za-z0-9_-]{43};/);
    for (const attribute of ['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=43200'])
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

  test('the cookie is Secure when the request came over https (through a proxy)', async () => {
    const agent = await newAgent();
    const response = await login(agent.email, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join('\n')).toContain('Secure');
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

  test('five wrong passwords lock the account for 15 minutes, even against the right one', async () => {
    const agent = await newAgent();
    for (let i = 1; i <= 4; i += 1)
      expect((await login(agent.email, `wrong password ${i}`)).status).toBe(401);
    const fifth = await login(agent.email, 'wrong password 5');
    expect(fifth.status).toBe(423);

    const locked = await login(agent.email, PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await locked.json()) as Json;
    const lockedUntil = new Date(String(problem.locked_until)).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(problem.detail).toContain(new Date(lockedUntil).toISOString().slice(11, 16));
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(locked.headers.getSetCookie()).toEqual([]);

    // The lock runs out.
    await env.handle.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, agent.id));
    await signedIn(agent.email);
    const [row] = await env.handle.db.select().from(users).where(eq(users.id, agent.id));
    expect(row?.failedLogins).toBe(0);
    expect(row?.lockedUntil).toBeNull();
  });

  test('a success resets the count: failures must be consecutive to lock', async () => {
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

  test('the database holds the token’s hash, never the token', async () => {
    const agent = await newAgent();
    const { cookie, csrf } = await signedIn(agent.email);
    const token = cookie.slice('careline_session='.length);
    const rows = await env.handle.db.select().from(sessions).where(eq(sessions.userId, agent.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashSessionToken(token));
    expect(rows[0]?.csrfToken).toBe(csrf);
    const [found] = await env.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(sql`${sessions}::text like ${`%${token}%`}`);
    expect(found?.n).toBe(0);
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

function sessionCookieOf(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('careline_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no session cookie was set');
  return cookie;
}
