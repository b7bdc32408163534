import { createHash, randomInt } from 'node:crypto';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { resolveSenderContact, toE164 } from '../contacts/contact.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { NotAPharmacyError, OrderFieldError, PharmacyNotFoundError } from './order-errors.ts';
import {
  consumeLinkCode,
  findPairing,
  findPartner,
  insertLinkCode,
  insertPartner,
  listPartners,
  updatePartner,
} from './pharmacy.repository.ts';
import type { PharmacyPartner } from './pharmacy.schema.ts';
import type { PartnerLanguage } from './pharmacy-vocabulary.ts';

export { findPartnerByContact, openOrdersOfPartner } from './pharmacy.repository.ts';

/** How long a pharmacy's pairing code can be used. */
const LINK_CODE_DAYS = 7;

export type PartnerReach =
  | { kind: 'channel'; channelType: string; address: string; channelAccountId: string }
  | { kind: 'careline'; linkCode: string };

export interface PartnerView {
  partner: PharmacyPartner;
  /** The pharmacy's org name, for a Careline pharmacy. */
  pharmacyOrgName: string | null;
}

interface PartnerDeps {
  db: Db;
  keyring: Keyring;
}

/**
 * A clinic adds a partner pharmacy. On a channel, the pharmacy's number becomes a person of the
 * clinic's inbox (its conversation holds the orders and answers); through Careline, the pharmacy's
 * single-use code pairs the two orgs — without it, no clinic can send anything into a pharmacy's org.
 */
export async function createPartner(
  deps: PartnerDeps,
  orgId: string,
  input: {
    name: string;
    address: string | null;
    language: PartnerLanguage;
    reach: PartnerReach;
    active: boolean;
  },
  now: Date,
): Promise<PartnerView> {
  return deps.db.transaction(async (tx) => {
    const reach = await reachColumns({ ...deps, db: tx }, orgId, input.name, input.reach, now);
    const partner = await insertPartner(tx, {
      orgId,
      name: input.name,
      address: input.address,
      language: input.language,
      active: input.active,
      createdAt: now,
      updatedAt: now,
      ...reach,
    });
    return viewOf(tx, partner);
  });
}

export async function changePartner(
  deps: PartnerDeps,
  orgId: string,
  id: string,
  input: {
    name?: string;
    address?: string | null;
    language?: PartnerLanguage;
    reach?: PartnerReach;
    active?: boolean;
  },
  now: Date,
): Promise<PartnerView> {
  return deps.db.transaction(async (tx) => {
    const current = await findPartner(tx, orgId, id);
    if (!current) throw new PharmacyNotFoundError();
    const reach = input.reach
      ? await reachColumns({ ...deps, db: tx }, orgId, input.name ?? current.name, input.reach, now)
      : {};
    const updated = await updatePartner(tx, orgId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...reach,
      updatedAt: now,
    });
    if (!updated) throw new PharmacyNotFoundError();
    return viewOf(tx, updated);
  });
}

export async function listPartnerViews(db: DbOrTx, orgId: string): Promise<PartnerView[]> {
  const partners = await listPartners(db, orgId);
  const views: PartnerView[] = [];
  for (const partner of partners) views.push(await viewOf(db, partner));
  return views;
}

export async function getPartnerView(db: DbOrTx, orgId: string, id: string): Promise<PartnerView> {
  const partner = await findPartner(db, orgId, id);
  if (!partner) throw new PharmacyNotFoundError();
  return viewOf(db, partner);
}

/** A pharmacy's org issues a pairing code for one clinic; only its hash is kept. */
export async function issueLinkCode(
  db: DbOrTx,
  pharmacyOrgId: string,
  userId: string | null,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const org = await findOrgByRef(db, pharmacyOrgId);
  if (org?.kind !== 'pharmacy') throw new NotAPharmacyError();
  const code = newLinkCode();
  const expiresAt = new Date(now.getTime() + LINK_CODE_DAYS * 86_400_000);
  await insertLinkCode(db, {
    orgId: pharmacyOrgId,
    codeHash: hashOf(code),
    createdByUserId: userId,
    expiresAt,
    createdAt: now,
  });
  return { code, expiresAt };
}

async function reachColumns(
  deps: { db: DbOrTx; keyring: Keyring },
  orgId: string,
  name: string,
  reach: PartnerReach,
  now: Date,
): Promise<
  Pick<
    PharmacyPartner,
    'reachKind' | 'pharmacyOrgId' | 'channelType' | 'channelAddress' | 'channelAccountId' | 'partnerContactId'
  >
> {
  if (reach.kind === 'careline') {
    const used = await consumeLinkCode(deps.db, hashOf(normalizeCode(reach.linkCode)), orgId, now);
    if (!used) throw new OrderFieldError('body.reach.link_code', 'is not a valid, unused pairing code');
    if (used.orgId === orgId)
      throw new OrderFieldError('body.reach.link_code', 'is this organisation’s own code');
    if (await findPairing(deps.db, orgId, used.orgId))
      throw new OrderFieldError('body.reach.link_code', 'this pharmacy is already a partner of the clinic');
    return {
      reachKind: 'careline',
      pharmacyOrgId: used.orgId,
      channelType: null,
      channelAddress: null,
      channelAccountId: null,
      partnerContactId: null,
    };
  }
  const account = await findChannelAccount(deps.db, orgId, reach.channelAccountId);
  if (!account)
    throw new OrderFieldError('body.reach.channel_account_id', 'no such channel account in this clinic');
  if (account.type !== reach.channelType)
    throw new OrderFieldError('body.reach.channel_type', `the channel account is ${account.type}`);
  const phone = account.type === 'whatsapp' || account.type === 'sms' ? toE164(reach.address) : undefined;
  if ((account.type === 'whatsapp' || account.type === 'sms') && !phone)
    throw new OrderFieldError('body.reach.address', 'must be a phone number in international form (+33…)');
  const externalId = phone ? (account.type === 'whatsapp' ? phone.slice(1) : phone) : reach.address.trim();
  const { contactId } = await resolveSenderContact(
    deps.db,
    deps.keyring,
    orgId,
    account.type,
    {
      externalId,
      scopedId: null,
      parentScopedId: null,
      phone: phone ?? null,
      username: null,
      profileName: name,
    },
    now,
  );
  return {
    reachKind: 'channel',
    channelType: account.type,
    channelAddress: phone ?? reach.address.trim(),
    channelAccountId: account.id,
    partnerContactId: contactId,
    pharmacyOrgId: null,
  };
}

async function viewOf(db: DbOrTx, partner: PharmacyPartner): Promise<PartnerView> {
  const org = partner.pharmacyOrgId ? await findOrgByRef(db, partner.pharmacyOrgId) : undefined;
  return { partner, pharmacyOrgName: org?.name ?? null };
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** "PH-7KQ2-M9XD-4TRA": 60 bits, typed by a person, single use, a week. */
function newLinkCode(): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''),
  );
  return `PH-${groups.join('-')}`;
}

function normalizeCode(code: string): string {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = compact.startsWith('PH') ? compact.slice(2) : compact;
  return `PH-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
}

function hashOf(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
