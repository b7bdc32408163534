import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addStaff, call, type Json } from '../../../test/e2e/inbox-support.ts';
import { PASSWORD } from '../../../test/e2e/settings-support.ts';
import {
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const CHROME_ON_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

interface Browser {
  cookie: string;
  csrf: string;
  call(method: string, path: string, options?: { csrf?: boolean }): Promise<{ status: number; body: Json }>;
}

describe.each(TEST_ENGINES)('a person’s active sessions (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
  });
  afterAll(async () => {
    await env?.close();
  });

  /** Signs in as a browser with this User-Agent would. */
  async function signInWith(email: string, userAgent: string): Promise<Browser> {
    const response = await fetch(`${env.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const { csrf_token: csrf } = (await response.json()) as { csrf_token: string };
    const cookie =
      response.headers
        .getSetCookie()
        .find((c) => c.startsWith('careline_session='))
        ?.split(';')[0] ?? '';
    return {
      cookie,
      csrf,
      async call(method, path, options = {}) {
        const result = await fetch(`${env.url}/api/v1${path}`, {
          method,
          headers: {
            cookie,
            'user-agent': userAgent,
            ...(method !== 'GET' && options.csrf !== false ? { 'x-csrf-token': csrf } : {}),
          },
        });
        const text = await result.text();
        return { status: result.status, body: text ? (JSON.parse(text) as Json) : {} };
      },
    };
  }

  async function sessionsSeenBy(browser: Browser): Promise<Json[]> {
    const listed = await browser.call('GET', '/auth/sessions');
    expect(listed.status).toBe(200);
    return listed.body.data as Json[];
  }

  test('a person sees their active sessions and signs one out', async () => {
    const agent = await addStaff(env, clinic, { name: 'Inès Morel' });
    const desk = await signInWith(agent.email, FIREFOX_ON_WINDOWS);
    const phone = await signInWith(agent.email, SAFARI_ON_IPHONE);
    const colleague = await addStaff(env, clinic, { name: 'Paul Vidal' });
    await signInWith(colleague.email, CHROME_ON_MAC);

    const seen = await sessionsSeenBy(desk);
    expect(seen).toHaveLength(2);
    const [mine, theirs] = [seen.find((s) => s.current), seen.find((s) => !s.current)];
    expect(mine).toEqual({
      id: expect.any(String),
      current: true,
      created_at: expect.any(String),
      last_used_at: expect.any(String),
      expires_at: expect.any(String),
      browser: 'Firefox',
      os: 'Windows',
      ip_prefix: '127.0.0.0/24',
    });
    expect(theirs).toMatchObject({ current: false, browser: 'Safari', os: 'iOS', ip_prefix: '127.0.0.0/24' });
    // The other browser sees the same two, itself marked current.
    expect((await sessionsSeenBy(phone)).find((s) => s.current)?.id).toBe(theirs?.id);

    // A change needs the CSRF token like every other.
    expect((await desk.call('DELETE', `/auth/sessions/${theirs?.id}`, { csrf: false })).status).toBe(403);
    expect((await phone.call('GET', '/conversations')).status).toBe(200);

    expect((await desk.call('DELETE', `/auth/sessions/${theirs?.id}`)).status).toBe(204);
    const refused = await phone.call('GET', '/conversations');
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('Your session has ended; sign in again');
    expect((await sessionsSeenBy(desk)).map((s) => s.id)).toEqual([mine?.id]);
    // Signed out already: nothing left to sign out.
    expect((await desk.call('DELETE', `/auth/sessions/${theirs?.id}`)).status).toBe(404);
  });

  test('a person cannot sign out someone else’s session', async () => {
    const agent = await addStaff(env, clinic, { name: 'Agent Curieux' });
    const colleague = await addStaff(env, clinic, { name: 'Agent Voisin' });
    const stranger = await addStaff(env, other, { name: 'Agent Ailleurs' });
    const mine = await signInWith(agent.email, FIREFOX_ON_WINDOWS);
    const hers = await signInWith(colleague.email, CHROME_ON_MAC);
    const theirs = await signInWith(stranger.email, SAFARI_ON_IPHONE);
    const herSessionId = (await sessionsSeenBy(hers))[0]?.id;
    const theirSessionId = (await sessionsSeenBy(theirs))[0]?.id;

    for (const id of [herSessionId, theirSessionId]) {
      const refused = await mine.call('DELETE', `/auth/sessions/${id}`);
      expect(refused.status).toBe(404);
      expect(refused.body.detail).toBe('Session not found');
    }
    expect((await hers.call('GET', '/conversations')).status).toBe(200);
    expect((await theirs.call('GET', '/conversations')).status).toBe(200);
    // Their sessions are not in her list either, and a malformed id names the field.
    expect((await sessionsSeenBy(mine)).map((s) => s.id)).not.toContain(herSessionId);
    const malformed = await mine.call('DELETE', '/auth/sessions/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('params.id');
    // An API key acts for the clinic, not for a person: it has no sessions to list or end.
    expect((await call(env, clinic, 'GET', '/auth/sessions')).status).toBe(403);
    expect((await call(env, clinic, 'DELETE', `/auth/sessions/${herSessionId}`)).status).toBe(403);
    expect((await hers.call('GET', '/conversations')).status).toBe(200);
  });

  test('sign out everywhere else keeps the current session', async () => {
    const agent = await addStaff(env, clinic, { name: 'Agent Prudent' });
    const colleague = await addStaff(env, clinic, { name: 'Agent Tranquille' });
    const kept = await signInWith(agent.email, FIREFOX_ON_WINDOWS);
    const others = [
      await signInWith(agent.email, SAFARI_ON_IPHONE),
      await signInWith(agent.email, CHROME_ON_MAC),
    ];
    const colleagues = await signInWith(colleague.email, CHROME_ON_MAC);

    expect((await kept.call('POST', '/auth/sessions/sign-out-others', { csrf: false })).status).toBe(403);
    const ended = await kept.call('POST', '/auth/sessions/sign-out-others');
    expect(ended).toEqual({ status: 200, body: { signed_out: 2 } });

    expect((await kept.call('GET', '/conversations')).status).toBe(200);
    for (const browser of others) expect((await browser.call('GET', '/conversations')).status).toBe(401);
    expect((await colleagues.call('GET', '/conversations')).status).toBe(200);
    expect((await sessionsSeenBy(kept)).map((s) => s.current)).toEqual([true]);
  });

  test('signing out the current session from the list clears its cookie', async () => {
    const agent = await addStaff(env, clinic, { name: 'Agent Pressé' });
    const browser = await signInWith(agent.email, FIREFOX_ON_WINDOWS);
    const [current] = await sessionsSeenBy(browser);
    const response = await fetch(`${env.url}/api/v1/auth/sessions/${current?.id}`, {
      method: 'DELETE',
      headers: {
        cookie: browser.cookie,
        'x-csrf-token': browser.csrf,
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join('\n')).toMatch(/^careline_session=;/);
    expect((await browser.call('GET', '/auth/me')).status).toBe(401);
  });

  test('an admin signs a colleague out everywhere', async () => {
    const admin = await addStaff(env, clinic, { name: 'Admin Lilas', role: 'admin' });
    const agent = await addStaff(env, clinic, { name: 'Agent Distrait' });
    const adminBrowser = await signInWith(admin.email, CHROME_ON_MAC);
    const laptop = await signInWith(agent.email, FIREFOX_ON_WINDOWS);
    const phone = await signInWith(agent.email, SAFARI_ON_IPHONE);

    // An agent may not do it, not even to a colleague; nor may another clinic.
    expect((await laptop.call('POST', `/users/${admin.id}/sign-out-everywhere`)).status).toBe(403);
    expect((await call(env, other, 'POST', `/users/${agent.id}/sign-out-everywhere`)).status).toBe(404);
    expect(
      (await adminBrowser.call('POST', `/users/${agent.id}/sign-out-everywhere`, { csrf: false })).status,
    ).toBe(403);
    expect((await laptop.call('GET', '/conversations')).status).toBe(200);

    const done = await adminBrowser.call('POST', `/users/${agent.id}/sign-out-everywhere`);
    expect(done).toEqual({ status: 200, body: { signed_out: 2 } });
    for (const browser of [laptop, phone])
      expect((await browser.call('GET', '/conversations')).status).toBe(401);
    expect((await adminBrowser.call('GET', '/conversations')).status).toBe(200);
    // The password still works: the colleague signs in again on the computer they still have.
    const again = await signInWith(agent.email, FIREFOX_ON_WINDOWS);
    expect((await again.call('GET', '/conversations')).status).toBe(200);
    // An integration acts as an administrator too.
    expect(await call(env, clinic, 'POST', `/users/${agent.id}/sign-out-everywhere`)).toMatchObject({
      status: 200,
      body: { signed_out: 1 },
    });
    expect(
      (await call(env, clinic, 'POST', `/users/${crypto.randomUUID()}/sign-out-everywhere`)).status,
    ).toBe(404);
  });

  test('the OpenAPI document describes the session routes', async () => {
    const document = (await (await fetch(`${env.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(document.paths['/api/v1/auth/sessions'] ?? {})).toContain('get');
    expect(Object.keys(document.paths['/api/v1/auth/sessions/{id}'] ?? {})).toContain('delete');
    expect(Object.keys(document.paths['/api/v1/auth/sessions/sign-out-others'] ?? {})).toContain('post');
    expect(Object.keys(document.paths['/api/v1/users/{id}/sign-out-everywhere'] ?? {})).toContain('post');
  });
});
