import fastifyCookie from '@fastify/cookie';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { createHttpServer, type HttpServer } from '../../platform/http/create-http-server.ts';
import { systemClock } from '../../platform/time/clock.ts';
import { isConversationVisibleTo } from '../inbox/conversation.service.ts';
import { updateOrgTwoFactor } from '../orgs/org.repository.ts';
import { createOrg } from '../orgs/org.service.ts';
import { createUser } from '../users/user.service.ts';
import { enforceAccessRules, requireAccessRules } from './access-guard.ts';
import { callerOf, requireCaller } from './api-key.auth.ts';
import { createApiKey } from './api-key.service.ts';
import { signIn } from './sign-in.service.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(TEST_ENGINES)('requireCaller and access rules (%s)', (engine) => {
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
      secured.addHook('preHandler', requireCaller(handle.db, systemClock));
      secured.addHook('preHandler', enforceAccessRules(handle.db, isConversationVisibleTo));
      secured.get('/who', { config: { access: 'signed-in' } }, async (request) => callerOf(request));
      secured.get('/settings', { config: { access: 'settings.manage' } }, async () => ({ ok: true }));
      secured.get('/inbox', { config: { access: 'conversations.read' } }, async () => ({ ok: true }));
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
      'A clinic agent cannot do this (it needs settings.manage)',
    );
    const everyone: Record<string, string>[] = [
      { cookie: cookies.agent },
      { cookie: cookies.admin },
      { authorization: `Bearer ${apiKey}` },
    ];
    for (const headers of everyone) expect((await get('/inbox', headers)).status).toBe(200);
    expect((await get('/settings')).status).toBe(401);
  });

  test('a server whose API route declares no access rule does not start', async () => {
    const server = await createHttpServer({ logger: pino({ level: 'silent' }), version: 'test' });
    requireAccessRules(server, '/api/v1');
    const registering = server.register(
      async (api) => {
        api.get('/ruled', { config: { access: 'public' } }, async () => ({ ok: true }));
        api.get('/forgotten', async () => ({ ok: true }));
      },
      { prefix: '/api/v1' },
    );
    await expect(registering).rejects.toThrow('GET /api/v1/forgotten declares no access rule');
    await server.close().catch(() => undefined);
  });

  test('an Authorization header is judged alone, even beside a valid cookie', async () => {
    const response = await get('/who', { authorization: 'Bearer cl_revoked', cookie: cookies.admin });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
  });
});
