import fastifyCookie from '@fastify/cookie';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { createHttpServer, type HttpServer } from '../../platform/http/create-http-server.ts';
import { updateOrgTwoFactor } from '../orgs/org.repository.ts';
import { createOrg } from '../orgs/org.service.ts';
import { createUser } from '../users/user.service.ts';
import { callerOf, requireCaller, requireRole } from './api-key.auth.ts';
import { createApiKey } from './api-key.service.ts';
import { signIn } from './sign-in.service.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(TEST_ENGINES)('requireCaller and requireRole (%s)', (engine) => {
  let handle: DbHandle;
  let app: HttpServer;
  let url: string;
  const cookies: Record<'admin' | 'agent', string> = { admin: '', agent: '' };
  let apiKey: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const org = await createOrg(handle.db, { name: 'Centre de soins' });
    // Roles are the point here: a password alone opens the admin's session (two-factor has its tests).
    await updateOrgTwoFactor(handle.db, org.id, 'off');
    apiKey = (await createApiKey(handle.db, org.id)).key;
    for (const role of ['admin', 'agent'] as const) {
      const user = await createUser(handle.db, {
        orgId: org.id,
        email: `${role}@soins.test`,
        password: PASSWORD,
        role,
      });
      const { token } = await signIn(handle.db, { email: user.email, password: PASSWORD, now: new Date() });
      cookies[role] = `careline_session=${token}`;
    }
    app = await createHttpServer({
      logger: pino({ level: 'silent' }),
      version: 'test',
    });
    await app.register(fastifyCookie);
    await app.register(async (secured) => {
      secured.addHook('preHandler', requireCaller(handle.db));
      secured.get('/who', async (request) => callerOf(request));
      secured.get('/settings', { preHandler: requireRole('admin') }, async () => ({ ok: true }));
      secured.get('/inbox', { preHandler: requireRole('agent') }, async () => ({ ok: true }));
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers });

  test('callerOf tells a user from an integration', async () => {
    const user = (await (await get('/who', { cookie: cookies.agent })).json()) as Record<string, unknown>;
    expect(user).toMatchObject({ apiKeyId: null, userId: expect.any(String), role: 'agent' });
    expect(Object.keys(user).sort()).toEqual(['apiKeyId', 'orgId', 'role', 'sessionId', 'userId']);
    const integration = await (await get('/who', { authorization: `Bearer ${apiKey}` })).json();
    expect(integration).toMatchObject({ apiKeyId: expect.any(String), userId: null, role: 'api' });
  });

  test('admin-only routes refuse agents; API keys count as admins', async () => {
    expect((await get('/settings', { cookie: cookies.admin })).status).toBe(200);
    expect((await get('/settings', { authorization: `Bearer ${apiKey}` })).status).toBe(200);
    const agent = await get('/settings', { cookie: cookies.agent });
    expect(agent.status).toBe(403);
    expect(agent.headers.get('content-type')).toContain('application/problem+json');
    expect(((await agent.json()) as { detail: string }).detail).toBe(
      'Only a clinic administrator can do this',
    );
    const everyone: Record<string, string>[] = [
      { cookie: cookies.agent },
      { cookie: cookies.admin },
      { authorization: `Bearer ${apiKey}` },
    ];
    for (const headers of everyone) expect((await get('/inbox', headers)).status).toBe(200);
    expect((await get('/settings')).status).toBe(401);
  });

  test('an Authorization header is judged alone, even beside a valid cookie', async () => {
    const response = await get('/who', { authorization: 'Bearer cl_revoked', cookie: cookies.admin });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
  });
});
