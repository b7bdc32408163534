import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ZodError } from 'zod';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { countOrgs } from './org.repository.ts';
import { createOrg, OrgNotFoundError, requireOrg } from './org.service.ts';
import { orgRetention, retentionMonths, setOrgRetention } from './org-retention.service.ts';

describe.each(TEST_ENGINES)('clinics (%s)', (engine) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  test('a clinic gets a slug from its name, accents and punctuation gone, and Careline’s defaults', async () => {
    const org = await createOrg(handle.db, { name: '  Cabinet Médical Saint-Éloi (Lyon 3e)  ' });
    expect(org).toMatchObject({
      name: 'Cabinet Médical Saint-Éloi (Lyon 3e)',
      slug: 'cabinet-medical-saint-eloi-lyon-3e',
      timeZone: 'Europe/Paris',
      defaultLanguage: 'fr',
      // Administrators sign in with a second factor unless the clinic decides otherwise.
      twoFactor: 'admins',
      retentionTextMonths: null,
      retentionFileMonths: null,
    });
    expect(
      await createOrg(handle.db, {
        name: 'Pharmacie du Port',
        slug: 'pharma-port',
        timeZone: 'America/Martinique',
      }),
    ).toMatchObject({ slug: 'pharma-port', timeZone: 'America/Martinique' });
    expect((await createOrg(handle.db, { name: '中山診所' })).slug).toBe('clinic');
  });

  test('bad input names its field, and no clinic is made', async () => {
    const before = await countOrgs(handle.db);
    const cases: Array<[Parameters<typeof createOrg>[1], string, RegExp]> = [
      [{ name: '   ' }, 'name', /name is required/],
      [{ name: 'x'.repeat(201) }, 'name', /200/],
      [{ name: 'Cabinet Pasteur', slug: 'Cabinet Pasteur' }, 'slug', /lower-case letters, digits and dashes/],
      [{ name: 'Cabinet Pasteur', slug: '-pasteur' }, 'slug', /lower-case/],
      [{ name: 'Cabinet Pasteur', timeZone: 'Paris' }, 'timeZone', /unknown IANA time zone/],
    ];
    for (const [input, field, message] of cases) {
      const error = await createOrg(handle.db, input).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues, JSON.stringify(input)).toEqual([
        expect.objectContaining({ path: [field], message: expect.stringMatching(message) }),
      ]);
    }
    expect(await countOrgs(handle.db)).toBe(before);
  });

  test('a slug is one clinic’s: a second clinic with it is refused by the database, the first untouched', async () => {
    const first = await createOrg(handle.db, { name: 'Centre Belleville' });
    const refused = await createOrg(handle.db, { name: 'Centre Belleville' }).catch((e: unknown) => e);
    // PostgreSQL's unique violation, which the command line reports as "that already exists".
    const codes: unknown[] = [];
    for (let e: unknown = refused; e instanceof Error; e = e.cause)
      codes.push((e as { code?: unknown }).code);
    expect(codes).toContain('23505');
    expect(await requireOrg(handle.db, 'centre-belleville')).toMatchObject({
      id: first.id,
      name: 'Centre Belleville',
    });
  });

  test('an operator names a clinic by its slug or its id; an unknown one is said back', async () => {
    const org = await createOrg(handle.db, { name: 'Maison de santé Ménilmontant' });
    expect((await requireOrg(handle.db, 'maison-de-sante-menilmontant')).id).toBe(org.id);
    expect((await requireOrg(handle.db, org.id)).slug).toBe('maison-de-sante-menilmontant');
    for (const ref of [
      'Maison-De-Sante-Menilmontant',
      'menilmontant',
      '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    ]) {
      await expect(requireOrg(handle.db, ref)).rejects.toThrow(new OrgNotFoundError(ref));
    }
  });

  test('a retention policy is the clinic’s own; months outside 1 to 600 are refused, none means keep', async () => {
    const clinic = await createOrg(handle.db, { name: 'Centre de santé des Lilas' });
    const other = await createOrg(handle.db, { name: 'Cabinet Pasteur' });

    expect(await setOrgRetention(handle.db, clinic.id, { textMonths: 24, fileMonths: 12 })).toEqual({
      textMonths: 24,
      fileMonths: 12,
      lastRun: null,
    });
    expect(await orgRetention(handle.db, clinic.id)).toMatchObject({ textMonths: 24, fileMonths: 12 });
    expect(await orgRetention(handle.db, other.id)).toMatchObject({ textMonths: null, fileMonths: null });
    expect(await setOrgRetention(handle.db, clinic.id, { textMonths: null, fileMonths: 12 })).toMatchObject({
      textMonths: null,
      fileMonths: 12,
    });
    const nobody = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(await setOrgRetention(handle.db, nobody, { textMonths: 1, fileMonths: 1 })).toBeUndefined();
    expect(await orgRetention(handle.db, nobody)).toBeUndefined();

    expect(retentionMonths.safeParse(null).success).toBe(true);
    expect(retentionMonths.safeParse(600).success).toBe(true);
    for (const [months, message] of [
      [0, 'must be at least 1 month'],
      [601, 'must be at most 600 months'],
      [1.5, 'must be a whole number of months'],
    ] as const) {
      expect(retentionMonths.safeParse(months).error?.issues.map((i) => i.message)).toEqual([message]);
    }
  });
});
