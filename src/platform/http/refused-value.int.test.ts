import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../db/create-db.ts';
import { createLogger } from '../logger.ts';
import { createHttpServer, type HttpServer } from './create-http-server.ts';

/** Values that pass a route's schema (any string) and that PostgreSQL itself refuses. */
const REFUSED: Array<[string, string, string]> = [
  // Digits that cannot turn up by chance in a log line (a response time once held « 999999 »).
  ['a number out of range', 'int4', '31415926535'],
  ['a date outside PostgreSQL’s calendar', 'timestamptz', '0000-01-01T00:00:00Z'],
  ['a malformed UUID', 'uuid', 'not-a-uuid-9f8e7d'],
  // A NUL never gets this far: refuseUnstorableInput answers 400 naming the field first.
];

describe.each(TEST_ENGINES)('values the database refuses (%s)', (engine) => {
  let handle: DbHandle;
  let app: HttpServer;
  const logs: string[] = [];

  beforeAll(async () => {
    handle = await openTestDb(engine);
    app = await createHttpServer({
      logger: createLogger({ level: 'info', destination: { write: (line: string) => logs.push(line) } }),
      version: 'test',
    });
    const { db } = handle;
    app.get(
      '/cast',
      { schema: { querystring: z.object({ type: z.string(), value: z.string() }) } },
      async (request) => {
        const { type, value } = request.query;
        await db.execute(sql`select ${value}::${sql.raw(type)} as v`);
        return { ok: true };
      },
    );
    app.get('/broken', async () => {
      await db.execute(sql`select * from no_such_table_here`);
      return { ok: true };
    });
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  test.each(REFUSED)(
    '%s that reaches the database is a 400 problem that does not echo the value, not a 500',
    async (_what, type, value) => {
      logs.length = 0;
      const response = await app.inject({ method: 'GET', url: '/cast', query: { type, value } });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json<{ status: number; detail: string }>();
      expect(problem.status).toBe(400);
      expect(problem.detail).toMatch(/^A value of the request was refused: /);
      expect(response.body).not.toContain(value.replace('\u0000', ''));
      const logged = logs.join('\n');
      expect(logged).toContain('request refused: the database cannot take one of its values');
      expect(logged).not.toContain(value.slice(0, 6));
    },
  );

  test('a fault of the server’s own query is still a 500, logged as an error', async () => {
    logs.length = 0;
    const response = await app.inject({ method: 'GET', url: '/broken' });
    expect(response.statusCode).toBe(500);
    expect(logs.some((line) => line.includes('"level":50') && line.includes('request failed'))).toBe(true);
  });
});
