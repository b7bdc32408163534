import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { createOrg } from '../../modules/orgs/org.service.ts';
import type { DbHandle } from '../db/create-db.ts';
import { events } from './event.schema.ts';
import { EVENT_RETENTION_MS, startEventRetention } from './event-retention.ts';

describe.each(TEST_ENGINES)('event retention (%s)', (engine) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  test('prunes events older than 7 days when it starts, and keeps the rest', async () => {
    const { id: orgId } = await createOrg(handle.db, { name: 'Clinique des Lilas' });
    const day = 24 * 3600_000;
    await handle.db.insert(events).values([
      { orgId, type: 'message.created', payload: { age: 8 }, createdAt: new Date(Date.now() - 8 * day) },
      { orgId, type: 'message.created', payload: { age: 6 }, createdAt: new Date(Date.now() - 6 * day) },
      { orgId, type: 'message.created', payload: { age: 0 } },
    ]);
    expect(EVENT_RETENTION_MS).toBe(7 * day);
    const stop = startEventRetention({ db: handle.db, logger: pino({ level: 'silent' }) });
    await stop();
    const kept = await handle.db.select({ payload: events.payload }).from(events).orderBy(events.id);
    expect(kept.map((e) => e.payload.age)).toEqual([6, 0]);
  });
});
