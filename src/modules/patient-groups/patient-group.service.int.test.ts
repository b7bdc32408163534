import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { insertContact } from '../contacts/contact.repository.ts';
import { contacts } from '../contacts/contact.schema.ts';
import { createOrg } from '../orgs/org.service.ts';
import {
  addPatientsToGroup,
  createPatientGroup,
  DuplicateGroupNameError,
  groupAudiencePage,
} from './patient-group.service.ts';

describe.each(TEST_ENGINES)('static patient groups (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: 'Centre Belleville' })).id;
    otherOrgId = (await createOrg(handle.db, { name: 'Autre cabinet' })).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const patient = async (org = orgId) =>
    (await insertContact(handle.db, testKeyring, { orgId: org, displayName: 'Chloé' })).id;

  async function wholeAudience(groupId: string, pageSize: number): Promise<string[]> {
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await groupAudiencePage(
        handle.db,
        {
          orgId,
          groupId,
          afterContactId: after,
          limit: pageSize,
        },
        { keyring: testKeyring, clock: fixedClock('2026-12-07T10:00:00Z') },
      );
      all.push(...page);
      if (page.length < pageSize) return all;
      after = page.at(-1) ?? null;
    }
  }

  test('the audience is every member once, in pages, with a merged record counted as its survivor', async () => {
    const group = await createPatientGroup(handle.db, {
      orgId,
      name: 'Diabète type 2',
      kind: 'static',
      createdByUserId: null,
    });
    const members = await Promise.all([patient(), patient(), patient(), patient(), patient()]);
    const stranger = await patient(otherOrgId);
    expect(
      await addPatientsToGroup(handle.db, {
        orgId,
        groupId: group.id,
        contactIds: [...members, stranger],
        addedByUserId: null,
      }),
    ).toBe(5);
    // The fourth was a duplicate of the first, merged into it: the first is written to once.
    const [first, , , duplicate] = members as [string, string, string, string, string];
    await handle.db.update(contacts).set({ mergedIntoId: first }).where(eq(contacts.id, duplicate));

    // The fifth was merged into a record outside the group: that record is in the audience instead.
    const fifth = members[4] as string;
    const outside = await patient();
    await handle.db.update(contacts).set({ mergedIntoId: outside }).where(eq(contacts.id, fifth));

    const expected = [...members.filter((id) => id !== duplicate && id !== fifth), outside].sort();
    for (const size of [1, 2, 3, 100]) expect(await wholeAudience(group.id, size)).toEqual(expected);
  });

  test('two groups of a clinic cannot share a name', async () => {
    const input = { orgId, name: 'Asthme', kind: 'static' as const, createdByUserId: null };
    await createPatientGroup(handle.db, input);
    await expect(createPatientGroup(handle.db, input)).rejects.toBeInstanceOf(DuplicateGroupNameError);
    await createPatientGroup(handle.db, { ...input, orgId: otherOrgId });
  });
});
