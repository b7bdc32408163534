import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, expect, test } from 'vitest';
import { orgs } from '../../db-schema.ts';
import { createDb, type DbHandle } from '../../platform/db/create-db.ts';

const MIGRATIONS = fileURLToPath(new URL('../../../drizzle', import.meta.url));
const closers: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** The migrations of the version before two-factor sign-in: a copy of the folder without 0021 and later. */
function migrationsBeforeTwoFactor(): string {
  const folder = mkdtempSync(join(tmpdir(), 'careline-migrations-'));
  closers.push(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((entry) => entry.idx < 21);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

// The demo's database is a PGlite directory: this is the upgrade a person trying Careline goes through.
test('upgrading: existing clinics require it of administrators, the seeded demo clinic of nobody', async () => {
  const handle: DbHandle = await createDb({ engine: 'pglite' });
  closers.push(() => handle.close());
  await migrate(handle.db as Parameters<typeof migrate>[0], {
    migrationsFolder: migrationsBeforeTwoFactor(),
  });
  // Filled as the previous version left it, in its own columns.
  await handle.db.execute(sql`
    insert into orgs (slug, name) values ('demo', 'Clinique du Parc (démo)'), ('cabinet-pasteur', 'Cabinet Pasteur'),
      ('demo-ailleurs', 'Une clinique dont le slug commence pareil')`);
  await handle.db.execute(sql`
    insert into users (org_id, email, password_hash, role)
    select id, 'admin@demo.careline.test', 'x', 'admin' from orgs where slug = 'demo'
    union all select id, 'dr.roux@pasteur.example', 'x', 'admin' from orgs where slug = 'cabinet-pasteur'`);

  await handle.migrate();
  const policies = await handle.db.select({ slug: orgs.slug, twoFactor: orgs.twoFactor }).from(orgs);
  expect(Object.fromEntries(policies.map((o) => [o.slug, o.twoFactor]))).toEqual({
    demo: 'off',
    'cabinet-pasteur': 'admins',
    'demo-ailleurs': 'admins',
  });
});
