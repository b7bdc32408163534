import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { TestClock } from '../../platform/time/test-clock.ts';
import { createOrg } from '../orgs/org.service.ts';
import { pharmacyPartners } from '../pharmacy/pharmacy.schema.ts';
import {
  listStockNotices,
  NoticeInputError,
  type NoticePartner,
  type PharmacyDirectory,
  publishStockNotice,
  StockNoticeNotFoundError,
  withdrawStockNotice,
} from './stock-notice.service.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(TEST_ENGINES)('stock notices (%s)', (engine) => {
  let handle: DbHandle;
  const clock = new TestClock('2027-02-01T08:00:00Z');
  const kinds = new Map<string, 'clinic' | 'pharmacy'>();
  const partners = new Map<string, NoticePartner[]>();
  const directory: PharmacyDirectory = {
    kindOf: async (_db, orgId) => kinds.get(orgId) ?? 'clinic',
    partnersOf: async (_db, orgId) => partners.get(orgId) ?? [],
  };
  let pharmacy: { id: string; name: string };
  let otherPharmacy: { id: string; name: string };
  let clinic: string;
  let otherClinic: string;
  // Partners reached on WhatsApp: rows of their own (a recorded notice points at one).
  let whatsappPartner: NoticePartner;
  let otherWhatsappPartner: NoticePartner;
  const channelPartner = async (orgId: string, name: string): Promise<NoticePartner> => {
    const [row] = await handle.db
      .insert(pharmacyPartners)
      .values({ orgId, name, reachKind: 'channel' })
      .returning({ id: pharmacyPartners.id });
    if (!row) throw new Error('no partner');
    return { id: row.id, name, pairedOrgId: null };
  };

  beforeAll(async () => {
    handle = await openTestDb(engine);
    pharmacy = await createOrg(handle.db, { name: 'Pharmacie Oberkampf' });
    otherPharmacy = await createOrg(handle.db, { name: 'Pharmacie Bastille' });
    clinic = (await createOrg(handle.db, { name: 'Centre médical Oberkampf' })).id;
    otherClinic = (await createOrg(handle.db, { name: 'Cabinet Pasteur' })).id;
    kinds.set(pharmacy.id, 'pharmacy').set(otherPharmacy.id, 'pharmacy');
    whatsappPartner = await channelPartner(clinic, 'Pharmacie du Marché (WhatsApp)');
    otherWhatsappPartner = await channelPartner(otherClinic, 'Pharmacie Voltaire');
    partners.set(clinic, [
      { id: randomUUID(), name: 'Pharmacie Oberkampf', pairedOrgId: pharmacy.id },
      whatsappPartner,
    ]);
    partners.set(otherClinic, [
      { id: randomUUID(), name: 'Bastille', pairedOrgId: otherPharmacy.id },
      otherWhatsappPartner,
    ]);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const list = async (orgId: string, query: { medication?: string; activeOnly?: boolean } = {}) =>
    (await listStockNotices(handle.db, clock, directory, { orgId, orgName: 'x' }, { limit: 50, ...query }))
      .data;

  test('a pharmacy’s notice reaches its paired clinics only, until it expires or is withdrawn', async () => {
    const notice = await publishStockNotice(
      handle.db,
      clock,
      directory,
      { orgId: pharmacy.id, userId: null },
      {
        medication: 'Amoxicilline',
        strength: '1 g',
        status: 'short',
        message: 'Rupture fournisseur',
        expiresAt: new Date(clock.nowMs() + 7 * DAY),
      },
    );
    await publishStockNotice(
      handle.db,
      clock,
      directory,
      { orgId: otherPharmacy.id, userId: null },
      {
        medication: 'Ventoline',
        status: 'short',
      },
    );

    const seen = await list(clinic);
    expect(seen.map((v) => [v.notice.medication, v.pharmacy.name, v.own])).toEqual([
      ['Amoxicilline', 'Pharmacie Oberkampf', false],
    ]);
    expect((await list(otherClinic)).map((v) => v.notice.medication)).toEqual(['Ventoline']);
    // The pharmacy reads only its own.
    expect((await list(pharmacy.id)).map((v) => [v.notice.medication, v.own])).toEqual([
      ['Amoxicilline', true],
    ]);

    // The order form asks about the medicine as the clinician typed it.
    expect(
      (await list(clinic, { medication: 'amoxicilline 500 mg gélule' })).map((v) => v.notice.id),
    ).toEqual([notice.id]);
    expect(await list(clinic, { medication: 'Amoxicilline acide clavulanique' })).toEqual([]);
    expect(await list(clinic, { medication: '500 mg' })).toEqual([]);

    // A clinic cannot withdraw the pharmacy's notice.
    await expect(withdrawStockNotice(handle.db, clock, clinic, notice.id)).rejects.toBeInstanceOf(
      StockNoticeNotFoundError,
    );

    clock.advance(7 * DAY);
    expect(await list(clinic)).toEqual([]);
    expect((await list(pharmacy.id)).map((v) => v.notice.id)).toEqual([notice.id]);
    expect(await list(pharmacy.id, { activeOnly: true })).toEqual([]);
  });

  test('withdrawn: gone from the clinics at once; withdrawing again keeps the first time', async () => {
    const notice = await publishStockNotice(
      handle.db,
      clock,
      directory,
      { orgId: pharmacy.id, userId: null },
      {
        medication: 'Doliprane',
        status: 'back',
      },
    );
    expect((await list(clinic, { medication: 'doliprane 1000' })).map((v) => v.notice.status)).toEqual([
      'back',
    ]);
    const withdrawn = await withdrawStockNotice(handle.db, clock, pharmacy.id, notice.id);
    expect(withdrawn.withdrawnAt?.toISOString()).toBe(clock.now().toISOString());
    clock.advance(60_000);
    const again = await withdrawStockNotice(handle.db, clock, pharmacy.id, notice.id);
    expect(again.withdrawnAt?.toISOString()).toBe(withdrawn.withdrawnAt?.toISOString());
    expect(await list(clinic, { medication: 'doliprane' })).toEqual([]);
  });

  test('a notice that starts later is not shown before it starts', async () => {
    await publishStockNotice(
      handle.db,
      clock,
      directory,
      { orgId: pharmacy.id, userId: null },
      {
        medication: 'Ozempic',
        status: 'short',
        startsAt: new Date(clock.nowMs() + DAY),
      },
    );
    expect(await list(clinic, { medication: 'ozempic' })).toEqual([]);
    clock.advance(DAY);
    expect((await list(clinic, { medication: 'OZEMPIC 1 mg' })).length).toBe(1);
  });

  test('a clinic records what a WhatsApp partner told it; no other clinic sees it', async () => {
    const notice = await publishStockNotice(
      handle.db,
      clock,
      directory,
      { orgId: clinic, userId: null },
      {
        partnerPharmacyId: whatsappPartner.id,
        medication: 'Levothyrox',
        strength: '75 µg',
        status: 'short',
      },
    );
    const seen = await list(clinic, { medication: 'lévothyrox 50 µg' });
    expect(seen.map((v) => [v.notice.id, v.pharmacy.name, v.own])).toEqual([
      [notice.id, 'Pharmacie du Marché (WhatsApp)', true],
    ]);
    expect(await list(otherClinic, { medication: 'levothyrox' })).toEqual([]);
    expect(await list(pharmacy.id, { medication: 'levothyrox' })).toEqual([]);
    // Another clinic cannot withdraw it; its author can.
    await expect(withdrawStockNotice(handle.db, clock, otherClinic, notice.id)).rejects.toBeInstanceOf(
      StockNoticeNotFoundError,
    );
    await withdrawStockNotice(handle.db, clock, clinic, notice.id);
    expect(await list(clinic, { medication: 'levothyrox' })).toEqual([]);
  });

  test('refused: another clinic’s partner, a paired pharmacy, a pharmacy naming a partner, bad dates', async () => {
    const refusal = (orgId: string, input: Parameters<typeof publishStockNotice>[4]) =>
      publishStockNotice(handle.db, clock, directory, { orgId, userId: null }, input).then(
        () => 'accepted',
        (e: unknown) => (e instanceof NoticeInputError ? `${e.status} ${e.field}` : String(e)),
      );
    expect(
      await refusal(clinic, { partnerPharmacyId: otherWhatsappPartner.id, medication: 'X', status: 'short' }),
    ).toBe('404 body.pharmacy_id');
    const paired = partners.get(clinic)?.[0]?.id as string;
    expect(await refusal(clinic, { partnerPharmacyId: paired, medication: 'X', status: 'short' })).toBe(
      '409 body.pharmacy_id',
    );
    expect(await refusal(clinic, { medication: 'X', status: 'short' })).toBe('400 body.pharmacy_id');
    expect(
      await refusal(pharmacy.id, { partnerPharmacyId: whatsappPartner.id, medication: 'X', status: 'short' }),
    ).toBe('400 body.pharmacy_id');
    expect(await refusal(pharmacy.id, { medication: '500 mg', status: 'short' })).toBe('400 body.medication');
    expect(
      await refusal(pharmacy.id, {
        medication: 'X',
        status: 'short',
        expiresAt: new Date(clock.nowMs() - 1000),
      }),
    ).toBe('400 body.expires_at');
    expect(
      await refusal(pharmacy.id, {
        medication: 'X',
        status: 'short',
        expiresAt: new Date(clock.nowMs() + 400 * DAY),
      }),
    ).toBe('400 body.expires_at');
  });
});
