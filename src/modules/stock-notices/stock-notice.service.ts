import type { DbOrTx } from '../../platform/db/db.ts';
import { decodeCursor, type Page, toPage } from '../../platform/db/keyset-cursor.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { medicationKey } from './medication-match.ts';
import {
  insertStockNotice,
  listStockNoticesPage,
  withdrawStockNoticeRow,
} from './stock-notice.repository.ts';
import type { StockNotice, StockNoticeStatus } from './stock-notice.schema.ts';

/** How long a notice stays up when its author gives no end. */
export const DEFAULT_NOTICE_DAYS = 30;
/** The longest a notice may stay up. */
export const MAX_NOTICE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A clinic's partner pharmacy as the notices need it. */
export interface NoticePartner {
  id: string;
  name: string;
  /** The Careline pharmacy this partner is, when paired; null when reached on a channel. */
  pairedOrgId: string | null;
}

/**
 * What the notices need of the pharmacy partners, handed in by app.ts (the partners belong to the
 * prescription orders' module): whether an org is a pharmacy, and a clinic's partners.
 */
export interface PharmacyDirectory {
  kindOf(db: DbOrTx, orgId: string): Promise<'clinic' | 'pharmacy'>;
  partnersOf(db: DbOrTx, clinicOrgId: string): Promise<NoticePartner[]>;
}

export class NoticeInputError extends Error {
  readonly field: string;
  readonly status: 400 | 404 | 409;

  constructor(field: string, message: string, status: 400 | 404 | 409 = 400) {
    super(message);
    this.field = field;
    this.status = status;
    this.name = 'NoticeInputError';
  }
}

export class StockNoticeNotFoundError extends Error {
  constructor() {
    super('stock notice not found');
    this.name = 'StockNoticeNotFoundError';
  }
}

export class BadNoticeCursorError extends Error {
  constructor() {
    super('is not a cursor returned by this API');
    this.name = 'BadNoticeCursorError';
  }
}

export interface NewStockNotice {
  /** A clinic's partner pharmacy reached on a channel; never given by a pharmacy. */
  partnerPharmacyId?: string;
  medication: string;
  strength?: string | null;
  form?: string | null;
  status: StockNoticeStatus;
  message?: string | null;
  startsAt?: Date;
  expiresAt?: Date;
}

/** A notice with the pharmacy it is about, as the reader knows it. */
export interface NoticeView {
  notice: StockNotice;
  pharmacy: { id: string | null; name: string };
  /** Whether the reader wrote it (and may withdraw it). */
  own: boolean;
}

/**
 * A Careline pharmacy publishes to every clinic paired with it. A clinic records what a partner pharmacy
 * reached on a channel told it (the pharmacist wrote on WhatsApp that a medicine is short): only that
 * clinic sees it. A clinic does not write for a paired Careline pharmacy, whose own notices are the
 * source: two versions of the same shortage would contradict each other when the pharmacy withdraws its
 * own.
 */
export async function publishStockNotice(
  db: DbOrTx,
  clock: Clock,
  directory: PharmacyDirectory,
  author: { orgId: string; userId: string | null },
  input: NewStockNotice,
): Promise<StockNotice> {
  const kind = await directory.kindOf(db, author.orgId);
  if (kind === 'pharmacy' && input.partnerPharmacyId !== undefined) {
    throw new NoticeInputError('body.pharmacy_id', 'a pharmacy publishes its own notices: leave it out');
  }
  if (kind === 'clinic') {
    if (input.partnerPharmacyId === undefined) {
      throw new NoticeInputError('body.pharmacy_id', 'is required: the partner pharmacy that told you');
    }
    const partner = (await directory.partnersOf(db, author.orgId)).find(
      (p) => p.id === input.partnerPharmacyId,
    );
    if (!partner)
      throw new NoticeInputError('body.pharmacy_id', 'is not one of your partner pharmacies', 404);
    if (partner.pairedOrgId !== null) {
      throw new NoticeInputError(
        'body.pharmacy_id',
        'is a pharmacy on Careline: it publishes its own stock notices',
        409,
      );
    }
  }
  const key = medicationKey(input.medication);
  if (key === '')
    throw new NoticeInputError('body.medication', 'must name a medicine, not only a strength or form');
  const now = clock.now();
  const startsAt = input.startsAt ?? now;
  const expiresAt = input.expiresAt ?? new Date(startsAt.getTime() + DEFAULT_NOTICE_DAYS * DAY_MS);
  if (expiresAt.getTime() <= Math.max(startsAt.getTime(), now.getTime())) {
    throw new NoticeInputError('body.expires_at', 'must be after the start and in the future');
  }
  if (expiresAt.getTime() - startsAt.getTime() > MAX_NOTICE_DAYS * DAY_MS) {
    throw new NoticeInputError('body.expires_at', `must be within ${MAX_NOTICE_DAYS} days of the start`);
  }
  return insertStockNotice(db, {
    orgId: author.orgId,
    partnerPharmacyId: input.partnerPharmacyId ?? null,
    medication: input.medication.trim(),
    medicationKey: key,
    strength: input.strength?.trim() || null,
    form: input.form?.trim() || null,
    status: input.status,
    message: input.message?.trim() || null,
    startsAt,
    expiresAt,
    createdByUserId: author.userId,
  });
}

/**
 * A clinic reads the active notices of its partners (published by its paired Careline pharmacies, and
 * those it recorded for partners reached on a channel); a pharmacy reads its own, withdrawn and expired
 * ones too unless `activeOnly`. `medication` keeps the notices about that medicine (medicationKey).
 */
export async function listStockNotices(
  db: DbOrTx,
  clock: Clock,
  directory: PharmacyDirectory,
  reader: { orgId: string; orgName: string },
  query: { medication?: string; activeOnly?: boolean; cursor?: string; limit: number },
): Promise<Page<NoticeView>> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw new BadNoticeCursorError();
  const key = query.medication === undefined ? undefined : medicationKey(query.medication);
  if (key === '') return { data: [], nextCursor: null };
  const kind = await directory.kindOf(db, reader.orgId);
  const partners = kind === 'clinic' ? await directory.partnersOf(db, reader.orgId) : [];
  const scope =
    kind === 'pharmacy'
      ? { orgId: reader.orgId }
      : {
          orgId: reader.orgId,
          partnerIds: partners.filter((p) => p.pairedOrgId === null).map((p) => p.id),
          publishedBy: [...new Set(partners.flatMap((p) => (p.pairedOrgId ? [p.pairedOrgId] : [])))],
        };
  const activeOnly = kind === 'clinic' || query.activeOnly === true;
  const rows = await listStockNoticesPage(db, scope, {
    limit: query.limit,
    ...(activeOnly ? { activeAt: clock.now() } : {}),
    ...(key !== undefined ? { medicationKey: key } : {}),
    ...(after ? { after } : {}),
  });
  const page = toPage(rows, query.limit, (n) => ({ at: n.createdAt, id: n.id }));
  return {
    nextCursor: page.nextCursor,
    data: page.data.map((notice) => ({
      notice,
      own: notice.orgId === reader.orgId,
      pharmacy: pharmacyOf(notice, kind, partners, reader),
    })),
  };
}

function pharmacyOf(
  notice: StockNotice,
  kind: 'clinic' | 'pharmacy',
  partners: NoticePartner[],
  reader: { orgId: string; orgName: string },
): { id: string | null; name: string } {
  if (kind === 'pharmacy') return { id: null, name: reader.orgName };
  const partner = notice.partnerPharmacyId
    ? partners.find((p) => p.id === notice.partnerPharmacyId)
    : partners.find((p) => p.pairedOrgId === notice.orgId);
  return partner ? { id: partner.id, name: partner.name } : { id: null, name: '' };
}

/** Whether a notice is up at `at`: started, not expired, not withdrawn. */
export function isNoticeActive(notice: StockNotice, at: Date): boolean {
  return notice.withdrawnAt === null && notice.startsAt <= at && notice.expiresAt > at;
}

/** Only its author withdraws a notice; withdrawing it again changes nothing. */
export async function withdrawStockNotice(
  db: DbOrTx,
  clock: Clock,
  orgId: string,
  id: string,
): Promise<StockNotice> {
  const notice = await withdrawStockNoticeRow(db, orgId, id, clock.now());
  if (!notice) throw new StockNoticeNotFoundError();
  return notice;
}
