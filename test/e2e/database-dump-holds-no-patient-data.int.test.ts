import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID, seedDemoClinic } from '../../src/demo/demo-clinic.ts';
import { DEMO_PATIENT } from '../../src/demo/demo-reminder.ts';
import { listChannelAccountsOfType } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import type { ChannelSecrets } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { ChannelSecretsVault } from '../../src/modules/channel-accounts/channel-secrets.ts';
import type { DbHandle } from '../../src/platform/db/create-db.ts';
import { rowsOf } from '../../src/platform/db/raw-rows.ts';
import { openTestDb, TEST_ENGINES } from '../support/test-db.ts';
import { testKeyring } from '../support/test-keyring.ts';

const run = promisify(execFile);
const PG_DUMP = ['/usr/bin/pg_dump', '/usr/lib/postgresql/15/bin/pg_dump'].find((path) => existsSync(path));

/**
 * What someone holding a copy of the database sees of the demo clinic's patient and WhatsApp number:
 * on PostgreSQL the output of `pg_dump`, on both engines every row of every table read as text.
 */
describe.each(TEST_ENGINES)('a copy of the database (%s)', (engine) => {
  let handle: DbHandle & { url?: string };
  let secrets: ChannelSecrets;
  let seeded: string[];

  beforeAll(async () => {
    handle = await openTestDb(engine);
    await seedDemoClinic(handle.db, testKeyring);
    const account = (await listChannelAccountsOfType(handle.db, 'whatsapp')).find(
      (a) => a.externalId === DEMO_PHONE_NUMBER_ID,
    );
    if (!account) throw new Error('the demo number was not seeded');
    secrets = await new ChannelSecretsVault(handle.db, testKeyring).of(account);
    const [first, last] = DEMO_PATIENT.name.split(' ');
    seeded = [
      first ?? '',
      last ?? '',
      DEMO_PATIENT.phone,
      DEMO_PATIENT.phone.slice(1),
      DEMO_PATIENT.phone.slice(3),
      'tension artérielle',
      secrets.accessToken,
      secrets.appSecret,
      secrets.verifyToken,
    ];
  });
  afterAll(async () => {
    await handle?.close();
  });

  test('no row of any table holds the patient’s name, number, appointment reason or the number’s secrets', async () => {
    const tables = rowsOf(
      await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`),
    ) as Array<{ tablename: string }>;
    let everything = '';
    for (const { tablename } of tables) {
      everything += JSON.stringify(
        rowsOf(await handle.db.execute(sql`select t::text as row from ${sql.identifier(tablename)} t`)),
      );
    }
    expect(everything.length).toBeGreaterThan(1000);
    for (const value of seeded) expect(everything, value).not.toContain(value);
  });

  if (engine === 'postgres')
    test('pg_dump of the clinic holds none of them either', async () => {
      if (!PG_DUMP || !handle.url) throw new Error('pg_dump and a PostgreSQL URL are needed');
      const { stdout } = await run(PG_DUMP, ['--data-only', handle.url], { maxBuffer: 64 * 1024 * 1024 });
      expect(stdout).toContain('COPY public.contacts');
      for (const value of seeded) expect(stdout, value).not.toContain(value);
    });
});
