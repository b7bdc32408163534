import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { createDb } from '../../platform/db/create-db.ts';
import type { Db } from '../../platform/db/db.ts';
import { createOrg } from '../orgs/org.service.ts';
import { appendAuditEvent } from './audit.repository.ts';

const CARELINE = fileURLToPath(new URL('../../../bin/careline.js', import.meta.url));
const run = promisify(execFile);

describe.each(TEST_ENGINES)('careline verify-audit (%s)', (engine) => {
  let env: NodeJS.ProcessEnv;
  let inspect: <T>(work: (db: Db) => Promise<T>) => Promise<T>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (engine === 'postgres') {
      const handle = await openTestDb('postgres');
      env = { DATABASE_URL: handle.url };
      inspect = (work) => work(handle.db);
      cleanup = () => handle.close();
    } else {
      // PGlite is one process at a time: the test opens the data directory only between commands.
      const dataDir = mkdtempSync(join(tmpdir(), 'careline-audit-cli-'));
      env = { DATA_DIR: dataDir, DATABASE_URL: '' };
      inspect = async (work) => {
        const handle = await createDb({ engine: 'pglite', dataDir });
        try {
          await handle.migrate();
          return await work(handle.db);
        } finally {
          await handle.close();
        }
      };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await cleanup?.();
  });

  async function verifyAudit(): Promise<{ code: number; stdout: string }> {
    try {
      const { stdout } = await run(process.execPath, [CARELINE, 'verify-audit'], {
        env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
        timeout: 120_000,
      });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  }

  test('prints the records checked, and the first broken link with exit status 1', async () => {
    const orgId = await inspect(async (db) => {
      const org = await createOrg(db, { name: 'Cabinet Pasteur' });
      for (let i = 0; i < 3; i++) {
        await appendAuditEvent(db, {
          orgId: org.id,
          recorded: new Date(),
          type: 'rest',
          subtype: 'read',
          action: 'R',
          outcome: '0',
          agentUserId: null,
          agentApiKeyId: null,
          agentRole: 'api',
          agentNetwork: '192.0.2.1',
          entity: [],
          patientIds: [],
          purposeOfUse: null,
          querySealed: null,
        });
      }
      return org.id;
    });
    const intact = await verifyAudit();
    expect(intact).toEqual({ code: 0, stdout: `clinic ${orgId}: 3 records checked, chain intact\n` });

    await inspect(async (db) => {
      await db.execute(sql.raw('alter table audit_events disable trigger audit_events_append_only'));
      await db.execute(sql`update audit_events set subtype = 'search' where org_id = ${orgId} and seq = 2`);
      await db.execute(sql.raw('alter table audit_events enable trigger audit_events_append_only'));
    });
    const broken = await verifyAudit();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(
      `clinic ${orgId}: BROKEN at seq 2: its content does not match its hash (a field was changed) (1 records checked before it)\n`,
    );
  }, 300_000);
});
