import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { messages } from '../../db-schema.ts';
import { createUser } from '../users/user.service.ts';
import { createApiKey } from './api-key.service.ts';

interface Json {
  [key: string]: unknown;
}
interface OpenApi {
  paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
}

const PASSWORD = 'correct horse battery staple';
const MINUTE = 60_000;

describe.each(TEST_ENGINES)('the API guard: authentication first, then limits (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let users = 0;

  beforeAll(async () => {
    env = await startTestCareline(engine, {
      security: {
        rateLimits: {
          perIp: { max: 100_000, windowMs: MINUTE },
          perApiKey: { max: 5, windowMs: MINUTE },
          perSession: { max: 5, windowMs: MINUTE },
          signIn: { max: 8, windowMs: 15 * MINUTE },
        },
      },
    });
    clinic = await env.addClinic('Maison de santé des Tilleuls');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function newAgent() {
    users += 1;
    return createUser(env.handle.db, {
      orgId: clinic.org.id,
      email: `agent${users}@tilleuls.test`,
      password: PASSWORD,
      role: 'agent',
    });
  }

  function login(email: string, password: string, headers: Record<string, string> = {}) {
    return fetch(`${env.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    });
  }

  function cookieOf(response: Response, name: string): string {
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0];
    if (!cookie) throw new Error(`no ${name} cookie`);
    return cookie;
  }

  test('an unauthenticated request with an invalid body gets 401, not 400, on every operation of the API', async () => {
    const document = (await (await fetch(`${env.url}/api/v1/openapi.json`)).json()) as OpenApi;
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (Array.isArray(operation.security) && operation.security.length === 0) continue;
        const url = `${env.url}${path.replace(/\{[^}]+\}/g, 'not-an-id')}?limit=-1&cursor=%00`;
        const response = await fetch(url, {
          method: method.toUpperCase(),
          ...(operation.requestBody !== undefined
            ? { headers: { 'content-type': 'application/json' }, body: '{"text": 42, "\\u0000": [' }
            : {}),
        });
        checked.push(`${method.toUpperCase()} ${path}`);
        expect(response.status, `${method.toUpperCase()} ${path}`).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        await response.body?.cancel();
      }
    }
    expect(checked.length).toBeGreaterThan(30);
    expect(checked).toContain('POST /api/v1/conversations/{id}/messages');
  });

  test('an API key beyond its limit gets 429 with Retry-After and a problem body; another key is unaffected', async () => {
    const { key } = await createApiKey(env.handle.db, clinic.org.id, 'busy integration');
    for (let i = 0; i < 5; i += 1) expect((await env.api(key, '/api/v1/conversations')).status).toBe(200);
    const refused = await env.api(key, '/api/v1/conversations');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({
      status: 429,
      detail: expect.stringContaining('with this API key: at most 5 every minute'),
    });
    const { key: other } = await createApiKey(env.handle.db, clinic.org.id, 'quiet integration');
    expect((await env.api(other, '/api/v1/conversations')).status).toBe(200);
  });

  test('a signed-in person beyond the per-session limit gets 429, even with a second session; a colleague is unaffected', async () => {
    const agent = await newAgent();
    const first = cookieOf(await login(agent.email, PASSWORD), 'careline_session');
    const second = cookieOf(await login(agent.email, PASSWORD), 'careline_session');
    const get = (cookie: string) => fetch(`${env.url}/api/v1/conversations`, { headers: { cookie } });
    for (let i = 0; i < 3; i += 1) expect((await get(first)).status).toBe(200);
    for (let i = 0; i < 2; i += 1) expect((await get(second)).status).toBe(200);
    const refused = await get(second);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as Json).status).toBe(429);

    const colleague = await newAgent();
    const theirs = cookieOf(await login(colleague.email, PASSWORD), 'careline_session');
    expect((await get(theirs)).status).toBe(200);
  });

  test('sign-in attempts from one address beyond the limit get 429; a browser that signed in before still signs in', async () => {
    const agent = await newAgent();
    // Her browser signed in before (the other tests' sign-ins, from this address too, count as well).
    const device = cookieOf(await login(agent.email, PASSWORD), 'careline_device');
    let refused: Response | undefined;
    for (let i = 0; i < 20 && !refused; i += 1) {
      const response = await login(`guess${i}@tilleuls.test`, 'not a password');
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(401);
    }
    if (!refused) throw new Error('never limited');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(((await refused.json()) as Json).detail).toContain('signing in from this address');
    // Even the right password from a stranger's browser at this address waits…
    expect((await login(agent.email, PASSWORD)).status).toBe(429);
    // …but not the browser she signed in from before.
    expect((await login(agent.email, PASSWORD, { cookie: device })).status).toBe(200);
  });
});

describe.each(TEST_ENGINES)('per-address limit and Meta’s webhooks (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine, {
      security: {
        rateLimits: {
          perIp: { max: 5, windowMs: MINUTE },
          perApiKey: { max: 1000, windowMs: MINUTE },
          perSession: { max: 1000, windowMs: MINUTE },
          signIn: { max: 1000, windowMs: MINUTE },
        },
      },
    });
    clinic = await env.addClinic('Centre médical du Port');
  });
  afterAll(async () => {
    await env?.close();
  });

  test('signed webhooks from Meta are never rate-limited, however many come from one address', async () => {
    const sent = 12;
    for (let i = 0; i < sent; i += 1) {
      const delivery = await env.simulator.simulator.patientSends({
        phoneNumberId: clinic.number.phoneNumberId,
        from: `+3361234${String(i).padStart(4, '0')}`,
        text: `Bonjour ${i}`,
      });
      expect(delivery.httpStatus).toBe(200);
    }
    await eventually(async () => {
      const [row] = await env.handle.db
        .select({ n: count() })
        .from(messages)
        .where(eq(messages.orgId, clinic.org.id));
      return row?.n === sent ? true : undefined;
    });
  });

  test('unauthenticated requests from one address beyond the limit get 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const response = await fetch(`${env.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});
